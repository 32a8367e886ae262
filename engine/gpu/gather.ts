/**
 * Batches gathered on the GPU from a dataset uploaded once as bytes (see shaders/gather_batch.wgsl).
 * The dataset is uploaded here, once per model; per step only the batch offset changes.
 */

import gatherBatchWgsl from '../../shaders/gather_batch.wgsl?raw';
import type { Dataset } from '../data/dataset';
import { ceilDiv, ELEMENT_WG, type KernelDescriptor, linearDispatch } from './kernel';
import { createOp, type GpuContext, type Op } from './op';
import type { ParamField } from './params';

const WG = ELEMENT_WG;

export const gatherBatchKernel: KernelDescriptor = {
  name: 'gather_batch',
  code: gatherBatchWgsl,
  bindings: [
    ['params', 'uniform'],
    ['images', 'read'],
    ['labels', 'read'],
    ['indices', 'read'],
    ['x', 'write'],
    ['y', 'write'],
  ],
  overrides: { WG },
};

export interface GpuDataset {
  readonly images: GPUBuffer;
  readonly labels: GPUBuffer;
  readonly count: number;
  /** [channels, height, width] of one sample. */
  readonly shape: readonly [number, number, number];
  readonly sampleSize: number;
}

/** Uploads a dataset's bytes (padded to whole words) once. */
export function uploadDataset(ctx: GpuContext, dataset: Dataset): GpuDataset {
  const [c, h, w] = dataset.shape;
  return {
    images: ctx.pool.upload(`${dataset.name} images`, dataset.images),
    labels: ctx.pool.upload(`${dataset.name} labels`, dataset.labels),
    count: dataset.count,
    shape: dataset.shape,
    sampleSize: c * h * w,
  };
}

export interface GatherOp {
  readonly op: Op;
  /** Points the next encoded gather at indices[offset .. offset + batch). */
  setOffset(offset: number): void;
}

/** x [batch, C·H·W] floats in [0, 1] and y [batch] u32 labels from indices[offset ..]. */
export function gatherBatchOp(
  ctx: GpuContext,
  label: string,
  data: GpuDataset,
  batch: number,
  b: { readonly indices: GPUBuffer; readonly x: GPUBuffer; readonly y: GPUBuffer },
): GatherOp {
  const fields = (offset: number): ParamField[] => [
    ['batch', 'u32', batch],
    ['sampleSize', 'u32', data.sampleSize],
    ['offset', 'u32', offset],
  ];
  const op = createOp(ctx, {
    kernel: gatherBatchKernel,
    label,
    params: fields(0),
    buffers: [data.images, data.labels, b.indices, b.x, b.y],
    dispatch: linearDispatch(ceilDiv(batch * data.sampleSize, WG)),
  });
  return { op, setOffset: (offset) => op.setParams(fields(offset)) };
}
