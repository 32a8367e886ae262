import { describe, expect, it } from 'vitest';
import { defaultCodeLayer } from '../../app/ui/embedding/codeLayer';
import { summarize } from '../../engine/spec/summarize';
import type { ModelSpec } from '../../engine/spec/types';

const input = { type: 'input', shape: [1, 28, 28] } as const;
const net = (...layers: ModelSpec['layers'][number][]): ModelSpec => ({ layers: [input, ...layers] }) as ModelSpec;

describe('defaultCodeLayer', () => {
  it('picks the input of the last dense layer', () => {
    const spec = net(
      { type: 'conv2d', filters: 4, kernel: 3 },
      { type: 'flatten' },
      { type: 'dense', units: 32, activation: 'relu' },
      { type: 'dense', units: 10 },
    );
    expect(defaultCodeLayer(summarize(spec)).index).toBe(3);
  });

  it('skips dropout in front of the classifier and a trailing softmax', () => {
    const spec = net(
      { type: 'flatten' },
      { type: 'dense', units: 16 },
      { type: 'activation', kind: 'relu' },
      { type: 'dropout', rate: 0.5 },
      { type: 'dense', units: 10 },
      { type: 'softmax' },
    );
    // 1 flatten, 2 dense, 3 relu, 4 dropout, 5 dense, 6 softmax: the code is the relu's output.
    expect(defaultCodeLayer(summarize(spec)).index).toBe(3);
  });

  it('takes the layer before the output when there is no dense layer', () => {
    const spec = net(
      { type: 'conv2d', filters: 4, kernel: 3, activation: 'relu' },
      { type: 'conv2d', filters: 10, kernel: 3 },
      { type: 'globalavgpool' },
    );
    const choice = defaultCodeLayer(summarize(spec));
    expect(choice.index).toBe(2);
    expect(choice.reason).toContain('no dense layer');
  });

  it('says why not when the classifier reads the image itself', () => {
    const spec = net({ type: 'flatten' }, { type: 'dense', units: 10 });
    const choice = defaultCodeLayer(summarize(spec));
    // The flatten layer is still a layer after the input: its output is the pixels, a code of sorts.
    expect(choice.index).toBe(1);
    const bare = defaultCodeLayer(summarize(net({ type: 'globalavgpool' })));
    expect(bare.index).toBeNull();
    expect(bare.reason).toContain('no code to embed');
  });
});
