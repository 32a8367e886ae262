/**
 * TypeScript CPU engine vs the wasm engine in one Node process (bench/wasm-compare.ts), plus
 * where the wasm step's time goes, kernel by kernel.
 *
 *   npx tsx bench/wasm-step.ts [--steps 30]
 *   node --experimental-wasm-relaxed-simd --import tsx bench/wasm-step.ts   (relaxed-SIMD build)
 */
import { parseArgs } from 'node:util';
import type { CpuKernels } from '../engine/cpu/kernels';
import { getPreset } from '../engine/spec/presets';
import type { WasmKernels } from '../engine/wasm/kernels';
import { createWasmModel } from '../engine/wasm/model';
import { loadWasmKernels } from '../engine/wasm/node/load';
import { BATCH, compareGemms, compareNets, formatResults, stepper } from './wasm-compare';

const { values } = parseArgs({ options: { steps: { type: 'string', default: '30' } } });
const steps = Number(values.steps);

/** Wraps every kernel method of `k` to add its wall time to `totals`. */
function profile(k: WasmKernels, totals: Map<string, number>): void {
  const target = k as unknown as Record<string, unknown>;
  const names: (keyof CpuKernels)[] = [
    'conv2dForward',
    'conv2dBackward',
    'denseForward',
    'denseBackward',
    'maxpoolForward',
    'maxpoolBackward',
    'avgpoolForward',
    'avgpoolBackward',
    'activationForward',
    'activationBackward',
    'activationBackwardFromInput',
  ];
  for (const name of names) {
    const original = (k[name] as (...args: unknown[]) => unknown).bind(k);
    target[name] = (...args: unknown[]): unknown => {
      const t0 = performance.now();
      const r = original(...args);
      totals.set(name, (totals.get(name) ?? 0) + performance.now() - t0);
      return r;
    };
  }
}

/** Shares of one wasm training step by kernel; the rest is the loss, the optimiser and JS glue. */
async function stepProfile(key: string): Promise<string> {
  const wasm = await loadWasmKernels();
  const spec = getPreset(key).spec;
  const model = await createWasmModel(spec, { seed: 1, inputGradient: false, maxBatch: BATCH }, wasm);
  const step = stepper(model, spec);
  for (let i = 0; i < 3; i++) step();
  const totals = new Map<string, number>();
  profile(model.kernels, totals);
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) step();
  const all = performance.now() - t0;
  const kernelMs = [...totals.values()].reduce((a, b) => a + b, 0);
  const parts = [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([name, ms]) => `${name} ${((100 * ms) / all).toFixed(0)}%`);
  return `${key} wasm step: ${parts.join(', ')}, rest (loss, optimiser, JS) ${((100 * (all - kernelMs)) / all).toFixed(0)}%`;
}

const wasm = await loadWasmKernels();
// Images per second of process CPU time: on a shared machine, wall time mostly measures the others' load.
const cpuClock = (): number => process.cpuUsage().user / 1000;
const nets = await compareNets(wasm, steps, undefined, cpuClock);
console.log(formatResults(wasm.flavour, nets, await compareGemms(wasm)));
console.log("(network rates per second of this process's user CPU time; GEMM rates best-of-5 wall time)");
for (const key of ['lecture-mnist', 'convnetjs-cifar10']) console.log(await stepProfile(key));
