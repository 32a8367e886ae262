/**
 * Data-parallel training on real Node worker threads (engine/parallel/node/launcher.ts), with the
 * wasm engine on the coordinator and in the replicas: parity with one thread, bit-identical
 * transports, and a replica thread that dies mid-step, which must end in an error in words, not a hang.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDataParallelStep, type DataParallelStep } from '../../engine/parallel/data-parallel-step';
import { inProcessLauncher } from '../../engine/parallel/in-process-launcher';
import { nodeReplicaLauncher } from '../../engine/parallel/node/launcher';
import type { ReplicaLauncher, TransportKind } from '../../engine/parallel/protocol';
import { layoutOfSummary } from '../../engine/parallel/weights';
import { lectureMnist } from '../../engine/spec/architectures/lecture';
import { summarize } from '../../engine/spec/summarize';
import type { ModelSpec } from '../../engine/spec/types';
import { createRng } from '../../engine/tensor/rng';
import { createOptimizer } from '../../engine/train/optimizers';
import { trainStep } from '../../engine/train/step';
import { createWasmModel } from '../../engine/wasm/model';
import type { WasmModule } from '../../engine/wasm/module';
import { loadWasmKernels } from '../../engine/wasm/node/load';
import { batches, maxDifference, NO_REG, type StepInputs, train, weightsOf } from './parallel-fixtures';

let wasm: WasmModule;
beforeAll(async () => {
  wasm = await loadWasmKernels();
});

const open: DataParallelStep[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.dispose();
});

const lecture4: ModelSpec = {
  ...lectureMnist,
  layers: [...lectureMnist.layers.slice(0, -1), { type: 'dense', units: 4 }],
};

async function parallel(
  threads: number,
  transport: TransportKind,
  launcher: ReplicaLauncher,
): Promise<DataParallelStep> {
  const step = await createDataParallelStep({
    spec: lecture4,
    seed: 5,
    threads,
    transport,
    launcher,
    engine: { kind: 'wasm', wasm },
    maxBatch: 32,
  });
  open.push(step);
  return step;
}

const model = () => createWasmModel(lecture4, { seed: 3, inputGradient: false, maxBatch: 32 }, wasm);

describe('lecture net on wasm, replicas on Node worker threads', () => {
  it('threads=2: shared memory and message passing give bit-identical weights, equal to replicas on this thread, within 1e-5 of trainStep', async () => {
    const data = batches(lecture4, [32, 32, 20], 4, 11);
    const reference = await model();
    await train(reference, trainStep, data);
    const weights: Float32Array[] = [];
    for (const [transport, launcher] of [
      ['shared', nodeReplicaLauncher()],
      ['messages', nodeReplicaLauncher()],
      ['shared', inProcessLauncher()],
    ] as const) {
      const m = await model();
      const dp = await parallel(2, transport, launcher);
      await train(m, dp.step, data);
      dp.dispose();
      weights.push(weightsOf(m));
      expect(m.kernels.fallbacks + m.kernels.heapArrays).toBe(0);
    }
    expect(weights[1]).toEqual(weights[0]);
    expect(weights[2]).toEqual(weights[0]);
    expect(maxDifference(weights[0]!, weightsOf(reference))).toBeLessThan(1e-5);
    expect(maxDifference(weights[0]!, weightsOf(await model()))).toBeGreaterThan(1e-3);
  });
});

/**
 * A stand-in replica thread that starts properly (answers `ready` with the right layout) and then
 * exits with code 7 when its first step arrives, by message or through shared memory.
 */
function dyingLauncher(): ReplicaLauncher {
  const { paramFloats, bufferFloats } = layoutOfSummary(summarize(lecture4));
  const code = `
    import { parentPort } from 'node:worker_threads';
    parentPort.on('message', (message) => {
      if (message.type !== 'init') process.exit(7);
      parentPort.postMessage({ type: 'ready', paramFloats: ${paramFloats}, bufferFloats: ${bufferFloats} });
      if (message.shared) {
        Atomics.wait(message.shared.control, 0, 0);
        process.exit(7);
      }
    });`;
  return nodeReplicaLauncher({ entry: new URL(`data:text/javascript,${encodeURIComponent(code)}`) });
}

describe('a replica thread that dies', () => {
  it.each(['shared', 'messages'] as const)(
    'mid-step (transport=%s): the step rejects saying the thread exited, and the weights are kept',
    async (transport) => {
      const dp = await parallel(2, transport, dyingLauncher());
      const m = await model();
      const before = weightsOf(m);
      const [batch] = batches(lecture4, [8], 4, 12) as [StepInputs];
      const input = { ...batch, lr: 0.1, loss: 'crossEntropy' as const, regularization: NO_REG, rng: createRng(1) };
      await expect(dp.step(m, createOptimizer({ kind: 'sgd' }), input)).rejects.toThrow(
        'Training on 2 threads stopped at step 1: replica 1 stopped: its thread exited (exit code 7). That step was not applied',
      );
      expect(weightsOf(m)).toEqual(before);
    },
  );
});
