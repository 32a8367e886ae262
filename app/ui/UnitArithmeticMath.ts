/**
 * The arithmetic behind one output unit of a conv or pooling layer, gathered from real tensors:
 * which input cells its window reads (padding included, as zeros), the kernel weights that
 * multiply them, the bias and the fused activation. `unitArithmetic` then writes the sum out
 * (products, per-channel subtotals, + bias, activation) so UnitArithmetic.tsx can show it next to
 * the engine's own output value. Nothing here is a second implementation of a layer for display:
 * the products and sums are the working a student reads; the value they must reach is the
 * engine's, passed in as `output`.
 */
import { activationForward, defaultAlpha } from '../../engine/cpu/activations';
import type { ActivationKind } from '../../engine/spec';

/** One input channel's part of a conv unit: the window under the kernel and the kernel slice. */
export interface ChannelTerms {
  readonly channel: number;
  /** Kernel height and width (the window has the same shape, dilation gaps skipped). */
  readonly rows: number;
  readonly cols: number;
  /** Window values, row-major; 0 where the window lies on padding. */
  readonly window: readonly number[];
  /** True where the window cell is padding rather than an input pixel. */
  readonly padded: readonly boolean[];
  readonly kernel: readonly number[];
}

export interface ConvUnit {
  readonly kind: 'conv';
  readonly channels: readonly ChannelTerms[];
  readonly bias: number | null;
  readonly activation: { readonly kind: ActivationKind; readonly alpha: number } | null;
  /** The engine's value at this unit (what the output grid shows). */
  readonly output: number;
}

export interface PoolUnit {
  readonly kind: 'max' | 'avg';
  readonly rows: number;
  readonly cols: number;
  readonly window: readonly number[];
  readonly padded: readonly boolean[];
  readonly output: number;
}

export type Unit = ConvUnit | PoolUnit;

/** The working for a conv unit. */
export interface ConvWorking {
  readonly products: readonly (readonly number[])[];
  readonly channelSums: readonly number[];
  readonly sum: number;
  /** sum + bias: what goes into the activation. */
  readonly preActivation: number;
  readonly activated: number;
}

export function convWorking(unit: ConvUnit): ConvWorking {
  const products = unit.channels.map((ch) => ch.window.map((x, i) => x * ch.kernel[i]!));
  const channelSums = products.map((p) => p.reduce((a, b) => a + b, 0));
  const sum = channelSums.reduce((a, b) => a + b, 0);
  const preActivation = sum + (unit.bias ?? 0);
  return { products, channelSums, sum, preActivation, activated: activate(unit.activation, preActivation) };
}

/** The working for a pooling unit: the max, or the sum and the mean over the full window. */
export function poolWorking(unit: PoolUnit): { readonly sum: number; readonly result: number } {
  const sum = unit.window.reduce((a, b) => a + b, 0);
  const result = unit.kind === 'max' ? Math.max(...unit.window) : sum / unit.window.length;
  return { sum, result };
}

function activate(activation: ConvUnit['activation'], x: number): number {
  if (!activation) return x;
  const y = new Float64Array(1);
  activationForward(activation.kind, activation.alpha, Float64Array.of(x), y);
  return y[0]!;
}

/** A layer's input as the unit reads it: [C, H, W] values, channel-major. */
export interface Plane3 {
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  readonly data: ArrayLike<number>;
}

export interface WindowGeometry {
  readonly kernel: readonly [number, number];
  readonly stride: readonly [number, number];
  /** Padding at the top and left, in pixels. */
  readonly pad: readonly [number, number];
  readonly dilation?: readonly [number, number];
}

/** Input (row, col) of each window tap of output (oy, ox), row-major; may lie in the padding. */
export function windowTaps(geo: WindowGeometry, oy: number, ox: number): { row: number; col: number }[] {
  const [kh, kw] = geo.kernel;
  const [dh, dw] = geo.dilation ?? [1, 1];
  const taps: { row: number; col: number }[] = [];
  for (let u = 0; u < kh; u++) {
    for (let v = 0; v < kw; v++) {
      taps.push({ row: oy * geo.stride[0] - geo.pad[0] + u * dh, col: ox * geo.stride[1] - geo.pad[1] + v * dw });
    }
  }
  return taps;
}

function readWindow(input: Plane3, channel: number, taps: readonly { row: number; col: number }[]) {
  const padded = taps.map(({ row, col }) => row < 0 || col < 0 || row >= input.height || col >= input.width);
  const window = taps.map(({ row, col }, i) =>
    padded[i] ? 0 : (input.data[(channel * input.height + row) * input.width + col] ?? 0),
  );
  return { window, padded };
}

export interface ConvUnitSource {
  readonly input: Plane3;
  /** [filters, C / groups, kh, kw], as the engine stores conv weights. */
  readonly weight: ArrayLike<number>;
  readonly bias: ArrayLike<number> | null;
  readonly filters: number;
  readonly groups: number;
  readonly geometry: WindowGeometry;
  readonly activation: ActivationKind | null;
}

/** Gathers conv unit (filter, oy, ox): every input channel of its group, its kernel slices and bias. */
export function convUnitAt(src: ConvUnitSource, filter: number, oy: number, ox: number, output: number): ConvUnit {
  const [kh, kw] = src.geometry.kernel;
  const perGroup = src.input.channels / src.groups;
  const group = Math.floor(filter / (src.filters / src.groups));
  const taps = windowTaps(src.geometry, oy, ox);
  const channels: ChannelTerms[] = [];
  for (let j = 0; j < perGroup; j++) {
    const channel = group * perGroup + j;
    const start = (filter * perGroup + j) * kh * kw;
    const kernel = Array.from({ length: kh * kw }, (_, i) => src.weight[start + i] ?? 0);
    channels.push({ channel, rows: kh, cols: kw, ...readWindow(src.input, channel, taps), kernel });
  }
  const activation = src.activation ? { kind: src.activation, alpha: defaultAlpha(src.activation) } : null;
  return { kind: 'conv', channels, bias: src.bias ? (src.bias[filter] ?? 0) : null, activation, output };
}

/** Gathers pooling unit (channel, oy, ox): the window of its own channel. */
export function poolUnitAt(
  kind: 'max' | 'avg',
  input: Plane3,
  geometry: WindowGeometry,
  channel: number,
  oy: number,
  ox: number,
  output: number,
): PoolUnit {
  const taps = windowTaps(geometry, oy, ox);
  const { window, padded } = readWindow(input, channel, taps);
  // Max pooling never picks a padding cell: the engine pads with -infinity for max, zeros for average.
  const values = kind === 'max' ? window.filter((_, i) => !padded[i]) : window;
  const kept = kind === 'max' ? padded.filter((p) => !p) : padded;
  const [rows, cols] = kind === 'max' && kept.length !== window.length ? [1, values.length] : geometry.kernel;
  return { kind, rows, cols, window: values, padded: kept, output };
}
