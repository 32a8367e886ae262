/**
 * Reading a student's typed answer and comparing it with the expected one. Forgiving about form,
 * strict about value: "1,536", "1536" and " 1536 " are the same number; "[0, 1, 0]", "0 1 0" and
 * "(0,1,0)" the same vector; words compare case-insensitively. Returns a verdict, never throws.
 */
export type Answer = number | readonly number[] | string;

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly reason?: string };

/** Relative tolerance for non-integer answers (rounding in a worked solution). */
const TOLERANCE = 1e-6;

function parseNumber(text: string): number | null {
  // Thousands separators: commas or thin/normal spaces between digit groups of three.
  const cleaned = text.trim().replace(/(\d)[,\s\u2009](?=\d{3}(\D|$))/g, '$1');
  if (cleaned === '') return null;
  const v = Number(cleaned);
  return Number.isFinite(v) ? v : null;
}

function parseVector(text: string): number[] | null {
  const parts = text
    .replace(/[[\]()]/g, ' ')
    .split(/[\s,;]+/)
    .filter((s) => s !== '');
  const nums = parts.map(Number);
  return parts.length > 0 && nums.every(Number.isFinite) ? nums : null;
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b));

export function checkAnswer(input: string, expected: Answer): Verdict {
  if (typeof expected === 'number') {
    const v = parseNumber(input);
    if (v === null) return { ok: false, reason: 'Type a single number.' };
    return close(v, expected) ? { ok: true } : { ok: false };
  }
  if (typeof expected === 'string') {
    return input.trim().toLowerCase() === expected.trim().toLowerCase() ? { ok: true } : { ok: false };
  }
  const v = parseVector(input);
  if (v === null) return { ok: false, reason: 'Type numbers separated by spaces or commas.' };
  if (v.length !== expected.length) {
    return { ok: false, reason: `You gave ${v.length} numbers; the answer has ${expected.length}.` };
  }
  return v.every((x, i) => close(x, expected[i]!)) ? { ok: true } : { ok: false };
}

export function formatAnswer(answer: Answer): string {
  if (typeof answer === 'number') return answer.toLocaleString('en-US');
  if (typeof answer === 'string') return answer;
  return `[${answer.join(', ')}]`;
}
