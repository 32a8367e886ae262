/**
 * engine/parallel's bookkeeping: how a batch is split into shards, the per-shard dropout seeds,
 * and the flat weight layout both sides of the exchange agree on.
 */
import { describe, expect, it } from 'vitest';
import { createCpuModel } from '../../engine/cpu/model';
import { maxShardRows, shardSeed, splitBatch } from '../../engine/parallel/shards';
import { layoutOf, layoutOfSummary, packWeights, unpackWeights } from '../../engine/parallel/weights';
import { lectureMnist } from '../../engine/spec/architectures/lecture';
import { batchnormNet, plainNet, weightsOf } from './parallel-fixtures';

describe('splitBatch(rows, threads)', () => {
  it('splitBatch(10, 3) gives contiguous shards of 4, 3 and 3 rows', () => {
    expect(splitBatch(10, 3)).toEqual([
      { index: 0, start: 0, rows: 4 },
      { index: 1, start: 4, rows: 3 },
      { index: 2, start: 7, rows: 3 },
    ]);
  });

  it('for rows 1..40 and threads 1..6: shards tile the batch, differ by at most one row, shard 0 is largest', () => {
    for (let rows = 1; rows <= 40; rows++) {
      for (let threads = 1; threads <= 6; threads++) {
        const shards = splitBatch(rows, threads);
        expect(shards.length).toBe(threads);
        let next = 0;
        for (const s of shards) {
          expect(s.start).toBe(next);
          next += s.rows;
        }
        expect(next).toBe(rows);
        const sizes = shards.map((s) => s.rows);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(sizes[0]).toBe(Math.max(...sizes));
        expect(Math.max(...sizes)).toBeLessThanOrEqual(maxShardRows(rows, threads));
      }
    }
  });

  it('splitBatch(1, 2) leaves the second shard empty', () => {
    expect(splitBatch(1, 2).map((s) => s.rows)).toEqual([1, 0]);
  });

  it('an empty batch or a thread count below 1 is refused in words', () => {
    expect(() => splitBatch(0, 2)).toThrow('A batch needs at least one image; got 0.');
    expect(() => splitBatch(4, 0)).toThrow('Threads must be a whole number ≥ 1; got 0.');
  });
});

describe('shardSeed(seed, step, shard)', () => {
  it('is a pure function of its three arguments', () => {
    expect(shardSeed(7, 12, 2)).toBe(shardSeed(7, 12, 2));
  });

  it('gives 3 seeds x 100 steps x 4 shards = 1200 different 32-bit seeds', () => {
    const seen = new Set<number>();
    for (let seed = 1; seed <= 3; seed++) {
      for (let step = 0; step < 100; step++)
        for (let shard = 0; shard < 4; shard++) seen.add(shardSeed(seed, step, shard));
    }
    expect(seen.size).toBe(1200);
    for (const s of seen) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
  });
});

describe('weight layout', () => {
  it.each([
    ['the lecture MNIST net', lectureMnist],
    ['a net with batchnorm after conv and dense layers', batchnormNet],
    ['a plain conv net', plainNet],
  ] as const)('layoutOfSummary matches the built model for %s', (_name, spec) => {
    const model = createCpuModel(spec, { seed: 1 });
    expect(layoutOfSummary(model.summary)).toEqual(layoutOf(model));
  });

  it('packWeights then unpackWeights into another model copies every param and buffer', () => {
    const a = createCpuModel(batchnormNet, { seed: 1 });
    const b = createCpuModel(batchnormNet, { seed: 2 });
    a.buffers[0]!.value.fill(0.25);
    const { paramFloats, bufferFloats } = layoutOf(a);
    const flat = new Float32Array(paramFloats + bufferFloats);
    packWeights(a, flat);
    expect(weightsOf(b)).not.toEqual(weightsOf(a));
    unpackWeights(b, flat);
    expect(weightsOf(b)).toEqual(weightsOf(a));
  });
});
