/**
 * "Evaluate on test set": asks the worker for the held-out test split's metrics on the current
 * weights. The answer lives in its own small store, kept across tab switches and cleared when the
 * model or the dataset changes (its numbers would describe other weights or other images).
 */
import { create } from 'zustand';
import type { Metrics } from '../../engine/train/metrics';
import { useStudio } from '../stores/studio';
import { errorText, studioClient } from './controller';

export interface TestResult {
  readonly metrics: Metrics;
  /** Epochs trained (as the curves count them) when the answer came back. */
  readonly epoch: number;
}

export interface TestEvaluationState {
  readonly busy: boolean;
  readonly result: TestResult | null;
  readonly error: string | null;
}

const EMPTY: TestEvaluationState = { busy: false, result: null, error: null };

export const useTestEvaluation = create<TestEvaluationState>()(() => EMPTY);

/** Bumped whenever the weights or images change, so a late answer for the old ones is dropped. */
let generation = 0;

useStudio.subscribe((state, previous) => {
  if (state.built !== previous.built || state.dataset.info !== previous.dataset.info) {
    generation++;
    useTestEvaluation.setState(EMPTY);
  }
});

/** Epochs trained so far, on the curves' x axis. */
function epochsTrained(): number {
  const { progress, epochOffset } = useStudio.getState();
  return epochOffset + (progress?.epoch ?? 0);
}

export async function evaluateTestSet(): Promise<void> {
  const mine = ++generation;
  useTestEvaluation.setState({ busy: true, error: null });
  try {
    const answer = await studioClient().evaluate('test');
    if (mine !== generation) return;
    useTestEvaluation.setState({ busy: false, result: { metrics: answer.metrics, epoch: epochsTrained() } });
  } catch (error) {
    if (mine !== generation) return;
    useTestEvaluation.setState({ busy: false, error: errorText(error) });
  }
}
