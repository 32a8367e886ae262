import { describe, it } from 'vitest';
import { writeBytes } from '../../engine/gpu/buffers';
import { updateOp } from '../../engine/gpu/optimizer';
import { createRng } from '../../engine/tensor/rng';
import type { Param } from '../../engine/train/model';
import { createOptimizer, type OptimizerConfig } from '../../engine/train/optimizers';
import { applyRegularization, type Regularization } from '../../engine/train/regularization';
import { expectGpuMatchesCpu, randomFloats, runGpu, withDevice } from './harness';

const gpu = withDevice();
// Three float32 updates against the CPU's float64 arithmetic stored as float32.
const TOL = { abs: 1e-6, rel: 1e-5 };
// Adam's step is about lr whatever the gradient's size, so its rounding is relative to lr (0.1).
const ADAM_TOL = { abs: 1e-5, rel: 1e-5 };

const CONFIGS: readonly OptimizerConfig[] = [
  { kind: 'sgd' },
  { kind: 'momentum', momentum: 0.9 },
  { kind: 'momentum', momentum: 0.8, nesterov: true },
  { kind: 'adam' },
];
const REGS: readonly Regularization[] = [
  { l1: 0, l2: 0 },
  { l1: 1e-3, l2: 5e-2 },
];
const LRS = [0.1, 0.05, 0.02];

describe('optimiser updates on the GPU', () => {
  for (const config of CONFIGS) {
    for (const reg of REGS) {
      const name = `${JSON.stringify(config)} l1=${reg.l1} l2=${reg.l2} n=1000, 3 steps`;
      it(`update matches the CPU optimiser ${name}`, async () => {
        const count = 1000;
        const rng = createRng(7);
        const w0 = randomFloats(rng, count);
        const grads = LRS.map(() => randomFloats(rng, count));
        const param: Param = {
          name: 'p',
          layer: 1,
          role: 'weight',
          shape: [count],
          value: w0.slice(),
          grad: new Float32Array(count),
          regularized: true,
          trainable: true,
        };
        const opt = createOptimizer(config);
        for (let s = 0; s < LRS.length; s++) {
          param.grad.set(grads[s]!);
          applyRegularization([param], reg);
          opt.step([param], LRS[s]!);
        }
        let update: ReturnType<typeof updateOp> | null = null;
        let gBuffer: GPUBuffer | null = null;
        const out = await runGpu(
          gpu(),
          { w: w0, g: count },
          (ctx, t) => {
            gBuffer = t.g!;
            update = updateOp(ctx, 'update', config, count, reg, { g: t.g!, w: t.w! });
            return [update.op];
          },
          {
            times: LRS.length,
            before: (step) => {
              writeBytes(gpu().device, gBuffer!, grads[step - 1]!);
              update!.setStep(LRS[step - 1]!, step);
            },
          },
        );
        expectGpuMatchesCpu(name, out.f32('w'), param.value, config.kind === 'adam' ? ADAM_TOL : TOL);
      });
    }
  }
});
