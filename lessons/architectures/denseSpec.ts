/**
 * One DenseNet dense block as a spec. Every layer reads the concatenation of the block's input and
 * all earlier layers' outputs, and adds `growth` new channels (the growth rate k). Each layer is
 * batch norm -> ReLU -> conv (pre-activation order); with `bottleneck` (DenseNet-B, as in
 * DenseNet-121) a 1×1 conv to 4k channels comes before the 3×3.
 *
 * The running concatenation is kept as one layer per step (`cat<l>` joins `cat<l-1>` and the new
 * maps), which is the same tensor as joining everything so far at once.
 */
import type { LayerSpec, ModelSpec } from '../../engine/spec';

export interface DenseSettings {
  readonly inChannels: number;
  readonly side: number;
  readonly growth: number;
  readonly layers: number;
  readonly bottleneck: boolean;
}

function denseLayer(l: number, input: string, s: DenseSettings): LayerSpec[] {
  const conv = (id: string, filters: number, kernel: number): LayerSpec => ({
    type: 'conv2d',
    id,
    filters,
    kernel,
    padding: (kernel - 1) / 2,
    bias: false,
  });
  const pre = (tag: string, from?: string): LayerSpec[] => [
    from === undefined
      ? { type: 'batchnorm', id: `L${l}_${tag}bn` }
      : { type: 'batchnorm', id: `L${l}_${tag}bn`, input: from },
    { type: 'activation', id: `L${l}_${tag}relu`, kind: 'relu' },
  ];
  const squeeze = s.bottleneck ? [...pre('a', input), conv(`L${l}_1x1`, 4 * s.growth, 1)] : [];
  return [...squeeze, ...pre('b', s.bottleneck ? undefined : input), conv(`L${l}_3x3`, s.growth, 3)];
}

export function denseSpec(s: DenseSettings): ModelSpec {
  const layers: LayerSpec[] = [{ type: 'input', id: 'cat0', shape: [s.inChannels, s.side, s.side] }];
  for (let l = 1; l <= s.layers; l++) {
    layers.push(...denseLayer(l, `cat${l - 1}`, s));
    layers.push({ type: 'concat', id: `cat${l}`, inputs: [`cat${l - 1}`, `L${l}_3x3`] });
  }
  return { name: 'Dense block', layers };
}
