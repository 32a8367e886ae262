/** One colour per digit class (d3's Tableau 10, chosen to stay apart for most colour-blind readers). */
import { schemeTableau10 } from 'd3';

export const CLASS_COLOURS: readonly string[] = schemeTableau10;

export function classColour(label: number): string {
  return CLASS_COLOURS[label % CLASS_COLOURS.length]!;
}

/** "a 3", "an 8": a digit with its article, for prose and accessible names. */
export function aDigit(digit: number): string {
  return digit === 8 ? `an ${digit}` : `a ${digit}`;
}
