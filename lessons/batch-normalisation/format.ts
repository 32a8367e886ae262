/** Number formatting for the lesson's readouts: fixed decimals, −0 printed as 0, and TeX-safe minus signs. */
export function fmt(v: number, digits = 3): string {
  const s = v.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** A number inside TeX, in brackets when negative so "x − (−2)" reads right. */
export function texNum(v: number, digits = 3): string {
  const s = fmt(v, digits);
  return s.startsWith('-') ? `(${s})` : s;
}
