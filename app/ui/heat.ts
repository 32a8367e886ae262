/**
 * Colour scales for numbers shown in grids. Sequential: white (low) to deep blue (high), for
 * non-negative data like pixel bytes. Diverging: red (negative) through white (zero) to blue
 * (positive), for kernels and activations. Each cell's text colour (black or white) is whichever
 * contrasts more with its background by the WCAG relative-luminance formula, which keeps every
 * number at 4.5:1 or better on these scales (a midpoint flip gave 2.76:1 on mid-tone cells, and
 * even #111 text falls to 4.35:1 near the crossover, hence pure black).
 */
export type HeatScale = 'sequential' | 'diverging';

export interface CellColours {
  readonly background: string;
  readonly color: string;
}

type Rgb = readonly [number, number, number];

const clamp01 = (t: number): number => Math.min(1, Math.max(0, t));

/** Mixes white toward an RGB colour by t in [0,1]. */
function tint(rgb: Rgb, t: number): Rgb {
  return rgb.map((c) => Math.round(255 + (c - 255) * t)) as unknown as Rgb;
}

/** WCAG 2 relative luminance of an sRGB colour with 0-255 channels. */
function relativeLuminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const BLUE: Rgb = [23, 55, 140];
const RED: Rgb = [160, 30, 40];
const DARK_TEXT = '#000';
const LIGHT_TEXT = '#fff';

/** Black or white, whichever has the higher contrast ratio against the background. */
function readableText(background: Rgb): string {
  const l = relativeLuminance(background);
  const onBlack = (l + 0.05) / 0.05;
  const onWhite = 1.05 / (l + 0.05);
  return onBlack >= onWhite ? DARK_TEXT : LIGHT_TEXT;
}

function colours(background: Rgb): CellColours {
  const [r, g, b] = background;
  return { background: `rgb(${r} ${g} ${b})`, color: readableText(background) };
}

export function heatColours(value: number, scale: HeatScale, range: readonly [number, number]): CellColours {
  const [lo, hi] = range;
  if (scale === 'sequential') {
    const t = clamp01(hi === lo ? 0 : (value - lo) / (hi - lo));
    return colours(tint(BLUE, t));
  }
  const extent = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
  const t = clamp01(Math.abs(value) / extent);
  return colours(tint(value < 0 ? RED : BLUE, t));
}
