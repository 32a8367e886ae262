/** Number formatting shared by the lesson's widgets: 3 significant digits, exponent outside [0.001, 10⁴). */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return 'overflow';
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 0.001 && a < 1e4 ? String(Number(v.toPrecision(3))) : v.toExponential(2);
}

export function percent(share: number): string {
  return `${(100 * share).toFixed(1)}%`;
}
