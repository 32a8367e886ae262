/**
 * Shared by tests/unit/parallel-*.test.ts: small nets, seeded batches, a reference loop of steps
 * and helpers that compare parameter sets.
 */
import type { ModelSpec } from '../../engine/spec/types';
import { createRng } from '../../engine/tensor/rng';
import type { Tensor } from '../../engine/tensor/tensor';
import type { Model } from '../../engine/train/model';
import { createOptimizer, type OptimizerConfig } from '../../engine/train/optimizers';
import type { Regularization } from '../../engine/train/regularization';
import type { StepFn, StepInput } from '../../engine/train/step';

/** Two conv stages and a dense head; no batchnorm, no dropout. */
export const plainNet: ModelSpec = {
  name: 'plain conv',
  layers: [
    { type: 'input', shape: [1, 10, 10] },
    { type: 'conv2d', filters: 4, kernel: 3, activation: 'relu' },
    { type: 'maxpool', size: 2 },
    { type: 'conv2d', filters: 6, kernel: 3, padding: 'same', activation: 'tanh' },
    { type: 'flatten' },
    { type: 'dense', units: 5 },
  ],
};

/** Batchnorm after a conv and after a dense layer ([N, C, H, W] and [N, F] statistics). */
export const batchnormNet: ModelSpec = {
  name: 'batchnorm conv',
  layers: [
    { type: 'input', shape: [2, 8, 8] },
    { type: 'conv2d', filters: 4, kernel: 3, activation: 'relu' },
    { type: 'batchnorm' },
    { type: 'maxpool', size: 2 },
    { type: 'flatten' },
    { type: 'dense', units: 8 },
    { type: 'batchnorm' },
    { type: 'activation', kind: 'relu' },
    { type: 'dense', units: 3 },
  ],
};

/** plainNet with dropout before the head, so that runs depend on the dropout masks. */
export const dropoutNet: ModelSpec = {
  name: 'dropout conv',
  layers: [...plainNet.layers.slice(0, -1), { type: 'dropout', rate: 0.3 }, plainNet.layers.at(-1)!],
};

export const NO_REG: Regularization = { l1: 0, l2: 0 };

/** `count` batches of the given sizes for a spec's input shape, with labels below `classes`. */
export function batches(spec: ModelSpec, sizes: readonly number[], classes: number, seed: number): StepInputs[] {
  const rng = createRng(seed);
  const shape = (spec.layers[0] as unknown as { shape: number[] }).shape;
  const sample = shape.reduce((a, b) => a * b, 1);
  return sizes.map((n) => ({
    x: { shape: [n, ...shape], data: Float32Array.from({ length: n * sample }, () => rng.normal()) },
    labels: Uint8Array.from({ length: n }, () => rng.int(classes)),
  }));
}

export interface StepInputs {
  readonly x: Tensor;
  readonly labels: Uint8Array;
}

/** Runs `step` over the batches with a fresh optimiser; returns the losses. */
export async function train(
  model: Model,
  step: StepFn,
  data: readonly StepInputs[],
  optimizer: OptimizerConfig = { kind: 'momentum' },
  regularization: Regularization = NO_REG,
): Promise<number[]> {
  const opt = createOptimizer(optimizer);
  const losses: number[] = [];
  for (const [i, batch] of data.entries()) {
    const input: StepInput = { ...batch, lr: 0.05, loss: 'crossEntropy', regularization, rng: createRng(77), step: i };
    const result = await step(model, opt, input);
    if (!result.finite) throw new Error(`step ${i + 1} was not finite`);
    losses.push(result.loss);
  }
  return losses;
}

/** Every param value and buffer, concatenated (for bit-for-bit comparisons). */
export function weightsOf(model: Model): Float32Array {
  const parts = [...model.params.map((p) => p.value), ...model.buffers.map((b) => b.value)];
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** The largest |a - b| over two equally long arrays. */
export function maxDifference(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}
