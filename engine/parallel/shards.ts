/**
 * How a batch is split across threads, and the seed of each shard's dropout masks.
 *
 * Shards are contiguous and their sizes differ by at most one (the first `rows % threads` get
 * the extra row), so shard 0, the coordinator's own, is never smaller than another. With fewer
 * rows than threads the last shards are empty and those replicas sit the step out.
 */

export interface Shard {
  readonly index: number;
  /** First row of the batch in this shard. */
  readonly start: number;
  readonly rows: number;
}

export function splitBatch(rows: number, threads: number): Shard[] {
  if (!Number.isInteger(rows) || rows < 1) throw new RangeError(`A batch needs at least one image; got ${rows}.`);
  if (!Number.isInteger(threads) || threads < 1)
    throw new RangeError(`Threads must be a whole number ≥ 1; got ${threads}.`);
  const base = Math.floor(rows / threads);
  const extra = rows % threads;
  const shards: Shard[] = [];
  let start = 0;
  for (let index = 0; index < threads; index++) {
    const size = base + (index < extra ? 1 : 0);
    shards.push({ index, start, rows: size });
    start += size;
  }
  return shards;
}

/** The most rows any shard of a batch of `maxBatch` gets. */
export function maxShardRows(maxBatch: number, threads: number): number {
  return Math.ceil(maxBatch / threads);
}

/**
 * A 32-bit seed from (run seed, step, shard), so that dropout masks depend only on these three and
 * a fixed seed and thread count reproduce a run. Each number is folded in with a murmur3-style mix
 * so that neighbouring steps and shards get unrelated seeds.
 */
export function shardSeed(seed: number, step: number, shard: number): number {
  let h = mix(0x9e3779b9 ^ (seed >>> 0));
  h = mix(h ^ (step >>> 0));
  h = mix(h ^ Math.floor(step / 4294967296));
  return mix(h ^ (shard >>> 0));
}

function mix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
