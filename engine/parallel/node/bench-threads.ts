/**
 * Data-parallel throughput in Node: images per second of the lecture MNIST net (preset
 * 'lecture-mnist') at batch 64 on the wasm engine, one thread (trainStep) against 2 threads over
 * shared memory and over message passing, rounds alternating in one process. Wall time: process
 * CPU time would add the replica's thread to the 2-thread runs; it is printed separately, per image
 * and summed over threads, as the work the exchange adds. Prints numbers; asserts nothing.
 *
 *   node --import tsx engine/parallel/node/bench-threads.ts [steps per round] [rounds] [threads]
 */

import { PRESETS } from '../../spec/presets';
import { createRng } from '../../tensor/rng';
import { createOptimizer } from '../../train/optimizers';
import { type StepFn, type StepInput, trainStep } from '../../train/step';
import { createWasmModel } from '../../wasm/model';
import { loadWasmKernels } from '../../wasm/node/load';
import { createDataParallelStep } from '../data-parallel-step';
import type { TransportKind } from '../protocol';
import { nodeReplicaLauncher } from './launcher';

const steps = Number(process.argv[2] ?? 30);
const rounds = Number(process.argv[3] ?? 3);
const threads = Number(process.argv[4] ?? 2);
const batch = 64;
const spec = PRESETS['lecture-mnist']!.spec;

const wasm = await loadWasmKernels();
const rng = createRng(1);
const inputs: StepInput[] = Array.from({ length: 8 }, () => ({
  x: { shape: [batch, 1, 28, 28], data: Float32Array.from({ length: batch * 784 }, () => rng.next()) },
  labels: Uint8Array.from({ length: batch }, () => rng.int(10)),
  lr: 0.001,
  loss: 'crossEntropy',
  regularization: { l1: 0, l2: 0 },
  rng: createRng(2),
}));

const engines: { name: string; step: StepFn; dispose(): void }[] = [
  { name: '1 thread', step: trainStep, dispose() {} },
];
for (const transport of ['shared', 'messages'] as TransportKind[]) {
  const dp = await createDataParallelStep({
    spec,
    seed: 1,
    threads,
    transport,
    launcher: nodeReplicaLauncher(),
    engine: { kind: 'wasm', wasm },
    maxBatch: batch,
  });
  engines.push({ name: `${threads} threads, ${transport}`, step: dp.step, dispose: () => dp.dispose() });
}

const model = await createWasmModel(spec, { seed: 1, inputGradient: false, maxBatch: batch }, wasm);
const optimizer = createOptimizer({ kind: 'adam' });
const results = new Map<string, number[]>(engines.map((e) => [e.name, []]));
/** CPU microseconds per image, all of this process's threads together: what the exchange costs in work. */
const cpuPerImage = new Map<string, number[]>(engines.map((e) => [e.name, []]));
let counter = 0;
for (const engine of engines) for (let i = 0; i < 3; i++) await engine.step(model, optimizer, inputs[i]!); // warm-up
for (let round = 0; round < rounds; round++) {
  for (const engine of round % 2 === 0 ? engines : [...engines].reverse()) {
    const began = performance.now();
    const cpu = process.cpuUsage();
    for (let i = 0; i < steps; i++)
      await engine.step(model, optimizer, { ...inputs[i % inputs.length]!, step: counter++ });
    const seconds = (performance.now() - began) / 1000;
    const used = process.cpuUsage(cpu);
    results.get(engine.name)!.push((steps * batch) / seconds);
    cpuPerImage.get(engine.name)!.push((used.user + used.system) / (steps * batch));
  }
}
for (const engine of engines) engine.dispose();

console.log(
  `lecture-mnist, wasm ${wasm.flavour}, batch ${batch}, ${steps} steps x ${rounds} rounds, wall-clock images/s:`,
);
const single = results.get('1 thread')!;
for (const [name, values] of results) {
  const ratios = values.map((v, i) => (v / single[i]!).toFixed(2));
  const cpu = cpuPerImage.get(name)!.map((v) => v.toFixed(0));
  console.log(
    `  ${name.padEnd(22)} ${values.map((v) => v.toFixed(0).padStart(6)).join(' ')}   vs 1 thread: ${ratios.join(' ')}   CPU µs/image: ${cpu.join(' ')}`,
  );
}
