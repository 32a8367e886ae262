/**
 * Deep links: the lesson route's section and query (app/shell/router.ts), and the codecs that
 * carry widget state in it (app/ui/urlCodecs.ts): every value round-trips, and hostile or
 * corrupt text decodes to undefined (the widget then shows its default), never throws.
 */
import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from '../../app/shell/router';
import {
  boolCodec,
  choiceCodec,
  gridCodec,
  intCodec,
  listCodec,
  numberCodec,
  recordCodec,
  refineCodec,
  squareCodec,
} from '../../app/ui/urlCodecs';
import { PRESETS } from '../../engine/spec';
import { specCodec } from '../../lessons/layer-calculator/specLink';

describe('parseRoute(lesson hash)', () => {
  it.each([
    ['#/lesson/convolution', { name: 'lesson', id: 'convolution' }],
    ['#/lesson/convolution/', { name: 'lesson', id: 'convolution' }],
    ['#/lesson/convolution?n=5', { name: 'lesson', id: 'convolution', query: 'n=5' }],
    ['#/lesson/convolution/sliding', { name: 'lesson', id: 'convolution', section: 'sliding' }],
    [
      '#/lesson/convolution/sliding?a=1&b=2',
      { name: 'lesson', id: 'convolution', section: 'sliding', query: 'a=1&b=2' },
    ],
    ['#/lesson/convolution#sliding', { name: 'lesson', id: 'convolution', section: 'sliding' }],
  ])('%s is a lesson route', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('routeHref writes back what parseRoute read', () => {
    for (const hash of ['#/lesson/pooling', '#/lesson/pooling/max?pp.m=avg', '#/lesson/pooling?pp.f=3']) {
      expect(routeHref(parseRoute(hash))).toBe(hash);
    }
  });

  it('an unknown lesson id is still not found', () => {
    expect(parseRoute('#/lesson/Not_A_Lesson').name).toBe('notFound');
  });
});

describe('url codecs', () => {
  it('intCodec(1, 4) round-trips 1..4 and refuses 0, 5, 2.5, 1e3, "" and 40 digits', () => {
    const c = intCodec(1, 4);
    for (const v of [1, 2, 3, 4]) expect(c.decode(c.encode(v))).toBe(v);
    for (const t of ['0', '5', '2.5', '1e3', '', '9'.repeat(40), 'NaN', ' 2']) expect(c.decode(t)).toBeUndefined();
  });

  it('numberCodec(-5, 5) round-trips -4.25 and 0.001 and refuses Infinity, 6, 1e400, junk', () => {
    const c = numberCodec(-5, 5);
    for (const v of [-4.25, 0.001, 0, 5]) expect(c.decode(c.encode(v))).toBe(v);
    for (const t of ['Infinity', '6', '1e400', '--1', '1.2.3', '0x1', '1'.repeat(100)]) {
      expect(c.decode(t)).toBeUndefined();
    }
  });

  it('choiceCodec and boolCodec accept only their names', () => {
    const c = choiceCodec(['max', 'avg'] as const);
    expect(c.decode('avg')).toBe('avg');
    expect(c.decode('__proto__')).toBeUndefined();
    expect(boolCodec.decode(boolCodec.encode(true))).toBe(true);
    expect(boolCodec.decode('true')).toBeUndefined();
  });

  it('gridCodec round-trips a 2x3 grid and checks the size before it reads any value', () => {
    const c = gridCodec({ minSize: 1, maxRows: 6, maxCols: 6, min: -99, max: 99 });
    const grid = [
      [1, -2.5, 3],
      [0, 99, -99],
    ];
    expect(c.encode(grid)).toBe('2x3_1_-2.5_3_0_99_-99');
    expect(c.decode(c.encode(grid))).toEqual(grid);
    for (const t of [
      '99x99_1',
      '0x0_',
      '2x2_1_2_3',
      '2x2_1_2_3_4_5',
      '2x2_1_2_3_100',
      '2x2_1_2_3_x',
      `2x2_${'1_'.repeat(1_000_000)}`,
    ]) {
      expect(c.decode(t)).toBeUndefined();
    }
  });

  it('squareCodec accepts only square grids', () => {
    const c = squareCodec({ minSize: 2, maxSize: 6, min: -999, max: 999 });
    expect(c.decode(c.encode([12, 3, 19, 25]))).toEqual([12, 3, 19, 25]);
    expect(c.decode('2x3_1_2_3_4_5_6')).toBeUndefined();
  });

  it('recordCodec, listCodec and refineCodec need every field, in range, and the rule', () => {
    const g = recordCodec({ n: intCodec(1, 12), f: intCodec(1, 7) });
    expect(g.encode({ n: 7, f: 3 })).toBe('7_3');
    expect(g.decode('7_3')).toEqual({ n: 7, f: 3 });
    for (const t of ['7', '7_3_1', '7_8', '_']) expect(g.decode(t)).toBeUndefined();
    const l = refineCodec(listCodec(numberCodec(-5, 5), 2), ([a]) => a! < 0, 'a negative first');
    expect(l.decode('-4_1.5')).toEqual([-4, 1.5]);
    expect(l.decode('4_1.5')).toBeUndefined();
  });

  it('specCodec writes a preset by name, a custom spec as base64url JSON, and refuses broken specs', () => {
    const c = specCodec(['lecture-mnist', 'lenet5']);
    const lenet = PRESETS.lenet5!.spec;
    expect(c.encode(lenet)).toBe('p.lenet5');
    expect(c.decode('p.lenet5')).toBe(lenet);
    expect(c.decode('p.vgg-a')).toBeUndefined();
    const custom = { layers: [{ type: 'input', shape: [1, 8, 8] }, { type: 'flatten' }, { type: 'dense', units: 3 }] };
    const text = c.encode(custom as never);
    expect(text.startsWith('j.')).toBe(true);
    expect(c.decode(text)).toEqual(custom);
    for (const t of [
      'j.!!!',
      'j.',
      `j.${Buffer.from('[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]').toString('base64url')}`,
      'x.1',
    ]) {
      expect(c.decode(t)).toBeUndefined();
    }
  });

  it('no codec throws on 2,000 random strings of URL-ish characters (seeded)', () => {
    const codecs = [
      intCodec(0, 9),
      numberCodec(-1, 1),
      choiceCodec(['a', 'b']),
      boolCodec,
      gridCodec({ minSize: 1, maxRows: 6, maxCols: 6, min: -9, max: 9 }),
      squareCodec({ minSize: 2, maxSize: 6, min: -999, max: 999 }),
      recordCodec({ a: intCodec(0, 3), b: numberCodec(0, 1) }),
      listCodec(numberCodec(-5, 5), 3),
      specCodec(['lenet5']),
    ];
    const alphabet = '0123456789x_-.eE+jp.AZaz%~';
    let seed = 12345;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let n = 0; n < 2000; n++) {
      const length = Math.floor(next() * 40);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      for (const codec of codecs) expect(() => codec.decode(text)).not.toThrow();
    }
  });
});
