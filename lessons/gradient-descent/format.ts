/** Number formatting for the lesson's readouts: fixed decimals, and −0 printed as 0. */
export function fmt(v: number, digits = 3): string {
  const s = v.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** A count with thousands separators, as the lecture writes 55,000. */
export function count(v: number): string {
  return v.toLocaleString('en-US');
}
