// Every number in a heat-coloured grid must be readable: WCAG AA asks 4.5:1 for normal text.
// The contrast is computed here from the WCAG 2 formula, independently of app/ui/heat.ts.
import { describe, expect, it } from 'vitest';
import { type HeatScale, heatColours } from '../../app/ui/heat';

function parseColour(css: string): [number, number, number] {
  const rgb = /^rgb\((\d+) (\d+) (\d+)\)$/.exec(css);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(css);
  if (!hex?.[1]) throw new Error(`unexpected colour ${css}`);
  const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
  return [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

function luminance(css: string): number {
  const [r, g, b] = parseColour(css).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const STEPS = 2000;
const cases: { scale: HeatScale; range: [number, number]; from: number; to: number }[] = [
  { scale: 'sequential', range: [0, 255], from: 0, to: 255 },
  { scale: 'sequential', range: [-3, 7], from: -3, to: 7 },
  { scale: 'diverging', range: [-1, 1], from: -1, to: 1 },
  { scale: 'diverging', range: [-4, 2], from: -4, to: 4 },
];

describe('heat cell text contrast', () => {
  for (const { scale, range, from, to } of cases) {
    it(`${scale} over [${range.join(', ')}] keeps every value at 4.5:1 or better`, () => {
      let worst = Number.POSITIVE_INFINITY;
      const backgrounds = new Set<string>();
      for (let i = 0; i <= STEPS; i += 1) {
        const value = from + ((to - from) * i) / STEPS;
        const { background, color } = heatColours(value, scale, range);
        backgrounds.add(background);
        worst = Math.min(worst, contrast(background, color));
      }
      // The sweep really crosses the scale (many distinct shades, light and dark ends both reached).
      expect(backgrounds.size).toBeGreaterThan(100);
      expect(worst).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('uses dark text on the light end and white text on the dark end', () => {
    expect(luminance(heatColours(0, 'sequential', [0, 1]).color)).toBeLessThan(0.05);
    expect(luminance(heatColours(1, 'sequential', [0, 1]).color)).toBeGreaterThan(0.9);
    expect(luminance(heatColours(-1, 'diverging', [-1, 1]).color)).toBeGreaterThan(0.9);
  });

  it('keeps the mid-tone cells that failed before (about 0.6 of the scale) readable', () => {
    for (const t of [0.55, 0.6, 0.65, 0.7, 0.75]) {
      const blue = heatColours(t, 'sequential', [0, 1]);
      const red = heatColours(-t, 'diverging', [-1, 1]);
      expect(contrast(blue.background, blue.color)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(red.background, red.color)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
