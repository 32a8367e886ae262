/**
 * Shared pieces of the GPU training tests: tiny synthetic datasets, a small spec with every
 * graph feature (batchnorm, residual add, avgpool, dropout, final softmax), and a GPU context
 * on the harness's device for one model.
 */
import type { Dataset } from '../../engine/data/dataset';
import { BufferPool } from '../../engine/gpu/buffers';
import type { GpuContext } from '../../engine/gpu/op';
import type { ModelSpec } from '../../engine/spec/types';
import { createRng } from '../../engine/tensor/rng';
import type { TestGpu } from './harness';

/** count random images of `shape` with random labels (not learnable; for comparisons). */
export function randomDataset(count: number, shape: [number, number, number], classes: number, seed: number): Dataset {
  const rng = createRng(seed);
  const size = shape[0] * shape[1] * shape[2];
  return {
    name: `random-${count}`,
    count,
    shape,
    images: Uint8Array.from({ length: count * size }, () => rng.int(256)),
    labels: Uint8Array.from({ length: count }, () => rng.int(classes)),
    classNames: Array.from({ length: classes }, (_, i) => String(i)),
  };
}

/** A learnable task: class 0 images are bright in the top half, class 1 in the bottom half. */
export function halvesDataset(count: number, seed: number): Dataset {
  const rng = createRng(seed);
  const [h, w] = [8, 8];
  const images = new Uint8Array(count * h * w);
  const labels = new Uint8Array(count);
  for (let n = 0; n < count; n++) {
    const label = rng.int(2);
    labels[n] = label;
    for (let y = 0; y < h; y++) {
      const bright = y < h / 2 === (label === 0);
      for (let x = 0; x < w; x++) images[n * h * w + y * w + x] = bright ? 150 + rng.int(100) : rng.int(100);
    }
  }
  return { name: `halves-${count}`, count, shape: [1, h, w], images, labels, classNames: ['top', 'bottom'] };
}

/** conv + batchnorm + residual add + avgpool + dropout 0 + dense + final softmax. */
export const RESIDUAL_SPEC: ModelSpec = {
  name: 'small residual',
  layers: [
    { type: 'input', shape: [3, 8, 8] },
    { type: 'conv2d', id: 'stem', filters: 4, kernel: 3, padding: 'same', activation: 'relu' },
    { type: 'conv2d', filters: 4, kernel: 3, padding: 'same', bias: false },
    { type: 'batchnorm' },
    { type: 'activation', kind: 'relu' },
    { type: 'add', with: 'stem' },
    { type: 'avgpool', size: 2 },
    { type: 'dropout', rate: 0 },
    { type: 'flatten' },
    { type: 'dense', units: 5 },
    { type: 'softmax' },
  ],
};

export const HALVES_SPEC: ModelSpec = {
  name: 'halves',
  layers: [
    { type: 'input', shape: [1, 8, 8] },
    { type: 'conv2d', filters: 4, kernel: 3, activation: 'relu' },
    { type: 'maxpool', size: 2 },
    { type: 'flatten' },
    { type: 'dense', units: 2 },
  ],
};

/** A context with its own pool, so destroying the model frees only its buffers. */
export function contextOf(gpu: TestGpu): GpuContext {
  return { device: gpu.device, pipelines: gpu.pipelines, pool: new BufferPool(gpu.device) };
}
