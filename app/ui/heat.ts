/**
 * Colour scales for numbers shown in grids. Sequential: white (low) to deep blue (high), for
 * non-negative data like pixel bytes. Diverging: red (negative) through white (zero) to blue
 * (positive), for kernels and activations. Text colour flips to white on dark cells so every
 * number stays readable (WCAG contrast).
 */
export type HeatScale = 'sequential' | 'diverging';

export interface CellColours {
  readonly background: string;
  readonly color: string;
}

const clamp01 = (t: number): number => Math.min(1, Math.max(0, t));

/** Mixes white toward an RGB colour by t in [0,1]. */
function tint(rgb: readonly [number, number, number], t: number): string {
  const [r, g, b] = rgb.map((c) => Math.round(255 + (c - 255) * t)) as [number, number, number];
  return `rgb(${r} ${g} ${b})`;
}

const BLUE: readonly [number, number, number] = [23, 55, 140];
const RED: readonly [number, number, number] = [160, 30, 40];

export function heatColours(value: number, scale: HeatScale, range: readonly [number, number]): CellColours {
  const [lo, hi] = range;
  if (scale === 'sequential') {
    const t = clamp01(hi === lo ? 0 : (value - lo) / (hi - lo));
    return { background: tint(BLUE, t), color: t > 0.5 ? '#fff' : '#111' };
  }
  const extent = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
  const t = clamp01(Math.abs(value) / extent);
  return { background: tint(value < 0 ? RED : BLUE, t), color: t > 0.5 ? '#fff' : '#111' };
}
