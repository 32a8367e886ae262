/**
 * Click a unit in a model: from a layer's summary, every layer's activations for one image (the
 * worker's 'activations' snapshot, indexed like the summary's layers) and the layer's weights,
 * gather the unit's arithmetic (UnitArithmeticMath.ts) and the rectangles its window and receptive
 * field cover: on the layer's input maps, and on the image when only conv, pooling and elementwise
 * layers lie between (so for the first conv layers the image shows the field exactly).
 */
import type { LayerSummary, ModelSummary } from '../../engine/spec';
import { convUnitAt, type Plane3, poolUnitAt, type Unit, type WindowGeometry } from './UnitArithmeticMath';

/** The named tensors the worker sends: activations by layer id, weights as `<id>.weight` / `<id>.bias`. */
export interface NamedTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/** Rows top..bottom and columns left..right, inclusive; may reach into padding (outside the map). */
export interface Span {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface UnitPick {
  readonly layer: number;
  readonly channel: number;
  readonly row: number;
  readonly col: number;
}

/** Layers whose units click-a-unit explains. */
export function isPickable(layer: LayerSummary): boolean {
  return layer.type === 'conv2d' || layer.type === 'maxpool' || layer.type === 'avgpool';
}

function planeOf(t: NamedTensor): Plane3 {
  const [channels = 1, height = 1, width = 1] = t.shape.slice(-3);
  return { channels, height, width, data: t.data };
}

function geometryOf(layer: LayerSummary): WindowGeometry | null {
  const r = layer.resolved;
  if (r.type === 'conv2d') return { kernel: r.kernel, stride: r.stride, pad: r.pad, dilation: r.dilation };
  if (r.type === 'maxpool' || r.type === 'avgpool') return { kernel: r.size, stride: r.stride, pad: r.pad };
  return null;
}

/** The unit at `pick`, or a sentence saying why it cannot be explained. */
export function unitOf(
  summary: ModelSummary,
  pick: UnitPick,
  activations: readonly NamedTensor[],
  weights: readonly NamedTensor[],
): Unit | string {
  const layer = summary.layers[pick.layer];
  const geometry = layer ? geometryOf(layer) : null;
  if (!layer || !geometry) return 'Only conv and pooling units can be explained here.';
  const inputIndex = layer.inputs[0] ?? -1;
  const input = activations[inputIndex];
  const output = activations[pick.layer];
  if (!input || !output) return 'The activations for this layer have not arrived yet.';
  const out = planeOf(output);
  const value = out.data[(pick.channel * out.height + pick.row) * out.width + pick.col] ?? 0;
  const r = layer.resolved;
  if (r.type === 'conv2d') {
    const weight = weights.find((w) => w.name === `${layer.id}.weight`);
    if (!weight) return 'The weights for this layer have not arrived yet.';
    const bias = weights.find((w) => w.name === `${layer.id}.bias`)?.data ?? null;
    const src = { input: planeOf(input), weight: weight.data, bias, filters: r.filters, groups: r.groups };
    return convUnitAt({ ...src, geometry, activation: r.activation }, pick.channel, pick.row, pick.col, value);
  }
  const kind = r.type === 'maxpool' ? 'max' : 'avg';
  return poolUnitAt(kind, planeOf(input), geometry, pick.channel, pick.row, pick.col, value);
}

/** The span of input cells one layer's units `span` read. */
function backThrough(layer: LayerSummary, span: Span): Span | null {
  const g = geometryOf(layer);
  if (g) {
    const [sh, sw] = g.stride;
    const [ph, pw] = g.pad;
    const [dh, dw] = g.dilation ?? [1, 1];
    return {
      top: span.top * sh - ph,
      left: span.left * sw - pw,
      bottom: span.bottom * sh - ph + dh * (g.kernel[0] - 1),
      right: span.right * sw - pw + dw * (g.kernel[1] - 1),
    };
  }
  // Elementwise layers read exactly the cells they write.
  const same = ['activation', 'batchnorm', 'dropout', 'lrn'];
  return same.includes(layer.type) ? span : null;
}

/** The window of `pick` on its layer's input maps. */
export function windowSpan(summary: ModelSummary, pick: UnitPick): Span | null {
  const layer = summary.layers[pick.layer];
  const one = { top: pick.row, left: pick.col, bottom: pick.row, right: pick.col };
  return layer ? backThrough(layer, one) : null;
}

/** The unit's receptive field on the image (layer 0), or null when a layer on the way is not a window or elementwise. */
export function imageSpan(summary: ModelSummary, pick: UnitPick): Span | null {
  let span: Span | null = { top: pick.row, left: pick.col, bottom: pick.row, right: pick.col };
  let index = pick.layer;
  while (index > 0 && span) {
    const layer: LayerSummary | undefined = summary.layers[index];
    if (layer?.inputs.length !== 1) return null;
    span = backThrough(layer, span);
    index = layer.inputs[0]!;
  }
  return index === 0 ? span : null;
}
