/**
 * Values from a file or link, as a message may quote them: a hostile 1 MB name, a 30,000-number
 * shape or a nested object is shown by its start and its size, so a notice stays a sentence.
 */

const MAX_SHOWN = 60;

/** Text quoted by its start when long: "xxxx…" (100,000 characters). */
export function shownText(text: string, max = MAX_SHOWN): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length.toLocaleString('en-US')} characters)` : text;
}

/** Any JSON value in a few words: 5, "adam", [1, 2], an object, nothing. */
export function shownValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `"${shownText(value)}"`;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return 'an object';
  const json = JSON.stringify(value);
  return json.length > MAX_SHOWN ? (Array.isArray(value) ? `a list of ${value.length}` : shownText(json)) : json;
}

/** A shape for a message: [16, 1, 5, 5], or its start and length when it has many dimensions. */
export function shownShape(shape: readonly number[]): string {
  return shape.length > 8
    ? `[${shape.slice(0, 8).join(', ')}, … (${shape.length} dimensions)]`
    : `[${shape.join(', ')}]`;
}
