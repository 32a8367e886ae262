/**
 * Where JSON text goes wrong, in words. JSON.parse's own messages ("Unexpected token 'e', "e{"na"...
 * is not valid JSON", "in JSON at position 341") differ between browsers and read as engine
 * internals, so when it fails this scanner walks the text once more (no recursion: an explicit
 * stack of open brackets) and names the first problem by line and column, with the usual cause.
 */

export interface JsonSyntaxProblem {
  /** Index into the text where the problem is (the text's length when it ends too early). */
  readonly offset: number;
  /** "line 3, column 14: expected "," or "]" after a value, found "x"". */
  readonly message: string;
}

type Expect = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'commaOrEnd';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'] as const;

/** A character as a person can read it: "x", or U+0009 for an invisible one. */
function shown(c: string): string {
  const code = c.codePointAt(0)!;
  return code < 0x20 || code === 0x7f ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `"${c}"`;
}

function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return `line ${line}, column ${offset - start + 1}`;
}

/** Scans a string starting at the quote `at`; returns the index after its closing quote, or a problem. */
function scanString(text: string, at: number): number | { offset: number; problem: string } {
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c < 0x20) return { offset: i, problem: `a text in quotes contains the control character ${shown(text[i]!)}` };
    if (c === 92) {
      const next = text[i + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
          return { offset: i, problem: 'a \\u escape needs four hex digits' };
        i += 5;
      } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i++;
      else
        return {
          offset: i,
          problem: `${next === undefined ? 'the text ends after a backslash' : `"\\${next}" is not a JSON escape`}`,
        };
    }
  }
  return { offset: text.length, problem: 'the text ends inside a quoted text (a closing " is missing)' };
}

/** What was expected, for "expected … found …". */
const EXPECTED: Record<Expect, string> = {
  value: 'a value',
  valueOrEnd: 'a value or "]"',
  key: 'a field name in double quotes',
  keyOrEnd: 'a field name in double quotes or "}"',
  colon: '":" after the field name',
  commaOrEnd: '"," or the closing bracket',
};

/** A likely cause for a found character, when there is a common one. */
function hint(found: string, expect: Expect): string {
  if (found === "'") return ' (JSON needs double quotes, not single ones)';
  if (found === '/') return ' (JSON has no comments)';
  if ((found === '}' || found === ']') && (expect === 'key' || expect === 'value'))
    return ' (JSON allows no comma before a closing bracket)';
  if (expect === 'commaOrEnd' && (found === '"' || found === '{' || found === '[')) return ' (is a comma missing?)';
  return '';
}

/** The first syntax problem in `text`, or null when it is valid JSON. */
export function jsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  const open: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const fail = (offset: number, problem: string): JsonSyntaxProblem => ({
    offset,
    message: `${lineAndColumn(text, offset)}: ${problem}`,
  });
  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
    if (i >= text.length) {
      if (open.length === 0 && expect === 'commaOrEnd') return null;
      const closing = open
        .map((b) => (b === '{' ? '}' : ']'))
        .reverse()
        .join('');
      return fail(
        text.length,
        text.trim() === ''
          ? 'the text is empty'
          : `the text ends too early${closing ? ` (still open: it needs ${closing} to close)` : ''}, so it was probably cut off`,
      );
    }
    const c = text[i]!;
    const top = open[open.length - 1];
    if (expect === 'commaOrEnd') {
      if (open.length === 0) return fail(i, `there is more after the end of the JSON value, starting with ${shown(c)}`);
      if (c === ',') {
        expect = top === '{' ? 'key' : 'value';
        i++;
      } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        open.pop();
        i++;
      } else
        return fail(
          i,
          `expected "," or "${top === '{' ? '}' : ']'}" after a value, found ${shown(c)}${hint(c, expect)}`,
        );
      continue;
    }
    if (expect === 'colon') {
      if (c !== ':') return fail(i, `expected ":" after the field name, found ${shown(c)}`);
      expect = 'value';
      i++;
      continue;
    }
    if (expect === 'key' || expect === 'keyOrEnd') {
      if (c === '}' && expect === 'keyOrEnd') {
        open.pop();
        expect = 'commaOrEnd';
        i++;
        continue;
      }
      if (c !== '"') return fail(i, `expected ${EXPECTED[expect]}, found ${shown(c)}${hint(c, expect)}`);
      const end = scanString(text, i);
      if (typeof end !== 'number') return fail(end.offset, end.problem);
      i = end;
      expect = 'colon';
      continue;
    }
    // A value (or, straight after "[", the closing bracket).
    if (c === ']' && expect === 'valueOrEnd') {
      open.pop();
      expect = 'commaOrEnd';
      i++;
    } else if (c === '{' || c === '[') {
      open.push(c);
      expect = c === '{' ? 'keyOrEnd' : 'valueOrEnd';
      i++;
    } else if (c === '"') {
      const end = scanString(text, i);
      if (typeof end !== 'number') return fail(end.offset, end.problem);
      i = end;
      expect = 'commaOrEnd';
    } else {
      NUMBER.lastIndex = i;
      const number = NUMBER.exec(text);
      const literal = LITERALS.find((word) => text.startsWith(word, i));
      if (number) i += number[0].length;
      else if (literal) i += literal.length;
      else return fail(i, `expected ${EXPECTED[expect]}, found ${shown(c)}${hint(c, expect)}`);
      expect = 'commaOrEnd';
    }
  }
}
