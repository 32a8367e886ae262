/**
 * An Op is one kernel bound to its buffers: pipeline, Params uniform and bind group are made
 * when the op is built (once per model), and `encode` only records setPipeline, setBindGroup
 * and dispatch into a pass. Ops whose Params change between steps (learning rate, batch
 * offset, dropout seed) expose their uniform so the owner can queue.writeBuffer it.
 */
import type { BufferPool } from './buffers';
import type { Dispatch, KernelDescriptor } from './kernel';
import { type ParamField, packParams } from './params';
import type { PipelineCache } from './pipelines';

export interface GpuContext {
  readonly device: GPUDevice;
  readonly pipelines: PipelineCache;
  readonly pool: BufferPool;
}

export interface Op {
  readonly label: string;
  readonly params: GPUBuffer;
  /** Rewrites the Params uniform (same fields, new values); ordered before the next submit. */
  setParams(fields: readonly ParamField[]): void;
  encode(pass: GPUComputePassEncoder): void;
}

export interface OpSpec {
  readonly kernel: KernelDescriptor;
  /** Names the use, e.g. "conv2d_1 forward"; every GPU object of the op carries it. */
  readonly label: string;
  readonly params: readonly ParamField[];
  /** Buffers for bindings 1..n, in the kernel's binding order. */
  readonly buffers: readonly GPUBuffer[];
  readonly dispatch: Dispatch;
  readonly overrides?: Readonly<Record<string, number>>;
}

export function createOp(ctx: GpuContext, spec: OpSpec): Op {
  const { kernel, label } = spec;
  if (spec.buffers.length + 1 !== kernel.bindings.length) {
    throw new RangeError(
      `${label}: ${kernel.name} binds ${kernel.bindings.length - 1} buffers, got ${spec.buffers.length}`,
    );
  }
  const { pipeline, layout } = ctx.pipelines.get(kernel, spec.overrides);
  const params = ctx.pool.uniform(`${label} params`, packParams(spec.params));
  const bindGroup = ctx.device.createBindGroup({
    label: `${label} bind group`,
    layout,
    entries: [params, ...spec.buffers].map((buffer, binding) => ({ binding, resource: { buffer } })),
  });
  const [x, y = 1, z = 1] = spec.dispatch;
  return {
    label,
    params,
    setParams(fields) {
      ctx.device.queue.writeBuffer(params, 0, packParams(fields));
    },
    encode(pass) {
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, bindGroup);
      pass.dispatchWorkgroups(x, y, z);
    },
  };
}

/**
 * Several ops that together compute one result (a kernel and the split_sum that reduces its
 * partial sums), encoded in order as one. Dispatches within a pass run in order, so the second
 * sees what the first wrote. It has no Params of its own to rewrite.
 */
export function sequenceOps(label: string, ops: readonly Op[]): Op {
  const first = ops[0];
  if (!first) throw new RangeError(`${label}: a sequence needs at least one op`);
  return {
    label,
    params: first.params,
    setParams() {
      throw new Error(`${label}: a sequence of ops has no single Params to rewrite`);
    },
    encode(pass) {
      for (const op of ops) op.encode(pass);
    },
  };
}

/** Records ops into one compute pass of a new encoder and submits it (tests and one-off work). */
export function runOps(ctx: GpuContext, label: string, ops: readonly Op[]): void {
  const encoder = ctx.device.createCommandEncoder({ label });
  const pass = encoder.beginComputePass({ label });
  for (const op of ops) op.encode(pass);
  pass.end();
  ctx.device.queue.submit([encoder.finish()]);
}
