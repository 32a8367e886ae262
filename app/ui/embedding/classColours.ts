/** One colour per class (d3's Tableau 10, chosen to stay apart for most colour-blind readers). */
import { schemeTableau10 } from 'd3';

export const CLASS_COLOURS: readonly string[] = schemeTableau10;

export function classColour(label: number): string {
  return CLASS_COLOURS[label % CLASS_COLOURS.length]!;
}
