/**
 * Summary statistics of one layer's values (activations or gradients), computed in float64 from
 * float32 storage: mean, standard deviation, the share of values saturated (|v| > 0.99, the tanh
 * plateau), the share at or below zero (ReLU's dead side) and a histogram over a given range.
 * Framework-free so the worker and the unit tests share it.
 */

export interface ValueStats {
  readonly mean: number;
  readonly std: number;
  /** Share of values with |v| > SATURATED (tanh within 1% of ±1). */
  readonly saturated: number;
  /** Share of values ≤ 0. */
  readonly nonPositive: number;
  /** False when a value overflowed float32 (±∞ or NaN); the other numbers are then meaningless. */
  readonly finite: boolean;
}

/** |tanh(z)| > 0.99 means |z| > atanh(0.99) ≈ 2.65: the unit's slope 1 − a² is below 0.02. */
export const SATURATED = 0.99;

export function valueStats(values: Float32Array | Float64Array): ValueStats {
  const n = values.length;
  let sum = 0;
  let saturated = 0;
  let nonPositive = 0;
  let finite = true;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) finite = false;
    sum += v;
    if (Math.abs(v) > SATURATED) saturated++;
    if (v <= 0) nonPositive++;
  }
  const mean = sum / n;
  // Two passes: subtracting the mean first keeps the variance accurate when |mean| ≫ std.
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    squares += d * d;
  }
  return { mean, std: Math.sqrt(squares / n), saturated: saturated / n, nonPositive: nonPositive / n, finite };
}

export interface Histogram {
  readonly lo: number;
  readonly hi: number;
  /** counts[b] = how many values fall in [lo + b·w, lo + (b+1)·w), w = (hi − lo)/bins. */
  readonly counts: readonly number[];
  /** Values left out: below lo or above hi (and, with `skipNonPositive`, those ≤ 0). */
  readonly outside: number;
}

/**
 * Histogram of `values` over [lo, hi] in `bins` equal bins (hi itself goes in the last bin).
 * With `skipNonPositive`, values ≤ 0 are left out: a ReLU layer's exact zeros would otherwise be one
 * bar many times taller than the rest; their share is reported separately (nonPositive).
 */
export function histogram(
  values: Float32Array | Float64Array,
  lo: number,
  hi: number,
  bins: number,
  skipNonPositive = false,
): Histogram {
  const counts = new Array<number>(bins).fill(0);
  const scale = bins / (hi - lo);
  let outside = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if ((skipNonPositive && v <= 0) || !(v >= lo && v <= hi)) {
      outside++;
      continue;
    }
    const b = Math.min(bins - 1, Math.floor((v - lo) * scale));
    counts[b]!++;
  }
  return { lo, hi, counts, outside };
}
