/**
 * What one fuzz case did, and whether what a person would read is in the course's words. A parser
 * may accept an input or refuse it with its own error type; anything else (a TypeError, a
 * RangeError, a stack overflow, or a typed error carrying an engine's message) is a finding.
 */

export type Verdict =
  /** The input was accepted (a mutation can leave a file valid). */
  | { readonly kind: 'accepted'; readonly message?: string }
  /** Refused with the parser's own error type and a message in words. */
  | { readonly kind: 'refused'; readonly message: string }
  /** A raw JavaScript error, or a typed one whose message is not fit to show. */
  | { readonly kind: 'untyped'; readonly message: string };

/** Fragments of JavaScript engines' own messages, which must never reach a student. */
export const RAW_JS_PATTERNS: readonly RegExp[] = [
  /Cannot read propert/i,
  /Cannot set propert/i,
  /Cannot convert/i,
  /\bundefined\b/,
  /\[object \w+\]/,
  /is not a function/,
  /is not iterable/,
  /is not defined/,
  /Invalid array length/i,
  /Invalid typed array length/i,
  /Array buffer allocation failed/i,
  /Maximum call stack/i,
  /out of memory/i,
  /\b(Range|Type|Syntax|Reference|Internal|Eval|URI)Error\b/,
  /Unexpected (token|end of JSON|non-whitespace)/,
  /in JSON at position/,
  // V8 quotes the text before its verdict: `"e{"na"... is not valid JSON`.
  /("|\.\.\.) is not valid JSON/,
  /Bad control character/,
  /Expected (property name|',' or|double-quoted|':' after)/,
  /Offset is outside the bounds/i,
  /Start offset .* is outside/i,
];

/** The longest message a refusal may have: a notice or an error box, not a page of text. */
export const MAX_MESSAGE_CHARS = 1500;

/** Why a message is not fit to show a student, or null when it is. */
export function unfitMessage(message: string): string | null {
  const raw = RAW_JS_PATTERNS.find((p) => p.test(message));
  if (raw) return `raw JavaScript wording (${raw.source})`;
  if (message.trim() === '') return 'an empty message';
  if (message.length > MAX_MESSAGE_CHARS) return `${message.length} characters long`;
  return null;
}

const shortened = (text: string): string =>
  text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;

/** The verdict for an error a parser threw, given which error types are its own. */
export function verdictFor(error: unknown, isOwn: (error: unknown) => boolean): Verdict {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : `non-error thrown: ${String(error)}`;
  if (!isOwn(error)) return { kind: 'untyped', message: shortened(message) };
  const why = unfitMessage((error as Error).message);
  return why === null
    ? { kind: 'refused', message: shortened((error as Error).message) }
    : { kind: 'untyped', message: shortened(`${message} [${why}]`) };
}

/** The verdict for messages shown without an error (share-link notices). */
export function verdictForNotices(notices: readonly string[], accepted: boolean): Verdict {
  for (const n of notices) {
    const why = unfitMessage(n);
    if (why !== null) return { kind: 'untyped', message: shortened(`notice: ${n} [${why}]`) };
  }
  const message = notices.join(' | ');
  return accepted && notices.length === 0
    ? { kind: 'accepted' }
    : { kind: accepted ? 'accepted' : 'refused', message: shortened(message) };
}
