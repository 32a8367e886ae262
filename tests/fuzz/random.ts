/**
 * A small seeded random source for the fuzzer: the same (seed, parser, case number) always makes
 * the same input, so a failing case can be replayed alone and a child process can rebuild the
 * cases its parent asked for without being sent the bytes.
 */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32: 32 bits of state, good enough spread for choosing mutations. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    between: (lo, hi) => lo + int(hi - lo + 1),
    pick: <T>(items: readonly T[]): T => items[int(items.length)]!,
    chance: (p) => next() < p,
  };
}

/** The seed of one case: FNV-1a over the campaign seed, the parser's name and the case number. */
export function caseSeed(seed: number, parser: string, index: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (const c of `${parser}#${index}`) {
    h ^= c.charCodeAt(0);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
