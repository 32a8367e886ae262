/**
 * A model's parameters, gradients and buffers as flat Float32Arrays, in the model's own order
 * (params as `model.params`, then buffers as `model.buffers`). The coordinator and every replica
 * build the same spec, so the same offsets name the same numbers on both sides; `layoutOf`
 * lets each side check that before the first step.
 */
import type { ModelSummary } from '../spec/types';
import type { Model } from '../train/model';

export interface WeightLayout {
  /** Floats in all params together (values, or gradients). */
  readonly paramFloats: number;
  /** Floats in all buffers together (batchnorm running means and variances). */
  readonly bufferFloats: number;
}

export function layoutOf(model: Model): WeightLayout {
  let paramFloats = 0;
  for (const p of model.params) paramFloats += p.value.length;
  let bufferFloats = 0;
  for (const b of model.buffers) bufferFloats += b.value.length;
  return { paramFloats, bufferFloats };
}

/** The layout a model built from this summary will have, without building it (to size shared memory first). */
export function layoutOfSummary(summary: ModelSummary): WeightLayout {
  let bufferFloats = 0;
  for (const layer of summary.layers) if (layer.type === 'batchnorm') bufferFloats += 2 * layer.inputShape[0]!;
  return { paramFloats: summary.totalParams, bufferFloats };
}

export function sameLayout(a: WeightLayout, b: WeightLayout): boolean {
  return a.paramFloats === b.paramFloats && a.bufferFloats === b.bufferFloats;
}

/** Writes every param value, then every buffer, into `target` (length paramFloats + bufferFloats). */
export function packWeights(model: Model, target: Float32Array): void {
  let o = 0;
  for (const p of model.params) {
    target.set(p.value, o);
    o += p.value.length;
  }
  packBuffers(model, target.subarray(o));
}

/** The inverse of packWeights: loads params and buffers from `source`. */
export function unpackWeights(model: Model, source: Float32Array): void {
  let o = 0;
  for (const p of model.params) {
    p.value.set(source.subarray(o, o + p.value.length));
    o += p.value.length;
  }
  for (const b of model.buffers) {
    b.value.set(source.subarray(o, o + b.value.length));
    o += b.value.length;
  }
}

export function packGrads(model: Model, target: Float32Array): void {
  let o = 0;
  for (const p of model.params) {
    target.set(p.grad, o);
    o += p.grad.length;
  }
}

export function packBuffers(model: Model, target: Float32Array): void {
  let o = 0;
  for (const b of model.buffers) {
    target.set(b.value, o);
    o += b.value.length;
  }
}

export function unpackBuffers(model: Model, source: Float32Array): void {
  let o = 0;
  for (const b of model.buffers) {
    b.value.set(source.subarray(o, o + b.value.length));
    o += b.value.length;
  }
}
