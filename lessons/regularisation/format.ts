/** Number formatting for the lesson's readouts: fixed decimals (−0 printed as 0) and counts with separators. */
export function fmt(v: number, digits = 3): string {
  const s = v.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

export function count(v: number): string {
  return v.toLocaleString('en-US');
}
