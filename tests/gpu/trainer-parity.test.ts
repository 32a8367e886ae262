import { describe, it } from 'vitest';
import { createCpuModel, getWeights } from '../../engine/cpu/model';
import { createGpuModel } from '../../engine/gpu/model';
import { GpuTrainer } from '../../engine/gpu/trainer';
import { getPreset } from '../../engine/spec/presets';
import type { ModelSpec } from '../../engine/spec/types';
import type { OptimizerConfig } from '../../engine/train/optimizers';
import { Trainer } from '../../engine/train/trainer';
import { expectGpuMatchesCpu, withDevice } from './harness';
import { contextOf, RESIDUAL_SPEC, randomDataset } from './training';

const gpu = withDevice();

// Three float32 steps whose sums run in a different order on each backend. SGD moves each weight
// by lr·grad, so differences stay near float32 rounding of the gradients; Adam's steps are ≈ lr
// whatever the gradient, so a tiny gradient whose sign rounds differently costs up to 2·lr.
const SGD_TOL = { abs: 2e-5, rel: 1e-4 };
const ADAM_TOL = { abs: 2e-4, rel: 1e-3 };

const CASES: readonly { name: string; spec: ModelSpec; shape: [number, number, number]; classes: number }[] = [
  { name: 'lecture-mnist 1x28x28', spec: getPreset('lecture-mnist').spec, shape: [1, 28, 28], classes: 10 },
  { name: 'conv+batchnorm+residual add+avgpool+dropout 0 3x8x8', spec: RESIDUAL_SPEC, shape: [3, 8, 8], classes: 5 },
];
const OPTIMIZERS: readonly [OptimizerConfig, number][] = [
  [{ kind: 'sgd' }, 0.05],
  [{ kind: 'adam' }, 0.001],
];

describe('GpuTrainer matches the CPU Trainer step for step', () => {
  for (const c of CASES) {
    for (const [optimizer, learningRate] of OPTIMIZERS) {
      it(`3 steps of ${optimizer.kind} lr=${learningRate} batch=8 from the same weights give the same parameters: ${c.name}`, async () => {
        const train = randomDataset(24, c.shape, c.classes, 11);
        const config = { batchSize: 8, epochs: 1, learningRate, optimizer, seed: 5, progressEvery: 1 };
        const cpu = createCpuModel(c.spec, { seed: 9 });
        const initial = getWeights(cpu);
        const model = createGpuModel(contextOf(gpu()), c.spec, { seed: 1234, weights: initial });
        const cpuResult = await new Trainer(cpu, { train }, config).run();
        const gpuTrainer = new GpuTrainer(model, { train }, config);
        const gpuResult = await gpuTrainer.run();
        if (cpuResult.steps !== 3 || gpuResult.steps !== 3) throw new Error('expected 3 steps on each backend');
        const got = await gpuTrainer.readWeights();
        const want = getWeights(cpu);
        const tol = optimizer.kind === 'adam' ? ADAM_TOL : SGD_TOL;
        for (const [name, values] of Object.entries(want))
          expectGpuMatchesCpu(`${c.name} ${name}`, got[name]!, values, tol);
        // The comparison means something only if training moved the weights well past the tolerance.
        const moved = Object.entries(want).some(([name, v]) =>
          v.some((x, i) => Math.abs(x - initial[name]![i]!) > 5 * tol.abs),
        );
        if (!moved) throw new Error('3 steps did not move the weights beyond the tolerance');
        model.destroy();
      });
    }
  }
});
