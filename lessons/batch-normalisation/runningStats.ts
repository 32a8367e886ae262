/**
 * Training versus inference for one feature. Mini-batches are drawn (seeded) from a distribution
 * with a known mean and standard deviation; each is pushed through a training-mode
 * `batchNormForward`, which moves the running mean and variance towards the batch's, PyTorch-style:
 *   running ← (1 − momentum)·running + momentum·batch   (variance: the unbiased m/(m−1)·σ²_B).
 * The same layer state then normalises one input both ways: with its batch's statistics (training)
 * and with the running ones (evaluation).
 */
import { batchNormForward } from '../../engine/cpu/batchnorm';
import { createRng } from '../../engine/tensor/rng';

export const MOMENTUM = 0.1;
export const EPSILON = 1e-5;

export interface Population {
  readonly mean: number;
  readonly std: number;
  readonly batchSize: number;
  readonly seed: number;
}

/** Batch k (0-based) of the population, rounded to one decimal so a student can check it by hand. */
export function drawBatch(population: Population, k: number): number[] {
  const rng = createRng(population.seed * 1009 + k);
  return Array.from(
    { length: population.batchSize },
    () => Math.round((population.mean + population.std * rng.normal()) * 10) / 10,
  );
}

export interface RunningState {
  readonly runningMean: number;
  readonly runningVar: number;
}

/** PyTorch's starting values: mean 0, variance 1. */
export const INITIAL_RUNNING: RunningState = { runningMean: 0, runningVar: 1 };

interface Normalised {
  readonly y: number[];
  readonly running: RunningState;
}

/** One forward pass of a 1-feature batch norm (γ = 1, β = 0) through the engine. */
function forward(batch: readonly number[], running: RunningState, training: boolean): Normalised {
  const x = Float64Array.from(batch);
  const y = new Float64Array(x.length);
  const state = {
    gamma: Float64Array.of(1),
    beta: Float64Array.of(0),
    runningMean: Float64Array.of(running.runningMean),
    runningVar: Float64Array.of(running.runningVar),
    momentum: MOMENTUM,
    epsilon: EPSILON,
  };
  const cache = { xhat: new Float64Array(x.length), invStd: new Float64Array(1) };
  batchNormForward({ batch: x.length, channels: 1, size: 1 }, state, training, x, y, cache);
  return { y: Array.from(y), running: { runningMean: state.runningMean[0]!, runningVar: state.runningVar[0]! } };
}

/** The running statistics after each of `batches`, starting from INITIAL_RUNNING. */
export function feedBatches(batches: readonly (readonly number[])[]): RunningState[] {
  const history: RunningState[] = [];
  let running = INITIAL_RUNNING;
  for (const batch of batches) {
    running = forward(batch, running, true).running;
    history.push(running);
  }
  return history;
}

/** The output for `batch[index]` in training mode (batch statistics) and in evaluation mode (running ones). */
export function compareModes(
  batch: readonly number[],
  index: number,
  running: RunningState,
): { readonly train: number; readonly eval: number } {
  return { train: forward(batch, running, true).y[index]!, eval: forward(batch, running, false).y[index]! };
}
