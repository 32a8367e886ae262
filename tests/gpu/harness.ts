/**
 * The GPU test harness: a real WebGPU device from the `webgpu` package (Dawn; SwiftShader on
 * machines without a GPU), a way to run ops on host arrays, and the comparison every kernel test
 * uses. A missing adapter FAILS the suite with a message; it never skips.
 */

import { afterAll, beforeAll } from 'vitest';
import { create, globals } from 'webgpu';
import { BufferPool, type HostArray, readBytes } from '../../engine/gpu/buffers';
import { acquireDevice } from '../../engine/gpu/device';
import { type GpuContext, type Op, runOps } from '../../engine/gpu/op';
import { PipelineCache } from '../../engine/gpu/pipelines';
import type { Rng } from '../../engine/tensor/rng';

export interface TestGpu {
  /**
   * The object `create()` returned. Dawn's instance lives only while this is referenced: if it is
   * garbage-collected the device dies under running work (random futex/mutex crashes, or
   * promises that never settle), so the harness holds it for as long as the device.
   */
  readonly instance: GPU;
  readonly device: GPUDevice;
  readonly pipelines: PipelineCache;
}

/** Registers beforeAll/afterAll hooks that open and destroy one device for the file. */
export function withDevice(): () => TestGpu {
  let gpu: TestGpu | null = null;
  beforeAll(async () => {
    Object.assign(globalThis, globals);
    const instance = create([]);
    const result = await acquireDevice(instance, { label: 'convlab gpu tests' });
    if (!result.ok) {
      throw new Error(
        `GPU tests need a WebGPU adapter and got none: ${result.error.message} ` +
          'Run them through `npm run test:gpu` (scripts/with-webgpu.mjs points Dawn at SwiftShader).',
      );
    }
    gpu = { instance, device: result.device, pipelines: new PipelineCache(result.device) };
  });
  afterAll(() => {
    gpu?.device.destroy();
    gpu = null;
  });
  return () => {
    if (!gpu) throw new Error('withDevice(): the device is opened in beforeAll; call the getter inside a test');
    return gpu;
  };
}

/** What runGpu hands back: every buffer read as the type you ask for. */
export interface GpuResults {
  f32(name: string): Float32Array;
  i32(name: string): Int32Array;
  u32(name: string): Uint32Array;
}

/** Runs the built ops `times` times, one submit each, calling `before(step)` (from 1) first. */
export interface Repeat {
  readonly times: number;
  readonly before: (step: number) => void;
}

/**
 * Uploads the named buffers (arrays, or lengths in 4-byte elements for zeroed ones), builds ops
 * on them, runs them in one pass (or `repeat`s them) and reads back every buffer. Validation
 * errors fail the test with the kernel's label.
 */
export async function runGpu(
  gpu: TestGpu,
  buffers: Readonly<Record<string, HostArray | Uint8Array | number>>,
  build: (ctx: GpuContext, b: Readonly<Record<string, GPUBuffer>>) => readonly Op[],
  repeat: Repeat = { times: 1, before: () => {} },
): Promise<GpuResults> {
  const { device } = gpu;
  const ctx: GpuContext = { device, pipelines: gpu.pipelines, pool: new BufferPool(device) };
  device.pushErrorScope('validation');
  const gpuBuffers: Record<string, GPUBuffer> = {};
  const sizes: Record<string, number> = {};
  for (const [name, v] of Object.entries(buffers)) {
    gpuBuffers[name] = typeof v === 'number' ? ctx.pool.storage(name, v * 4) : ctx.pool.upload(name, v);
    sizes[name] = typeof v === 'number' ? v * 4 : v.byteLength;
  }
  const ops = build(ctx, gpuBuffers);
  for (let step = 1; step <= repeat.times; step++) {
    repeat.before(step);
    runOps(ctx, `test step ${step}`, ops);
  }
  const error = await device.popErrorScope();
  if (error) {
    ctx.pool.destroy();
    throw new Error(`WebGPU validation error: ${error.message}`);
  }
  const raw: Record<string, ArrayBuffer> = {};
  for (const [name, buffer] of Object.entries(gpuBuffers)) raw[name] = await readBytes(device, buffer, sizes[name]);
  ctx.pool.destroy();
  const get = (name: string): ArrayBuffer => {
    const r = raw[name];
    if (!r) throw new Error(`runGpu: no buffer named ${name}`);
    return r;
  };
  return {
    f32: (name) => new Float32Array(get(name).slice(0, Math.floor(get(name).byteLength / 4) * 4)),
    i32: (name) => new Int32Array(get(name).slice(0, Math.floor(get(name).byteLength / 4) * 4)),
    u32: (name) => new Uint32Array(get(name).slice(0, Math.floor(get(name).byteLength / 4) * 4)),
  };
}

export interface Tolerance {
  /** |gpu − cpu| ≤ abs + rel·|cpu| must hold for every element. */
  readonly abs: number;
  readonly rel: number;
}

/**
 * Fails with the case name, the worst element and the error sizes unless every element of
 * `gpu` is within tolerance of `cpu`.
 */
export function expectGpuMatchesCpu(
  what: string,
  gpu: ArrayLike<number>,
  cpu: ArrayLike<number>,
  tol: Tolerance,
): void {
  if (gpu.length !== cpu.length) throw new Error(`${what}: GPU gave ${gpu.length} values, CPU ${cpu.length}`);
  let worst = -1;
  let worstExcess = 0;
  let maxAbs = 0;
  let maxRel = 0;
  for (let i = 0; i < cpu.length; i++) {
    const c = cpu[i]!;
    const g = gpu[i]!;
    const err = Math.abs(g - c);
    if (!(err <= tol.abs + tol.rel * Math.abs(c))) {
      const excess = Number.isNaN(err) ? Number.POSITIVE_INFINITY : err - tol.abs - tol.rel * Math.abs(c);
      if (worst < 0 || excess > worstExcess) {
        worst = i;
        worstExcess = excess;
      }
    }
    maxAbs = Math.max(maxAbs, err);
    if (c !== 0) maxRel = Math.max(maxRel, err / Math.abs(c));
  }
  if (worst >= 0) {
    throw new Error(
      `${what}: GPU differs from CPU at [${worst}]: gpu ${gpu[worst]} vs cpu ${cpu[worst]} ` +
        `(max abs err ${maxAbs.toExponential(2)}, max rel err ${maxRel.toExponential(2)}; ` +
        `tolerance abs ${tol.abs} + rel ${tol.rel})`,
    );
  }
}

/** n uniform values in [lo, hi). */
export function randomFloats(rng: Rng, n: number, lo = -1, hi = 1): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = lo + (hi - lo) * rng.next();
  return a;
}

/** Formats a shape for a test name: [2,3,7,5]. */
export function shape(dims: readonly number[]): string {
  return `[${dims.join(',')}]`;
}
