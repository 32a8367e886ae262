/**
 * Weight initialisers, seeded by an Rng so the same seed gives the same network everywhere.
 *
 * Fan-in is how many inputs feed one output unit, fan-out how many outputs one input feeds:
 *   dense  W [units, in]:              fanIn = in,                fanOut = units
 *   conv2d W [F, C/groups, kh, kw]:    fanIn = (C/groups)·kh·kw,  fanOut = (F/groups)·kh·kw
 * (each input channel only reaches the F/groups filters of its group; PyTorch uses F·kh·kw,
 * which is the same when groups = 1).
 *
 *   he (Kaiming) normal: N(0, 2/fanIn)            — for ReLU networks, keeps activations' variance
 *   xavier (Glorot) uniform: U(±√(6/(fanIn+fanOut)))  — for tanh/sigmoid networks
 *   xavier (Glorot) normal: N(0, 2/(fanIn+fanOut))
 *   normal(σ): N(0, σ²), the lecture's "small random numbers"
 * Biases and batchnorm β start at zero, batchnorm γ at one.
 */
import type { Rng } from '../tensor/rng';

export type InitScheme = 'he' | 'xavier' | { readonly normal: number };

export interface Fans {
  readonly fanIn: number;
  readonly fanOut: number;
}

/** Fans of a weight tensor: [units, in] for dense, [F, C/groups, kh, kw] for conv2d. */
export function fansOf(shape: readonly number[], groups = 1): Fans {
  const [out = 1, inPerGroup = 1, ...kernel] = shape;
  const receptive = kernel.reduce((a, b) => a * b, 1);
  return { fanIn: inPerGroup * receptive, fanOut: (out / groups) * receptive };
}

export function heNormal(values: Float32Array, fanIn: number, rng: Rng): void {
  normal(values, Math.sqrt(2 / fanIn), rng);
}

export function xavierUniform(values: Float32Array, fans: Fans, rng: Rng): void {
  const limit = Math.sqrt(6 / (fans.fanIn + fans.fanOut));
  for (let i = 0; i < values.length; i++) values[i] = (2 * rng.next() - 1) * limit;
}

export function xavierNormal(values: Float32Array, fans: Fans, rng: Rng): void {
  normal(values, Math.sqrt(2 / (fans.fanIn + fans.fanOut)), rng);
}

export function normal(values: Float32Array, sigma: number, rng: Rng): void {
  for (let i = 0; i < values.length; i++) values[i] = sigma * rng.normal();
}

export function zeros(values: Float32Array): void {
  values.fill(0);
}

/** Fills `values` by `scheme` ('xavier' is Glorot uniform). */
export function initialize(values: Float32Array, scheme: InitScheme, fans: Fans, rng: Rng): void {
  if (scheme === 'he') heNormal(values, fans.fanIn, rng);
  else if (scheme === 'xavier') xavierUniform(values, fans, rng);
  else normal(values, scheme.normal, rng);
}
