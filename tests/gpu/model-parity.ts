/**
 * One forward and backward pass of a whole model on both backends from the same weights, input
 * and dL/d(logits): the GPU plan's logits and every parameter gradient against the CPU model's.
 */
import { createCpuModel, getWeights } from '../../engine/cpu/model';
import { writeBytes } from '../../engine/gpu/buffers';
import { createGpuModel } from '../../engine/gpu/model';
import { runOps } from '../../engine/gpu/op';
import { readRanges } from '../../engine/gpu/readback';
import type { ModelSpec } from '../../engine/spec/types';
import { createRng } from '../../engine/tensor/rng';
import { sizeOf } from '../../engine/tensor/tensor';
import { expectGpuMatchesCpu, randomFloats, type TestGpu, type Tolerance } from './harness';
import { contextOf } from './training';

export async function expectModelParity(gpu: TestGpu, spec: ModelSpec, batch: number, tol: Tolerance): Promise<void> {
  const cpu = createCpuModel(spec, { seed: 21, init: 'xavier' });
  const model = createGpuModel(contextOf(gpu), spec, { seed: 1, weights: getWeights(cpu) });
  const rng = createRng(batch);
  const x = randomFloats(rng, batch * sizeOf(cpu.summary.layers[0]!.outputShape));
  const logitsShape = cpu.summary.layers[cpu.logitsLayer]!.outputShape;
  const dLogits = randomFloats(rng, batch * sizeOf(logitsShape));

  const logits = cpu.forward({ shape: [batch, ...cpu.summary.layers[0]!.outputShape], data: x }, { training: true })[
    cpu.logitsLayer
  ]!;
  cpu.backward({ shape: [batch, ...logitsShape], data: dLogits });

  const plan = model.plan(batch, true);
  writeBytes(model.device, plan.input, x);
  writeBytes(model.device, plan.dLogits, dLogits);
  runOps(model.ctx, 'parity step', [...plan.forward, ...plan.backward]);
  const [gpuLogits] = await readRanges(model.device, 'parity logits', [
    { buffer: plan.logits, offset: 0, count: logits.data.length },
  ]);
  expectGpuMatchesCpu('logits', gpuLogits!, logits.data, tol);
  const grads = await model.readGradients();
  let nonzero = 0;
  for (const p of cpu.params) {
    expectGpuMatchesCpu(`${p.name} gradient`, grads[p.name]!, p.grad, tol);
    if (p.grad.some((g) => Math.abs(g) > 10 * tol.abs)) nonzero++;
  }
  model.destroy();
  // The comparison means something only if the gradients are not all (near) zero.
  if (nonzero < cpu.params.length / 2) throw new Error(`only ${nonzero} of ${cpu.params.length} gradients are nonzero`);
}
