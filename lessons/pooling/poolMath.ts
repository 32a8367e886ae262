/**
 * One pooling step on a single H×W grid, through the engine: the output size comes from the
 * arithmetic module (so a misfit is the engine's message), the values and the max 'switches' from
 * engine/cpu/maxpool or avgpool, the parameter count from summarize(). The widgets of this lesson
 * only draw what this returns.
 */
import { summaryResult } from '../../app/ui/summaryResult';
import { avgpool } from '../../engine/cpu/avgpool';
import { maxpool } from '../../engine/cpu/maxpool';
import { formatNumber, outputSize } from '../../engine/spec';

export type PoolMode = 'max' | 'avg';

export interface PoolOk {
  readonly ok: true;
  readonly outH: number;
  readonly outW: number;
  readonly values: Float32Array;
  /** For max pooling, the flat input index that won each window; empty for average pooling. */
  readonly switches: Int32Array;
  readonly params: number;
  /** The lecture's formula with the numbers in, for the width axis. */
  readonly formula: string;
}

export interface PoolError {
  readonly ok: false;
  readonly message: string;
  readonly formula: string;
}

export type PoolResult = PoolOk | PoolError;

export function poolGrid(
  grid: ArrayLike<number>,
  rows: number,
  cols: number,
  mode: PoolMode,
  size: number,
  stride: number,
): PoolResult {
  const across = outputSize({ size: cols, kernel: size, stride });
  const down = outputSize({ size: rows, kernel: size, stride });
  const exact = across.ok ? across.value : across.exact;
  const formula = `W_2 = \\frac{W_1 - F}{S} + 1 = \\frac{${cols} - ${size}}{${stride}} + 1 = ${formatNumber(exact)}`;
  if (!across.ok) return { ok: false, message: across.reason, formula };
  if (!down.ok) return { ok: false, message: down.reason, formula };
  const spec = summaryResult({
    layers: [
      { type: 'input', shape: [1, rows, cols] },
      { type: mode === 'max' ? 'maxpool' : 'avgpool', size, stride },
    ],
  });
  if (!spec.ok) return { ok: false, message: spec.error.detail, formula };
  const x = { shape: [1, 1, rows, cols], data: Float32Array.from(grid) };
  const opts = { stride: [stride, stride] as const };
  if (mode === 'max') {
    const { y, switches } = maxpool(x, [size, size], opts);
    return {
      ok: true,
      outH: down.value,
      outW: across.value,
      values: y.data,
      switches,
      params: spec.summary.totalParams,
      formula,
    };
  }
  const y = avgpool(x, [size, size], opts);
  return {
    ok: true,
    outH: down.value,
    outW: across.value,
    values: y.data,
    switches: new Int32Array(0),
    params: spec.summary.totalParams,
    formula,
  };
}

/** Flat input indices covered by output (oy, ox)'s window. */
export function windowCells(oy: number, ox: number, size: number, stride: number, cols: number): number[] {
  const cells: number[] = [];
  for (let r = oy * stride; r < oy * stride + size; r++) {
    for (let c = ox * stride; c < ox * stride + size; c++) cells.push(r * cols + c);
  }
  return cells;
}
