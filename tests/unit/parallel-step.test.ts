/**
 * createDataParallelStep with replicas on this thread (inProcessLauncher: the real protocol,
 * structured cloning, transfers and Atomics handshakes, without worker start-up costs):
 * parity with one thread, reproducibility, both transports, small batches and failures.
 * tests/unit/parallel-threads.test.ts runs the same on real Node worker threads.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createCpuModel } from '../../engine/cpu/model';
import { createDataParallelStep, type DataParallelStep } from '../../engine/parallel/data-parallel-step';
import { withOneThreadFallback } from '../../engine/parallel/fallback';
import { inProcessLauncher } from '../../engine/parallel/in-process-launcher';
import type { TransportKind } from '../../engine/parallel/protocol';
import { buildReplicaModel } from '../../engine/parallel/replica-model';
import { runShard } from '../../engine/parallel/run-shard';
import { splitBatch } from '../../engine/parallel/shards';
import type { ModelSpec } from '../../engine/spec/types';
import { createRng } from '../../engine/tensor/rng';
import type { Model } from '../../engine/train/model';
import { createOptimizer } from '../../engine/train/optimizers';
import { applyRegularization } from '../../engine/train/regularization';
import { type StepFn, trainStep } from '../../engine/train/step';
import {
  batches,
  batchnormNet,
  dropoutNet,
  maxDifference,
  NO_REG,
  plainNet,
  type StepInputs,
  train,
  weightsOf,
} from './parallel-fixtures';

const open: DataParallelStep[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.dispose();
});

async function parallel(
  spec: ModelSpec,
  threads: number,
  transport: TransportKind,
  launcher = inProcessLauncher(),
  seed = 5,
): Promise<DataParallelStep> {
  const step = await createDataParallelStep({
    spec,
    seed,
    threads,
    transport,
    launcher,
    engine: { kind: 'cpu' },
    maxBatch: 16,
  });
  open.push(step);
  return step;
}

const sizes = [12, 12, 9, 16, 7];
const transports: TransportKind[] = ['messages', 'shared'];

describe('data-parallel steps match one thread on the whole batch (no batchnorm)', () => {
  it.each([2, 3].flatMap((threads) => transports.map((t) => [threads, t] as const)))(
    'plain conv net, threads=%i, transport=%s: 5 momentum steps (batches 12,12,9,16,7) within 1e-5 of trainStep',
    async (threads, transport) => {
      const data = batches(plainNet, sizes, 5, 1);
      const reference = createCpuModel(plainNet, { seed: 3 });
      const model = createCpuModel(plainNet, { seed: 3 });
      const want = await train(reference, trainStep, data, { kind: 'momentum' }, { l1: 0, l2: 1e-3 });
      const got = await train(
        model,
        (await parallel(plainNet, threads, transport)).step,
        data,
        { kind: 'momentum' },
        {
          l1: 0,
          l2: 1e-3,
        },
      );
      for (let i = 0; i < want.length; i++) expect(Math.abs(got[i]! - want[i]!), `loss ${i + 1}`).toBeLessThan(1e-5);
      expect(maxDifference(weightsOf(model), weightsOf(reference))).toBeLessThan(1e-5);
      // It trained: the weights moved well beyond the tolerance.
      expect(maxDifference(weightsOf(model), weightsOf(createCpuModel(plainNet, { seed: 3 })))).toBeGreaterThan(1e-2);
    },
  );

  it('threads=1 is trainStep bit for bit', async () => {
    const data = batches(plainNet, sizes, 5, 2);
    const reference = createCpuModel(plainNet, { seed: 3 });
    const model = createCpuModel(plainNet, { seed: 3 });
    const want = await train(reference, trainStep, data, { kind: 'adam' });
    const got = await train(model, (await parallel(plainNet, 1, 'messages')).step, data, { kind: 'adam' });
    expect(got).toEqual(want);
    expect(weightsOf(model)).toEqual(weightsOf(reference));
  });

  it('batch 1 with 2 threads and batch 2 with 3 threads: the empty shards sit out, results are trainStep bit for bit', async () => {
    for (const [threads, batch] of [
      [2, 1],
      [3, 2],
    ] as const) {
      const data = batches(plainNet, [batch, batch, batch], 5, 3);
      const reference = createCpuModel(plainNet, { seed: 3 });
      const model = createCpuModel(plainNet, { seed: 3 });
      const want = await train(reference, trainStep, data, { kind: 'sgd' });
      const got = await train(model, (await parallel(plainNet, threads, 'shared')).step, data, { kind: 'sgd' });
      if (batch === 1) expect(got).toEqual(want);
      expect(maxDifference(weightsOf(model), weightsOf(reference)), `threads=${threads} batch=${batch}`).toBeLessThan(
        batch === 1 ? Number.MIN_VALUE : 1e-6,
      );
    }
  });
});

/**
 * The reference for batchnorm nets, written out serially on one model: each shard from the same
 * weights and running statistics, its own batch statistics, gradients and running statistics
 * averaged by shard size, then regularisation and the optimiser.
 */
function ghostBatchStep(threads: number): StepFn {
  let step = 0;
  return (model, optimizer, input) => {
    const shards = splitBatch(input.x.shape[0]!, threads).filter((s) => s.rows > 0);
    const sample = input.x.data.length / input.x.shape[0]!;
    const before = model.buffers.map((b) => b.value.slice());
    const grads = model.params.map((p) => new Float64Array(p.grad.length));
    const buffers = model.buffers.map((b) => new Float64Array(b.value.length));
    let dataLoss = 0;
    for (const s of shards) {
      for (const [i, b] of model.buffers.entries()) b.value.set(before[i]!);
      const share = s.rows / input.x.shape[0]!;
      const { loss } = runShard(model, {
        x: {
          shape: [s.rows, ...input.x.shape.slice(1)],
          data: input.x.data.subarray(s.start * sample, (s.start + s.rows) * sample),
        },
        labels: Array.from(input.labels).slice(s.start, s.start + s.rows),
        loss: input.loss,
        seed: 0,
        step,
        shard: s.index,
      });
      dataLoss += share * loss;
      for (const [i, p] of model.params.entries()) addScaled(grads[i]!, p.grad, share);
      for (const [i, b] of model.buffers.entries()) addScaled(buffers[i]!, b.value, share);
    }
    step++;
    for (const [i, p] of model.params.entries()) p.grad.set(grads[i]!);
    for (const [i, b] of model.buffers.entries()) b.value.set(buffers[i]!);
    const loss = dataLoss + applyRegularization(model.params, input.regularization);
    optimizer.step(model.params, input.lr);
    return { loss, dataLoss, logits: new Float32Array(0), finite: true };
  };
}

function addScaled(sum: Float64Array, part: Float32Array, share: number): void {
  for (let j = 0; j < sum.length; j++) sum[j]! += share * part[j]!;
}

describe('batchnorm nets train on per-shard batch statistics ("ghost batches")', () => {
  it.each([2, 3].flatMap((threads) => transports.map((t) => [threads, t] as const)))(
    'conv + dense batchnorm net, threads=%i, transport=%s: 5 steps within 1e-5 of the serial ghost-batch reference',
    async (threads, transport) => {
      const data = batches(batchnormNet, sizes, 3, 4);
      const reference = createCpuModel(batchnormNet, { seed: 3 });
      const model = createCpuModel(batchnormNet, { seed: 3 });
      const want = await train(reference, ghostBatchStep(threads), data);
      const got = await train(model, (await parallel(batchnormNet, threads, transport)).step, data);
      for (let i = 0; i < want.length; i++) expect(Math.abs(got[i]! - want[i]!), `loss ${i + 1}`).toBeLessThan(1e-5);
      expect(maxDifference(weightsOf(model), weightsOf(reference))).toBeLessThan(1e-5);
    },
  );

  it('after one step the first batchnorm running mean equals one thread on the whole batch (shard-weighted mean)', async () => {
    const data = batches(batchnormNet, [12], 3, 6);
    const reference = createCpuModel(batchnormNet, { seed: 3 });
    const model = createCpuModel(batchnormNet, { seed: 3 });
    await train(reference, trainStep, data);
    await train(model, (await parallel(batchnormNet, 3, 'shared')).step, data);
    // The first batchnorm's input does not depend on batch statistics, so its shards' mean is the batch mean;
    // the second one's input does (the first normalised each shard by its own statistics), so it differs.
    const means = (m: Model): Float32Array[] =>
      m.buffers.filter((b) => b.name.endsWith('runningMean')).map((b) => b.value);
    const [first, second] = means(model) as [Float32Array, Float32Array];
    const [firstRef, secondRef] = means(reference) as [Float32Array, Float32Array];
    expect(first.length).toBe(4);
    expect(maxDifference(first, firstRef)).toBeLessThan(1e-6);
    expect(maxDifference(first, new Float32Array(4))).toBeGreaterThan(1e-3);
    expect(maxDifference(second, secondRef)).toBeGreaterThan(1e-6);
  });
});

describe('reproducibility', () => {
  it('dropout net, threads=3: two runs with one seed are bit-identical; another seed gives other weights', async () => {
    const data = batches(dropoutNet, sizes, 5, 7);
    const run = async (seed: number, transport: TransportKind): Promise<Float32Array> => {
      const model = createCpuModel(dropoutNet, { seed: 3 });
      await train(model, (await parallel(dropoutNet, 3, transport, inProcessLauncher(), seed)).step, data);
      return weightsOf(model);
    };
    const first = await run(5, 'shared');
    expect(await run(5, 'shared')).toEqual(first);
    expect(maxDifference(await run(6, 'shared'), first)).toBeGreaterThan(1e-4);
  });

  it('dropout net, threads=3: the shared-memory and message-passing transports give bit-identical weights', async () => {
    const data = batches(dropoutNet, sizes, 5, 8);
    const weights: Float32Array[] = [];
    for (const transport of transports) {
      const model = createCpuModel(dropoutNet, { seed: 3 });
      const dp = await parallel(dropoutNet, 3, transport);
      expect(dp.transport).toBe(transport);
      await train(model, dp.step, data, { kind: 'adam' });
      weights.push(weightsOf(model));
    }
    expect(weights[1]).toEqual(weights[0]);
  });
});

describe('bad input and failures are errors in words', () => {
  const failing = inProcessLauncher({
    async buildModel(init) {
      const model = await buildReplicaModel(init);
      return {
        ...model,
        backward() {
          throw new Error('out of memory (simulated)');
        },
      };
    },
  });

  it.each(transports)(
    'a replica that throws in its shard (transport=%s): the step rejects, names the replica, keeps the weights',
    async (transport) => {
      const dp = await parallel(batchnormNet, 3, transport, failing);
      const model = createCpuModel(batchnormNet, { seed: 3 });
      const before = weightsOf(model);
      const [batch] = batches(batchnormNet, [9], 3, 9) as [StepInputs];
      const input = {
        ...batch,
        lr: 0.1,
        loss: 'crossEntropy' as const,
        regularization: NO_REG,
        rng: createRng(1),
        step: 4,
      };
      const optimizer = createOptimizer({ kind: 'sgd' });
      await expect(dp.step(model, optimizer, input)).rejects.toThrow(
        'Training on 3 threads stopped at step 5: replica 1 failed in its shard: out of memory (simulated). That step was not applied, so the weights are as they were before it; training can continue on one thread.',
      );
      expect(weightsOf(model)).toEqual(before);
      // The replicas are shut down: the next step says why at once.
      await expect(dp.step(model, optimizer, input)).rejects.toThrow('replica 1 failed in its shard');
    },
  );

  it('withOneThreadFallback: after a replica throws, that step and the next run on one thread, as trainStep would', async () => {
    const dp = await parallel(batchnormNet, 3, 'shared', failing);
    const heard: string[] = [];
    const step = withOneThreadFallback(dp.step, (message) => heard.push(message));
    const model = createCpuModel(batchnormNet, { seed: 3 });
    const reference = createCpuModel(batchnormNet, { seed: 3 });
    const data = batches(batchnormNet, [9, 9], 3, 9);
    const want = await train(reference, trainStep, data);
    const got = await train(model, step, data);
    expect(got).toEqual(want);
    expect(weightsOf(model)).toEqual(weightsOf(reference));
    expect(heard).toEqual([expect.stringContaining('replica 1 failed in its shard: out of memory (simulated)')]);
  });

  it('dispose() while a step is in flight: that step rejects in words, later ones say the step was disposed', async () => {
    const dp = await parallel(plainNet, 2, 'messages');
    const model = createCpuModel(plainNet, { seed: 3 });
    const [batch] = batches(plainNet, [8], 5, 1) as [StepInputs];
    const input = {
      ...batch,
      lr: 0.1,
      loss: 'crossEntropy' as const,
      regularization: NO_REG,
      rng: createRng(1),
      step: 0,
    };
    const inFlight = dp.step(model, createOptimizer({ kind: 'sgd' }), input);
    dp.dispose();
    await expect(inFlight).rejects.toThrow('Training on 2 threads stopped at step 1: replica 1 was shut down.');
    await expect(dp.step(model, createOptimizer({ kind: 'sgd' }), input)).rejects.toThrow(
      'The data-parallel step was disposed; create a new one or train on one thread.',
    );
  });

  it('a replica that cannot build its model fails the start, naming it', async () => {
    const broken = inProcessLauncher({
      buildModel: () => Promise.reject(new Error('no WebAssembly SIMD here')),
    });
    await expect(parallel(plainNet, 2, 'messages', broken)).rejects.toThrow(
      'Could not start data-parallel training on 2 threads: replica 1 could not build its model: no WebAssembly SIMD here. Train on one thread instead.',
    );
  });

  it('a replica built from another spec is refused at start', async () => {
    const other = inProcessLauncher({
      buildModel: (init) =>
        buildReplicaModel({ ...init, spec: dropoutNet, seed: 1 }).then(() => createCpuModel(batchnormNet, { seed: 1 })),
    });
    await expect(parallel(plainNet, 2, 'shared', other)).rejects.toThrow(/replica 1 built a model with \d+ parameters/);
  });

  it('options and batches out of range are refused before anything is allocated', async () => {
    const base = { spec: plainNet, seed: 1, launcher: inProcessLauncher(), engine: { kind: 'cpu' } as const };
    await expect(createDataParallelStep({ ...base, threads: 0, maxBatch: 8 })).rejects.toThrow(
      'The number of threads must be a whole number from 1 to 64; got 0.',
    );
    await expect(createDataParallelStep({ ...base, threads: 2, maxBatch: 2.5 })).rejects.toThrow(
      'The largest batch must be a whole number',
    );
    await expect(
      createDataParallelStep({
        ...base,
        spec: {
          ...plainNet,
          layers: [{ type: 'input', shape: [3, 512, 512] }, { type: 'flatten' }, { type: 'dense', units: 1000 }],
        },
        threads: 2,
        maxBatch: 1,
      }),
    ).rejects.toThrow(/would need about \d+ MiB for its exchange buffers/);
    const dp = await parallel(plainNet, 2, 'messages');
    const [big] = batches(plainNet, [17], 5, 1) as [StepInputs];
    const model = createCpuModel(plainNet, { seed: 3 });
    const input = { ...big, lr: 0.1, loss: 'crossEntropy' as const, regularization: NO_REG, rng: createRng(1) };
    await expect(dp.step(model, createOptimizer({ kind: 'sgd' }), input)).rejects.toThrow(
      'This batch has 17 images; the data-parallel step was set up for at most 16.',
    );
  });

  it('shared memory asked for on a page that is not cross-origin isolated is refused in words', async () => {
    const global = globalThis as { crossOriginIsolated?: boolean };
    global.crossOriginIsolated = false;
    try {
      await expect(parallel(plainNet, 2, 'shared')).rejects.toThrow('Shared memory is not available here');
      expect((await parallel(plainNet, 2, 'messages')).transport).toBe('messages');
    } finally {
      delete global.crossOriginIsolated;
    }
  });

  it('a non-finite loss returns finite: false and leaves the parameters untouched', async () => {
    const dp = await parallel(plainNet, 3, 'shared');
    const model = createCpuModel(plainNet, { seed: 3 });
    const before = weightsOf(model);
    const [batch] = batches(plainNet, [9], 5, 1) as [StepInputs];
    // A label beyond the 5 classes in the last row (shard 2's) reads past the logits: the loss is NaN there.
    batch.labels[8] = 7;
    const result = await dp.step(model, createOptimizer({ kind: 'sgd' }), {
      ...batch,
      lr: 0.1,
      loss: 'crossEntropy',
      regularization: NO_REG,
      rng: createRng(1),
    });
    expect(result.finite).toBe(false);
    expect(weightsOf(model)).toEqual(before);
  });
});
