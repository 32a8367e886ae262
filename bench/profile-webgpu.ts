/**
 * Per-kernel profile of one ConvLab WebGPU training step in Node (Dawn; SwiftShader here):
 *
 *   node scripts/with-webgpu.mjs npx tsx bench/profile-webgpu.ts [model] [batch] [reps] [only]
 *
 * Builds the model's training plan for `batch` (synthetic input and labels; momentum SGD as the
 * bench uses), then times every op of the step on its own (its own pass and submit, awaited with
 * onSubmittedWorkDone; the fastest of `reps`, the least disturbed by other load), and the whole
 * step recorded into one pass as the trainer does. `only` (a regular expression) times just the
 * matching ops. Per-op times include one submit-and-wait each (a few ms on SwiftShader), so their
 * sum is an upper bound. The CPU column is this process's CPU time (SwiftShader runs in-process).
 */
import { registerWgslLoader } from '../engine/cli/wgsl-hook';

registerWgslLoader();

const { openBenchGpu } = await import('./node-gpu');
const { BufferPool, writeBytes } = await import('../engine/gpu/buffers');
const { createGpuModel } = await import('../engine/gpu/model');
const { PipelineCache } = await import('../engine/gpu/pipelines');
const { lossOp } = await import('../engine/gpu/loss-head');
const { metricsWords } = await import('../engine/gpu/loss');
const { updateOp } = await import('../engine/gpu/optimizer');
const { getPreset } = await import('../engine/spec/presets');
const { sizeOf } = await import('../engine/tensor/tensor');
type Op = import('../engine/gpu/op').Op;

const [modelKey = 'lecture-mnist', batchArg = '64', repsArg = '5', only = ''] = process.argv.slice(2);
const batch = Number(batchArg);
const reps = Number(repsArg);

const gpu = await openBenchGpu('convlab profile', 64 << 20);
const { device } = gpu;
const ctx = { device, pipelines: new PipelineCache(device), pool: new BufferPool(device) };
const model = createGpuModel(ctx, getPreset(modelKey).spec, { seed: 1 });
const plan = model.plan(batch, true);
const inputCount = batch * sizeOf(model.summary.layers[0]!.outputShape);
writeBytes(
  device,
  plan.input,
  Float32Array.from({ length: inputCount }, (_, i) => ((i * 7919) % 256) / 255),
);
const classes = sizeOf(model.summary.layers[model.logitsLayer]!.outputShape);
const labels = ctx.pool.upload(
  'labels',
  Uint32Array.from({ length: batch }, (_, i) => i % classes),
);
const metrics = ctx.pool.storage('metrics', metricsWords(classes) * 4);
const head = lossOp(ctx, 'crossEntropy', 'loss', batch, classes, {
  logits: plan.logits,
  labels,
  dLogits: plan.dLogits,
  metrics,
});
const updates = model.params.map((p) =>
  updateOp(ctx, `${p.name} update`, { kind: 'momentum', momentum: 0.9 }, p.count, null, { g: p.grad, w: p.value }),
);
for (const u of updates) u.setStep(0.001, 1);
const ops: Op[] = [...plan.forward, head, ...plan.backward, ...updates.map((u) => u.op)];

/** CPU time of this process (all its threads, SwiftShader's included), in ms. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

let lastCpu = 0;

async function time(run: () => void): Promise<number> {
  const c0 = cpuMs();
  const t0 = performance.now();
  run();
  await device.queue.onSubmittedWorkDone();
  lastCpu = cpuMs() - c0;
  return performance.now() - t0;
}

function submit(list: readonly Op[]): void {
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  for (const op of list) op.encode(pass);
  pass.end();
  device.queue.submit([encoder.finish()]);
}

const fastest = (a: number[]): number => Math.min(...a);

// Warm up: compile every pipeline, touch every buffer.
await time(() => submit(ops));
await time(() => submit(ops));
const empty = fastest(await Promise.all([0, 0, 0].map(() => time(() => submit([])))));

const rows: { label: string; ms: number; cpu: number }[] = [];
for (const op of ops) {
  if (only && !new RegExp(only).test(op.label)) continue;
  const t: number[] = [];
  const c: number[] = [];
  for (let r = 0; r < reps; r++) {
    t.push(await time(() => submit([op])));
    c.push(lastCpu);
  }
  rows.push({ label: op.label, ms: fastest(t), cpu: fastest(c) });
}
const steps: number[] = [];
for (let r = 0; r < reps; r++) steps.push(await time(() => submit(ops)));
const step = fastest(steps);
const sum = rows.reduce((a, r) => a + r.ms, 0);

console.log(`${modelKey}, batch ${batch}, ${ops.length} dispatches per step, ${gpu.adapterName}`);
console.log(`empty submit: ${empty.toFixed(2)} ms; columns: wall ms, share of the sum, process CPU ms`);
for (const r of [...rows].sort((a, b) => b.ms - a.ms)) {
  const share = ((100 * r.ms) / sum).toFixed(1).padStart(5);
  console.log(`${r.ms.toFixed(2).padStart(9)} ms ${share}% ${r.cpu.toFixed(1).padStart(8)} cpu-ms  ${r.label}`);
}
console.log(`sum of ops (one submit each): ${sum.toFixed(1)} ms`);
console.log(`whole step (one pass): ${step.toFixed(1)} ms = ${((1000 * batch) / step).toFixed(1)} images/s`);
model.destroy();
device.destroy();
