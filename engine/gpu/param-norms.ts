/**
 * Sums of squares of every param's values and gradients on the GPU, for the worker's norm answers
 * (engine/worker/norms.ts). It reuses the penalty's first kernel (shaders/penalty_partial.wgsl):
 * one workgroup of PARTS threads per tensor writes PARTS (|v|, v²) partial-sum pairs, so a
 * readback is 2·PARTS floats per tensor instead of the tensor itself. The ops and their
 * partial-sum buffer are built once per model (the model's pool frees them with it).
 */
import type { GpuModel } from './model';
import { createOp, type Op, sequenceOps } from './op';
import { penaltyPartialKernel } from './penalty';
import { readRanges } from './readback';

/** Threads per tensor: penalty_partial's PARTS override default. */
const PARTS = 64;

interface NormOps {
  readonly op: Op;
  readonly parts: GPUBuffer;
  /** Tensors reduced: every param's value, then every param's grad. */
  readonly tensors: number;
}

const built = new WeakMap<GpuModel, NormOps>();

function normOps(model: GpuModel): NormOps {
  const cached = built.get(model);
  if (cached) return cached;
  const { ctx } = model;
  const buffers = [
    ...model.params.map((p) => ({ name: `${p.name} value`, buffer: p.value, count: p.count })),
    ...model.params.map((p) => ({ name: `${p.name} grad`, buffer: p.grad, count: p.count })),
  ];
  const parts = ctx.pool.storage('param norms partial sums', Math.max(1, buffers.length) * PARTS * 2 * 4);
  const ops = buffers.map((b, i) =>
    createOp(ctx, {
      kernel: penaltyPartialKernel,
      label: `param norms ${b.name}`,
      params: [
        ['count', 'u32', b.count],
        ['slot', 'u32', i * PARTS * 2],
      ],
      buffers: [b.buffer, parts],
      dispatch: [1],
    }),
  );
  const entry = { op: sequenceOps('param norms', ops), parts, tensors: buffers.length };
  built.set(model, entry);
  return entry;
}

/** Σ v² of each param's values and of its gradients, in model.params order. */
export async function gpuSquareSums(model: GpuModel): Promise<{ weights: number[]; gradients: number[] }> {
  if (model.params.length === 0) return { weights: [], gradients: [] };
  const { op, parts, tensors } = normOps(model);
  const device = model.device;
  const encoder = device.createCommandEncoder({ label: 'param norms' });
  const pass = encoder.beginComputePass({ label: 'param norms' });
  op.encode(pass);
  pass.end();
  device.queue.submit([encoder.finish()]);
  // Submitted before the readback's copy, so the queue orders the copy after the sums.
  const [sums] = await readRanges(device, 'param norms', [{ buffer: parts, offset: 0, count: tensors * PARTS * 2 }]);
  const squares = Array.from({ length: tensors }, (_, i) => {
    let s = 0;
    for (let t = 0; t < PARTS; t++) s += sums![i * PARTS * 2 + 2 * t + 1]!;
    return s;
  });
  const n = model.params.length;
  return { weights: squares.slice(0, n), gradients: squares.slice(n) };
}
