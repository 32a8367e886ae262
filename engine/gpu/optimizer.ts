/**
 * Optimiser updates on the GPU, one op per parameter tensor, mirroring engine/train/optimizers.ts
 * with the regularisation gradient of engine/train/regularization.ts folded in. The learning
 * rate (and Adam's bias correction) change every step, so `setStep` rewrites the op's Params
 * uniform through the queue before the step's encoder is submitted: no readback, no new objects.
 * A frozen param (`trainable: false`) gets no update op at all (engine/gpu/train-step.ts).
 */
import adamUpdateWgsl from '../../shaders/adam_update.wgsl?raw';
import momentumUpdateWgsl from '../../shaders/momentum_update.wgsl?raw';
import sgdUpdateWgsl from '../../shaders/sgd_update.wgsl?raw';
import type { OptimizerConfig } from '../train/optimizers';
import type { Regularization } from '../train/regularization';
import { ceilDiv, ELEMENT_WG, type KernelDescriptor, linearDispatch } from './kernel';
import { createOp, type GpuContext, type Op } from './op';
import type { ParamField } from './params';

const WG = ELEMENT_WG;

export const sgdUpdateKernel: KernelDescriptor = {
  name: 'sgd_update',
  code: sgdUpdateWgsl,
  bindings: [
    ['params', 'uniform'],
    ['g', 'read'],
    ['w', 'write'],
  ],
  overrides: { WG },
};

export const momentumUpdateKernel: KernelDescriptor = {
  name: 'momentum_update',
  code: momentumUpdateWgsl,
  bindings: [
    ['params', 'uniform'],
    ['g', 'read'],
    ['w', 'write'],
    ['v', 'write'],
  ],
  overrides: { WG },
};

export const adamUpdateKernel: KernelDescriptor = {
  name: 'adam_update',
  code: adamUpdateWgsl,
  bindings: [
    ['params', 'uniform'],
    ['g', 'read'],
    ['w', 'write'],
    ['m', 'write'],
    ['v', 'write'],
  ],
  overrides: { WG },
};

export interface UpdateOp {
  readonly op: Op;
  /** Writes this step's Params: `step` counts from 1 (Adam's bias correction uses it). */
  setStep(lr: number, step: number): void;
  /** The optimiser's own state, one value per parameter each: momentum's velocity, Adam's m and v. */
  readonly state: readonly { readonly slot: string; readonly buffer: GPUBuffer }[];
}

/**
 * The update op for one parameter tensor of `count` values. `regularization` applies only when
 * the parameter is regularised (weights; pass null for biases and batchnorm).
 */
export function updateOp(
  ctx: GpuContext,
  label: string,
  config: OptimizerConfig,
  count: number,
  regularization: Regularization | null,
  b: { readonly g: GPUBuffer; readonly w: GPUBuffer },
): UpdateOp {
  const l1 = regularization?.l1 ?? 0;
  // The penalty l2·Σw² (engine/cpu/losses.ts l2Penalty) has gradient 2·l2·w.
  const l2Grad = 2 * (regularization?.l2 ?? 0);
  const dispatch = linearDispatch(ceilDiv(count, WG));
  const common = (lr: number): ParamField[] => [
    ['count', 'u32', count],
    ['lr', 'f32', lr],
    ['l1', 'f32', l1],
    ['l2Grad', 'f32', l2Grad],
  ];
  switch (config.kind) {
    case 'sgd': {
      const fields = (lr: number): ParamField[] => common(lr);
      const op = createOp(ctx, { kernel: sgdUpdateKernel, label, params: fields(0), buffers: [b.g, b.w], dispatch });
      return { op, setStep: (lr) => op.setParams(fields(lr)), state: [] };
    }
    case 'momentum': {
      const fields = (lr: number): ParamField[] => [
        ...common(lr),
        ['mu', 'f32', config.momentum ?? 0.9],
        ['nesterov', 'u32', config.nesterov ? 1 : 0],
      ];
      const v = ctx.pool.storage(`${label} velocity`, count * 4);
      const op = createOp(ctx, {
        kernel: momentumUpdateKernel,
        label,
        params: fields(0),
        buffers: [b.g, b.w, v],
        dispatch,
      });
      return { op, setStep: (lr) => op.setParams(fields(lr)), state: [{ slot: 'velocity', buffer: v }] };
    }
    case 'adam': {
      const b1 = config.beta1 ?? 0.9;
      const b2 = config.beta2 ?? 0.999;
      const fields = (lr: number, step: number): ParamField[] => [
        ...common(lr),
        ['beta1', 'f32', b1],
        ['beta2', 'f32', b2],
        ['epsilon', 'f32', config.epsilon ?? 1e-8],
        ['c1', 'f32', 1 - b1 ** step],
        ['c2', 'f32', 1 - b2 ** step],
      ];
      const m = ctx.pool.storage(`${label} adam m`, count * 4);
      const v = ctx.pool.storage(`${label} adam v`, count * 4);
      const op = createOp(ctx, {
        kernel: adamUpdateKernel,
        label,
        params: fields(0, 1),
        buffers: [b.g, b.w, m, v],
        dispatch,
      });
      return {
        op,
        setStep: (lr, step) => op.setParams(fields(lr, step)),
        state: [
          { slot: 'm', buffer: m },
          { slot: 'v', buffer: v },
        ],
      };
    }
  }
}
