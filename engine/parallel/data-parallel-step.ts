/**
 * Data-parallel training: one step's batch is split into `threads` contiguous shards; the
 * coordinator (the caller's thread, holding the real model and the optimiser) computes shard 0
 * while `threads - 1` replicas compute the others on their copies of the model; then ONE
 * exchange: the gradients are averaged, weighted by shard size (the loss is a batch mean), in
 * the fixed order shard 0, 1, 2, … so that a fixed seed and thread count give bit-identical runs;
 * regularisation, the finiteness checks and the optimiser run as in engine/train/step.ts.
 * Each step sends the coordinator's current parameters and buffers to the replicas first, so
 * they always start from the weights the optimiser last wrote (and from a restored checkpoint).
 *
 * Batch normalisation normalises each shard with that shard's own statistics (as PyTorch's
 * DistributedDataParallel does without SyncBatchNorm), so a net with batchnorm trains like
 * "ghost batches" of the shard size, not exactly like one thread on the whole batch; the running
 * statistics are the shard-size-weighted mean of the shards' (for a batchnorm whose input does not
 * depend on an earlier one, the running mean then equals the whole batch's, in exact arithmetic). Nets without batchnorm match one thread up to the
 * order of float sums. Dropout masks come from (seed, step, shard) (engine/parallel/shards.ts).
 */
import { summarize } from '../spec/summarize';
import type { ModelSpec } from '../spec/types';
import type { Model } from '../train/model';
import type { Optimizer } from '../train/optimizers';
import { applyRegularization } from '../train/regularization';
import type { StepFn, StepInput, StepResult } from '../train/step';
import type { ShardReply } from './channel';
import { checkBatch, checkBytes, checkWhole, chooseTransport, logitsIndex, MAX_THREADS, sizeOfShape } from './checks';
import { ParallelTrainingError } from './errors';
import type { ReplicaEngine, ReplicaLauncher, TransportKind } from './protocol';
import { runShard } from './run-shard';
import { maxShardRows, splitBatch } from './shards';
import { allocateWeights, type SlotSizes } from './shared-slots';
import { startReplicas } from './start-replicas';
import { layoutOf, layoutOfSummary, packBuffers, packWeights, sameLayout, unpackBuffers } from './weights';

export interface DataParallelOptions {
  readonly spec: ModelSpec;
  /** The run's seed: dropout masks come from (seed, step, shard). */
  readonly seed: number;
  /** Threads in all, the coordinator's included (1 = no replicas). */
  readonly threads: number;
  readonly launcher: ReplicaLauncher;
  /** What the replicas build their models on. */
  readonly engine: ReplicaEngine;
  /** The largest batch a step will be given; shared memory and replica memory are sized for its shards. */
  readonly maxBatch: number;
  /** 'auto' (the default): shared memory where SharedArrayBuffer is usable, else message passing. */
  readonly transport?: TransportKind | 'auto';
}

export interface DataParallelStep {
  readonly step: StepFn;
  readonly threads: number;
  readonly transport: TransportKind;
  /** Terminates the replicas; the step fails in words afterwards. */
  dispose(): void;
}

export async function createDataParallelStep(options: DataParallelOptions): Promise<DataParallelStep> {
  const { spec, seed, threads, maxBatch } = options;
  checkWhole('The number of threads', threads, 1, MAX_THREADS);
  checkWhole('The largest batch', maxBatch, 1, 1 << 24);
  const transport = chooseTransport(options.transport ?? 'auto');
  const summary = summarize(spec);
  const layout = layoutOfSummary(summary);
  const inputSize = sizeOfShape(summary.layers[0]!.outputShape);
  const classes = sizeOfShape(summary.layers[logitsIndex(summary.layers)]!.outputShape);
  const sizes: SlotSizes = { ...layout, maxRows: maxShardRows(maxBatch, threads), sample: inputSize, classes };
  checkBytes(sizes, threads - 1, transport);

  const sharedWeights = transport === 'shared' && threads > 1 ? allocateWeights(layout) : null;
  const channels = threads > 1 ? await startReplicas({ ...options, replicas: threads - 1, sizes, sharedWeights }) : [];
  const weights = sharedWeights ?? new Float32Array(layout.paramFloats + layout.bufferFloats);
  let stopped: string | null = null;
  let nextStep = 0;

  const shutDown = (reason: string): void => {
    stopped ??= reason;
    for (const channel of channels) channel.close();
  };

  const step = async (model: Model, optimizer: Optimizer, input: StepInput): Promise<StepResult> => {
    if (stopped) throw new ParallelTrainingError(stopped);
    const rows = checkBatch(input, inputSize, maxBatch);
    if (!sameLayout(layoutOf(model), layout)) {
      throw new ParallelTrainingError('The model given to the data-parallel step was not built from its spec.');
    }
    const stepIndex = input.step ?? nextStep;
    nextStep = stepIndex + 1;
    const labels = Int32Array.from(input.labels);
    const shards = splitBatch(rows, threads);
    const before = new Float32Array(layout.bufferFloats);
    packBuffers(model, before);
    if (channels.length > 0) packWeights(model, weights);

    const replies: Promise<ShardReply>[] = [];
    for (const shard of shards.slice(1)) {
      if (shard.rows === 0) break;
      const end = shard.start + shard.rows;
      replies.push(
        channels[shard.index - 1]!.run({
          step: stepIndex,
          loss: input.loss,
          x: input.x.data.subarray(shard.start * inputSize, end * inputSize),
          labels: labels.subarray(shard.start, end),
          weights,
        }),
      );
    }
    const own = shards[0]!;
    let ownLoss = Number.NaN;
    const logits = new Float32Array(rows * classes);
    let ownError: unknown = null;
    try {
      const result = runShard(model, {
        x: { shape: [own.rows, ...input.x.shape.slice(1)], data: input.x.data.subarray(0, own.rows * inputSize) },
        labels: labels.subarray(0, own.rows),
        loss: input.loss,
        seed,
        step: stepIndex,
        shard: 0,
      });
      ownLoss = result.loss;
      logits.set(result.logits.subarray(0, own.rows * classes));
    } catch (error) {
      ownError = error;
    }
    // Wait for every replica even when this thread failed: none may still be writing its slots next step.
    const settled = await Promise.allSettled(replies);
    const failed = settled.findIndex((s) => s.status === 'rejected');
    if (failed >= 0 || ownError !== null) unpackBuffers(model, before);
    if (failed >= 0) {
      const reason = ((settled[failed] as PromiseRejectedResult).reason as Error).message;
      const message =
        `Training on ${threads} threads stopped at step ${stepIndex + 1}: replica ${failed + 1} ${reason}. ` +
        'That step was not applied, so the weights are as they were before it; training can continue on one thread.';
      shutDown(message);
      throw new ParallelTrainingError(message);
    }
    if (ownError !== null) throw ownError;

    const answers = settled.map((s) => (s as PromiseFulfilledResult<ShardReply>).value);
    const shares = shards.filter((s) => s.rows > 0).map((s) => s.rows / rows);
    let dataLoss = shares[0]! * ownLoss;
    answers.forEach((answer, r) => {
      dataLoss += shares[r + 1]! * answer.loss;
      logits.set(answer.logits, shards[r + 1]!.start * classes);
    });
    if (answers.length > 0) averageInto(model, answers, shares);
    if (!Number.isFinite(dataLoss)) return { loss: dataLoss, dataLoss, logits, finite: false };
    const penalty = applyRegularization(model.params, input.regularization);
    const loss = dataLoss + penalty;
    if (!Number.isFinite(loss)) return { loss, dataLoss, logits, finite: false };
    optimizer.step(model.params, input.lr);
    return { loss, dataLoss, logits, finite: true };
  };

  return {
    step,
    threads,
    transport,
    dispose(): void {
      shutDown('The data-parallel step was disposed; create a new one or train on one thread.');
    },
  };
}

/**
 * grad = Σ share_s · grad_s and buffer = Σ share_s · buffer_s over shards 0, 1, 2, … in that order
 * (shard 0 is what the coordinator's own backward left in the model), summed in double precision.
 */
function averageInto(model: Model, answers: readonly ShardReply[], shares: readonly number[]): void {
  const own = shares[0]!;
  let o = 0;
  for (const p of model.params) {
    const g = p.grad;
    for (let i = 0; i < g.length; i++) {
      let sum = own * g[i]!;
      for (let r = 0; r < answers.length; r++) sum += shares[r + 1]! * answers[r]!.grads[o + i]!;
      g[i] = sum;
    }
    o += g.length;
  }
  o = 0;
  for (const b of model.buffers) {
    const v = b.value;
    for (let i = 0; i < v.length; i++) {
      let sum = own * v[i]!;
      for (let r = 0; r < answers.length; r++) sum += shares[r + 1]! * answers[r]!.buffers[o + i]!;
      v[i] = sum;
    }
    o += v.length;
  }
}
