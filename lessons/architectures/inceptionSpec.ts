/**
 * One Inception module as a spec, in the two versions of the GoogLeNet paper's figure 2:
 * - naive: 1×1, 3×3 and 5×5 convs and a 3×3 max pool, all on the module's input, joined by concat;
 * - with dimension reduction: a 1×1 conv shrinks the depth before the 3×3 and the 5×5, and another
 *   1×1 conv after the pool keeps the pool branch from passing the whole input depth through.
 * Convs have biases and ReLU, as in the paper. Branch layer ids start with b1..b4 so a widget can
 * total each branch from the summary.
 */
import type { LayerSpec, ModelSpec } from '../../engine/spec';

export interface InceptionWidths {
  readonly inChannels: number;
  readonly side: number;
  readonly b1: number; // 1×1 branch
  readonly b2red: number; // 1×1 before the 3×3
  readonly b2: number; // 3×3 branch
  readonly b3red: number; // 1×1 before the 5×5
  readonly b3: number; // 5×5 branch
  readonly pool: number; // 1×1 after the pool
}

export const BRANCHES = [
  { key: 'b1', name: '1×1 conv' },
  { key: 'b2', name: '3×3 conv' },
  { key: 'b3', name: '5×5 conv' },
  { key: 'b4', name: '3×3 max pool' },
] as const;

const conv = (id: string, filters: number, kernel: number, input?: string): LayerSpec => {
  const base = { type: 'conv2d', id, filters, kernel, padding: (kernel - 1) / 2, activation: 'relu' } as const;
  return input === undefined ? base : { ...base, input };
};

export function inceptionSpec(w: InceptionWidths, reduce: boolean): ModelSpec {
  const input: LayerSpec = { type: 'input', id: 'in', shape: [w.inChannels, w.side, w.side] };
  const pool: LayerSpec = { type: 'maxpool', id: 'b4_pool', size: 3, stride: 1, padding: 1, input: 'in' };
  if (!reduce) {
    return {
      name: 'Inception module, naive',
      layers: [
        input,
        conv('b1_1x1', w.b1, 1, 'in'),
        conv('b2_3x3', w.b2, 3, 'in'),
        conv('b3_5x5', w.b3, 5, 'in'),
        pool,
        { type: 'concat', id: 'out', inputs: ['b1_1x1', 'b2_3x3', 'b3_5x5', 'b4_pool'] },
      ],
    };
  }
  return {
    name: 'Inception module with dimension reduction',
    layers: [
      input,
      conv('b1_1x1', w.b1, 1, 'in'),
      conv('b2_reduce', w.b2red, 1, 'in'),
      conv('b2_3x3', w.b2, 3),
      conv('b3_reduce', w.b3red, 1, 'in'),
      conv('b3_5x5', w.b3, 5),
      pool,
      conv('b4_proj', w.pool, 1),
      { type: 'concat', id: 'out', inputs: ['b1_1x1', 'b2_3x3', 'b3_5x5', 'b4_proj'] },
    ],
  };
}

/** GoogLeNet's first module, inception (3a), from the paper's table 1. */
export const INCEPTION_3A: InceptionWidths = {
  inChannels: 192,
  side: 28,
  b1: 64,
  b2red: 96,
  b2: 128,
  b3red: 16,
  b3: 32,
  pool: 32,
};

/** A wider teaching example on a 256×28×28 input: 128, 192 and 96 filters, every reduction 64. */
export const INCEPTION_256: InceptionWidths = {
  inChannels: 256,
  side: 28,
  b1: 128,
  b2red: 64,
  b2: 192,
  b3red: 64,
  b3: 96,
  pool: 64,
};
