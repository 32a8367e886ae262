/**
 * The lecture's initialisation experiment, without React: a stack of `depth` fully connected
 * layers of `width` units (no biases), fed a batch of unit-Gaussian random inputs, with every
 * weight matrix drawn by one initialisation scheme. It records each layer's activation statistics
 * and histogram on the way forward, then sends a random unit-Gaussian gradient back from the last
 * layer through the same net and records the gradient reaching each layer's output (dL/da) and
 * each weight matrix (dL/dW). Every number comes from the engine's dense and activation kernels.
 */
import { activationBackward, activationForward, defaultAlpha } from '../../engine/cpu/activations';
import { denseBackward, denseForward } from '../../engine/cpu/dense';
import { createRng, type Rng } from '../../engine/tensor/rng';
import { fansOf, heNormal, normal, xavierNormal } from '../../engine/train/initializers';
import { type Histogram, histogram, type ValueStats, valueStats } from './layerStats';

export type InitId = 'small' | 'large' | 'xavier' | 'he';
export type NetActivation = 'tanh' | 'relu' | 'leakyRelu';

export interface ExperimentSettings {
  readonly init: InitId;
  readonly activation: NetActivation;
  readonly depth: number;
  readonly width: number;
  readonly seed: number;
  /** Samples in the random batch. */
  readonly batch: number;
}

export const DEFAULT_BATCH = 256;
export const HISTOGRAM_BINS = 30;

export interface LayerResult {
  /** 1-based layer number. */
  readonly layer: number;
  /** The layer's outputs a_k = f(W_k a_{k−1}). */
  readonly activation: ValueStats;
  readonly histogram: Histogram;
  /** Standard deviation of the weights actually drawn. */
  readonly weightStd: number;
  /** dL/da_k: the gradient arriving at this layer's output on the way back. */
  readonly gradient: ValueStats;
  /** dL/dW_k: what a gradient step would change this layer's weights by (before the learning rate). */
  readonly weightGradient: ValueStats;
}

export interface ExperimentResult {
  readonly settings: ExperimentSettings;
  /** Standard deviation the scheme asks for, σ_w (Var(w) = σ_w²). */
  readonly targetWeightStd: number;
  readonly input: ValueStats;
  readonly layers: readonly LayerResult[];
  /** dL/dx: the gradient that reaches the input after the whole backward pass. */
  readonly inputGradient: ValueStats;
}

/** σ_w each scheme draws with, for a square layer of `width` units (n_in = n_out = width). */
export function targetStd(init: InitId, width: number): number {
  switch (init) {
    case 'small':
      return 0.01;
    case 'large':
      return 1;
    case 'xavier':
      // Glorot: Var(w) = 2/(n_in + n_out), which is 1/n_in when the layer is square.
      return Math.sqrt(2 / (width + width));
    case 'he':
      return Math.sqrt(2 / width);
  }
}

function drawWeights(init: InitId, width: number, rng: Rng): Float32Array {
  const w = new Float32Array(width * width);
  const fans = fansOf([width, width]);
  if (init === 'small') normal(w, 0.01, rng);
  else if (init === 'large') normal(w, 1, rng);
  else if (init === 'xavier') xavierNormal(w, fans, rng);
  else heNormal(w, fans.fanIn, rng);
  return w;
}

/** Called after each of the 2·depth layer passes (forward then backward) with how many are done. */
export type Progress = (done: number, total: number) => void;

export function runExperiment(settings: ExperimentSettings, onProgress?: Progress): ExperimentResult {
  const { init, activation, depth, width, seed, batch } = settings;
  const rng = createRng(seed);
  const alpha = defaultAlpha(activation);
  const dims = { batch, inputs: width, units: width };
  const total = 2 * depth;

  const x = new Float32Array(batch * width);
  normal(x, 1, rng);
  const weights: Float32Array[] = [];
  for (let k = 0; k < depth; k++) weights.push(drawWeights(init, width, rng));
  const upstream = new Float32Array(batch * width);
  normal(upstream, 1, rng);

  // Forward: acts[k] is the input to layer k+1 (acts[0] = x).
  const acts: Float32Array[] = [x];
  for (let k = 0; k < depth; k++) {
    const a = new Float32Array(batch * width);
    denseForward(dims, acts[k]!, weights[k]!, null, a);
    activationForward(activation, alpha, a, a);
    acts.push(a);
    onProgress?.(k + 1, total);
  }

  // Backward from a random gradient on the last layer's output.
  const gradients: ValueStats[] = new Array(depth);
  const weightGradients: ValueStats[] = new Array(depth);
  const dw = new Float32Array(width * width);
  let g = upstream;
  for (let k = depth - 1; k >= 0; k--) {
    gradients[k] = valueStats(g);
    const dz = new Float32Array(batch * width);
    activationBackward(activation, alpha, acts[k + 1]!, g, dz);
    const dx = new Float32Array(batch * width);
    denseBackward(dims, acts[k]!, weights[k]!, dz, { dx, dw, db: null });
    weightGradients[k] = valueStats(dw);
    g = dx;
    onProgress?.(2 * depth - k, total);
  }

  const stats = acts.slice(1).map((a) => valueStats(a));
  const range = histogramRange(activation, stats);
  const layers = stats.map(
    (s, k): LayerResult => ({
      layer: k + 1,
      activation: s,
      histogram: histogram(acts[k + 1]!, range.lo, range.hi, HISTOGRAM_BINS, activation !== 'tanh'),
      weightStd: valueStats(weights[k]!).std,
      gradient: gradients[k]!,
      weightGradient: weightGradients[k]!,
    }),
  );
  return {
    settings,
    targetWeightStd: targetStd(init, width),
    input: valueStats(x),
    layers,
    inputGradient: valueStats(g),
  };
}

/**
 * One x-range for every layer's histogram, so layers can be compared by eye: tanh's whole range
 * [−1, 1]; for ReLU-like units [0, max over layers of mean + 3·std] (their positive side).
 */
function histogramRange(activation: NetActivation, stats: readonly ValueStats[]): { lo: number; hi: number } {
  if (activation === 'tanh') return { lo: -1, hi: 1 };
  let hi = 0;
  for (const s of stats) if (s.finite) hi = Math.max(hi, s.mean + 3 * s.std);
  return { lo: 0, hi: hi > 0 && Number.isFinite(hi) ? hi : 1 };
}
