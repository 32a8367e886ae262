/**
 * What happened to the signal by the last layer, in the four words the lesson asks students to
 * predict with. Read from the engine's numbers: tanh units that mostly sit within 1% of ±1 are
 * saturated; otherwise the last layer's spread compared with the first layer's says whether the
 * signal shrank, grew or held (a factor of 10 either way is the line).
 */
import type { ExperimentResult } from './experiment';

export type Outcome = 'shrinks' | 'saturates' | 'steady' | 'grows';

export const OUTCOME_LABELS: Record<Outcome, string> = {
  shrinks: 'Collapses towards 0',
  saturates: 'Piles up at −1 and +1',
  steady: 'Keeps a similar spread',
  grows: 'Grows layer after layer',
};

export function outcomeOf(result: ExperimentResult): Outcome {
  const first = result.layers[0]!.activation;
  const last = result.layers[result.layers.length - 1]!.activation;
  if (!last.finite) return 'grows';
  if (result.settings.activation === 'tanh' && last.saturated > 0.5) return 'saturates';
  const ratio = last.std / first.std;
  if (ratio < 0.1) return 'shrinks';
  if (ratio > 10) return 'grows';
  return 'steady';
}
