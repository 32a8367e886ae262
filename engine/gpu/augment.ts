/**
 * Data augmentation on the GPU (shaders/augment_batch.wgsl): the gathered batch is cropped,
 * mirrored and jittered into the model's input. The random choices are the CPU trainer's, drawn
 * by drawAugments from the trainer's noise stream and uploaded each step (5 floats per image).
 */
import augmentBatchWgsl from '../../shaders/augment_batch.wgsl?raw';
import { type AugmentOptions, type ImageAugment, jitters } from '../data/augment';
import { ceilDiv, type KernelDescriptor, linearDispatch } from './kernel';
import { createOp, type GpuContext, type Op } from './op';

const WG = 64;
/** Floats per image in the augments buffer: dy, dx, flip, offset, scale. */
const PER_IMAGE = 5;

export const augmentBatchKernel: KernelDescriptor = {
  name: 'augment_batch',
  code: augmentBatchWgsl,
  bindings: [
    ['params', 'uniform'],
    ['raw', 'read'],
    ['augments', 'read'],
    ['out', 'write'],
  ],
  overrides: { WG, JITTER: 0 },
};

export interface AugmentOp {
  readonly op: Op;
  /** Uploads this step's choices for the batch's images (ordered before the next submit). */
  setAugments(augments: readonly ImageAugment[]): void;
}

/** out = augment(raw) for `batch` images of shape [C, H, W]. */
export function augmentBatchOp(
  ctx: GpuContext,
  label: string,
  batch: number,
  shape: readonly [number, number, number],
  options: AugmentOptions,
  buffers: { readonly raw: GPUBuffer; readonly out: GPUBuffer },
): AugmentOp {
  const [channels, height, width] = shape;
  const augments = ctx.pool.storage(`${label} choices`, batch * PER_IMAGE * 4);
  const op = createOp(ctx, {
    kernel: augmentBatchKernel,
    label,
    params: [
      ['batch', 'u32', batch],
      ['channels', 'u32', channels],
      ['height', 'u32', height],
      ['width', 'u32', width],
    ],
    buffers: [buffers.raw, augments, buffers.out],
    dispatch: linearDispatch(ceilDiv(batch, WG)),
    overrides: { JITTER: jitters(options) ? 1 : 0 },
  });
  return {
    op,
    setAugments(list) {
      if (list.length !== batch) throw new RangeError(`${label}: ${list.length} augmentations for ${batch} images`);
      const packed = new Float32Array(batch * PER_IMAGE);
      for (const [i, a] of list.entries()) packed.set([a.dy, a.dx, a.flip ? 1 : 0, a.offset, a.scale], i * PER_IMAGE);
      ctx.device.queue.writeBuffer(augments, 0, packed);
    },
  };
}
