/**
 * jsonSyntaxProblem (engine/spec/json-syntax.ts): where JSON text goes wrong, by line and column
 * in words, instead of JSON.parse's engine-specific message. It must agree with JSON.parse on
 * what is valid, which is checked over a few thousand damaged spec texts.
 */
import { describe, expect, it } from 'vitest';
import { PRESETS, parseSpecJson, SpecError } from '../../engine/spec';
import { jsonSyntaxProblem } from '../../engine/spec/json-syntax';
import { seededRandom } from '../fuzz/random';

const problem = (text: string): string | undefined => jsonSyntaxProblem(text)?.message;

describe('jsonSyntaxProblem', () => {
  it('says where and what, with the usual cause', () => {
    expect(problem('{"layers": [1, 2,]}')).toBe(
      'line 1, column 18: expected a value, found "]" (JSON allows no comma before a closing bracket)',
    );
    expect(problem("{'layers': []}")).toBe(
      `line 1, column 2: expected a field name in double quotes or "}", found "'" (JSON needs double quotes, not single ones)`,
    );
    expect(problem('{"a": 1}\n{"b": 2}')).toBe(
      'line 2, column 1: there is more after the end of the JSON value, starting with "{"',
    );
    expect(problem('{"a": [1, 2')).toBe(
      'line 1, column 12: the text ends too early (still open: it needs ]} to close), so it was probably cut off',
    );
    expect(problem('{"a": "x\ty"}')).toBe('line 1, column 9: a text in quotes contains the control character U+0009');
    expect(problem('{"a" 1}')).toBe('line 1, column 6: expected ":" after the field name, found "1"');
    expect(problem('{"a": 1 "b": 2}')).toBe(
      'line 1, column 9: expected "," or "}" after a value, found """ (is a comma missing?)',
    );
    expect(problem('   ')).toBe('line 1, column 4: the text is empty');
  });

  it('finds no problem in valid JSON', () => {
    for (const text of ['0', '-1.5e+3', '"\\u00e9\\n"', '[]', '{}', '[true, false, null]', ' {"a": {"b": [[]]}} ']) {
      expect(problem(text)).toBeUndefined();
    }
  });

  it('agrees with JSON.parse on 3,000 damaged spec texts', () => {
    const rng = seededRandom(7);
    const base = JSON.stringify(PRESETS['lecture-mnist']!.spec, null, rng.chance(0.5) ? 2 : undefined);
    const noise = '{}[]",:0123456789eE-+.tfnul\\ \t\n\u0000é\'';
    let invalid = 0;
    for (let n = 0; n < 3000; n++) {
      let text = base;
      for (let k = rng.between(1, 3); k > 0; k--) {
        const at = rng.int(text.length + 1);
        const cut = rng.chance(0.3) ? rng.between(1, 20) : rng.int(2);
        text = text.slice(0, at) + (rng.chance(0.7) ? noise[rng.int(noise.length)] : '') + text.slice(at + cut);
      }
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
        invalid++;
      }
      expect(jsonSyntaxProblem(text) === null, text).toBe(parses);
    }
    expect(invalid).toBeGreaterThan(1000);
  });

  it('is what parseSpecJson says about text that is not JSON', () => {
    const error = (() => {
      try {
        parseSpecJson('{"layers": [{"type": "input", "shape": [1, 28, 28]},]}');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).message).toBe(
      'this is not valid JSON: line 1, column 53: expected a value, found "]" (JSON allows no comma before a closing bracket).',
    );
  });
});
