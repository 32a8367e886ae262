import { describe, expect, it } from 'vitest';
import { batchNormCoverage, dropoutRate, withBatchNorm, withDropout } from '../../app/studio/regularizerLayers';
import { PRESETS, summarize } from '../../engine/spec';

const lecture = PRESETS['lecture-mnist']!.spec;
const resnet = PRESETS['mini-resnet-cifar10']!.spec;
const types = (spec: typeof lecture): string => spec.layers.map((l) => l.type).join(' ');

describe('batch norm switch', () => {
  it('puts batch norm between each convolution and its activation, and takes it out again', () => {
    expect(batchNormCoverage(lecture)).toBe('none');
    const on = withBatchNorm(lecture, true);
    expect(types(on)).toBe(
      'input conv2d batchnorm activation maxpool conv2d batchnorm activation maxpool flatten dense dense',
    );
    expect(batchNormCoverage(on)).toBe('all');
    // Same output shape; batch norm adds 2·C parameters per convolution (gamma and beta).
    expect(summarize(on).outputShape).toEqual(summarize(lecture).outputShape);
    expect(summarize(on).totalParams).toBe(summarize(lecture).totalParams + 2 * 10 + 2 * 10);
    const off = withBatchNorm(on, false);
    expect(batchNormCoverage(off)).toBe('none');
    expect(types(off)).toBe('input conv2d activation maxpool conv2d activation maxpool flatten dense dense');
    expect(summarize(off).totalParams).toBe(summarize(lecture).totalParams);
  });

  it('keeps a residual network valid both ways', () => {
    for (const on of [true, false]) {
      const edited = withBatchNorm(resnet, on);
      expect(() => summarize(edited)).not.toThrow();
      expect(summarize(edited).outputShape).toEqual(summarize(resnet).outputShape);
    }
  });

  it('reports a partly normalised network as "some"', () => {
    const on = withBatchNorm(lecture, true);
    const partial = { ...on, layers: on.layers.filter((_, i) => i !== 2) };
    expect(batchNormCoverage(partial)).toBe('some');
  });
});

describe('dropout switch', () => {
  it('drops units before the classifier of the lecture net, at the chosen rate', () => {
    expect(dropoutRate(lecture)).toBeNull();
    const on = withDropout(lecture, 0.5);
    expect(types(on)).toBe('input conv2d maxpool conv2d maxpool flatten dense dropout dense');
    expect(dropoutRate(on)).toBe(0.5);
    expect(dropoutRate(withDropout(on, 0.2))).toBe(0.2);
    expect(types(withDropout(on, 0.2))).toBe(types(on));
    expect(types(withDropout(on, null))).toBe(types(lecture));
  });

  it('goes before the only dense layer when there is no hidden dense layer', () => {
    const spec = PRESETS['convnetjs-cifar10']!.spec;
    expect(types(withDropout(spec, 0.25)).endsWith('flatten dropout dense')).toBe(true);
  });
});
