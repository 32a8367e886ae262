/**
 * The held-out test set, on demand: a button that evaluates the current weights on the test split
 * (never used for training or for choosing when to stop) and one short line with its accuracy and
 * loss, under the curves' title. Nothing takes room until the first evaluation.
 */
import type { ReactElement } from 'react';
import { useStudio } from '../stores/studio';
import { evaluateTestSet, useTestEvaluation } from './testEvaluation';
import './studio-evaluation.css';

export function TestEvaluationButton(): ReactElement {
  const ready = useStudio((s) => s.dataset.status === 'ready' && s.built !== null);
  const testCount = useStudio((s) => s.dataset.info?.testCount ?? 0);
  const busy = useTestEvaluation((s) => s.busy);
  return (
    <button
      type="button"
      className="button test-eval-button"
      disabled={!ready || busy || testCount === 0}
      title={`Accuracy and loss of the current weights on the ${testCount.toLocaleString('en-US')} held-out test images, never trained on`}
      onClick={() => void evaluateTestSet()}
    >
      {busy ? 'Evaluating…' : 'Evaluate on test set'}
    </button>
  );
}

export function TestEvaluationResult(): ReactElement | null {
  const { result, error } = useTestEvaluation();
  if (error) return <p className="test-eval studio-error">{error}</p>;
  if (!result) return null;
  const m = result.metrics;
  return (
    <p
      className="test-eval"
      data-testid="test-result"
      data-accuracy={m.accuracy}
      data-loss={m.loss}
      data-count={m.count}
      title={`After ${result.epoch.toFixed(2)} epochs of training`}
    >
      Test set: <strong data-testid="test-accuracy">{(m.accuracy * 100).toFixed(1)}%</strong> accuracy · loss{' '}
      {m.loss.toFixed(3)} · {m.count.toLocaleString('en-US')} images{' '}
      <span className="muted">(epoch {result.epoch.toFixed(2)})</span>
    </p>
  );
}
