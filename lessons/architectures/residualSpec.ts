/**
 * One residual block as a spec, as ResNet builds it: bias-free convs each followed by batch norm,
 * the block's input added back before the last ReLU. Basic block: 3×3 -> 3×3 (ResNet-18/34).
 * Bottleneck: 1×1 down to `width` -> 3×3 -> 1×1 up to 4·width (ResNet-50 and deeper). The shortcut
 * is the input itself ('identity') or a 1×1 conv with batch norm ('projection'); layers of the
 * shortcut have ids starting "sc_" so a widget can count them apart.
 *
 * An identity shortcut whose shape does not match the branch is left in on purpose: summarize()
 * then refuses the add with a message proposing the projection, which the widget shows.
 */
import type { LayerSpec, ModelSpec } from '../../engine/spec';

export type BlockKind = 'basic' | 'bottleneck';
export type Shortcut = 'identity' | 'projection';
/** Which conv of a strided bottleneck halves the map: the paper's first 1×1, or torchvision's 3×3. */
export type StrideOn = '1x1' | '3x3';

export interface BlockSettings {
  readonly kind: BlockKind;
  readonly inChannels: number;
  readonly side: number;
  /** Basic: the block's output channels. Bottleneck: the inner width (output is 4·width). */
  readonly width: number;
  readonly stride: 1 | 2;
  readonly shortcut: Shortcut;
  readonly strideOn: StrideOn;
}

const conv = (id: string, filters: number, kernel: number, stride: number, input?: string): LayerSpec => {
  const base = { type: 'conv2d', id, filters, kernel, stride, padding: 'same', bias: false } as const;
  return input === undefined ? base : { ...base, input };
};
const bn = (id: string): LayerSpec => ({ type: 'batchnorm', id });
const relu = (id: string): LayerSpec => ({ type: 'activation', id, kind: 'relu' });

/** The block's output channels. */
export function blockOut(s: BlockSettings): number {
  return s.kind === 'basic' ? s.width : 4 * s.width;
}

function branch(s: BlockSettings): LayerSpec[] {
  if (s.kind === 'basic') {
    return [
      conv('conv1', s.width, 3, s.stride, 'in'),
      bn('bn1'),
      relu('relu1'),
      conv('conv2', s.width, 3, 1),
      bn('bn2'),
    ];
  }
  return [
    conv('conv1', s.width, 1, s.strideOn === '1x1' ? s.stride : 1, 'in'),
    bn('bn1'),
    relu('relu1'),
    conv('conv2', s.width, 3, s.strideOn === '3x3' ? s.stride : 1),
    bn('bn2'),
    relu('relu2'),
    conv('conv3', 4 * s.width, 1, 1),
    bn('bn3'),
  ];
}

export function residualSpec(s: BlockSettings): ModelSpec {
  const layers = branch(s);
  const last = layers[layers.length - 1]?.id ?? 'in';
  const projection = s.shortcut === 'projection';
  return {
    name: `${s.kind} residual block`,
    layers: [
      { type: 'input', id: 'in', shape: [s.inChannels, s.side, s.side] },
      ...layers,
      ...(projection ? [conv('sc_proj', blockOut(s), 1, s.stride, 'in'), bn('sc_bn')] : []),
      { type: 'add', id: 'add', input: last, with: projection ? 'sc_bn' : 'in' },
      relu('out'),
    ],
  };
}
