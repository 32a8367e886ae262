/**
 * "Predict, then check". A seeded generator makes the question, so every student can get fresh
 * numbers ("New numbers") while any one seed is reproducible (tests, screenshots, a student showing
 * the instructor). The student types an answer and presses Check (or Enter); feedback is immediate
 * and announced; the worked solution can be revealed at any time. A right answer marks the exercise
 * done in the progress store. The generator's `params` are exposed as JSON in `data-params` (HTML
 * attribute names are case-insensitive, so N and n could not be separate attributes) so tests can
 * recompute the answer independently.
 */
import { type FormEvent, type ReactElement, type ReactNode, useId, useMemo, useState } from 'react';
import { isExerciseDone, markExerciseDone, useProgress } from '../stores/progress';
import { type Answer, checkAnswer, formatAnswer, type Verdict } from './answers';

export interface ExerciseInstance {
  readonly prompt: ReactNode;
  readonly answer: Answer;
  /** Custom check for answers with several right forms; overrides the default comparison. */
  readonly check?: (input: string) => Verdict;
  /** Worked solution; may include <Math>. */
  readonly solution: ReactNode;
  /** Placeholder for the input, e.g. "e.g. 0 1 0 0". */
  readonly inputHint?: string;
  /** The numbers the question was built from (exposed as `data-params` JSON for tests). */
  readonly params?: Readonly<Record<string, number | string>>;
}

export type ExerciseGenerator = (seed: number) => ExerciseInstance;

export interface ExerciseProps {
  readonly lessonId: string;
  /** Stable id, listed in the lesson's meta `exercises`. */
  readonly id: string;
  readonly title: string;
  readonly generate: ExerciseGenerator;
  readonly initialSeed?: number;
}

type Feedback =
  | { readonly kind: 'none' }
  | { readonly kind: 'right' }
  | { readonly kind: 'wrong'; readonly reason?: string };

export function Exercise({ lessonId, id, title, generate, initialSeed = 1 }: ExerciseProps): ReactElement {
  const uid = useId();
  const [seed, setSeed] = useState(initialSeed);
  const [input, setInput] = useState('');
  const [feedback, setFeedback] = useState<Feedback>({ kind: 'none' });
  const [showSolution, setShowSolution] = useState(false);
  const done = useProgress((s) => isExerciseDone(s, lessonId, id));
  const q = useMemo(() => generate(seed), [generate, seed]);

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    const verdict = q.check ? q.check(input) : checkAnswer(input, q.answer);
    setFeedback(verdict.ok ? { kind: 'right' } : { kind: 'wrong', reason: verdict.reason });
    if (verdict.ok) markExerciseDone(lessonId, id);
  };
  const newNumbers = (): void => {
    setSeed((s) => s + 1);
    setInput('');
    setFeedback({ kind: 'none' });
    setShowSolution(false);
  };

  return (
    <section
      className="exercise"
      aria-labelledby={`${uid}-title`}
      data-exercise={id}
      data-seed={seed}
      data-done={done}
      data-params={JSON.stringify(q.params ?? {})}
    >
      <header className="exercise-header">
        <h3 id={`${uid}-title`}>{title}</h3>
        {done && <span className="badge badge--done">Done ✓</span>}
      </header>
      <div className="exercise-prompt">{q.prompt}</div>
      <form className="exercise-form" onSubmit={onSubmit}>
        <label htmlFor={`${uid}-input`}>Your answer</label>
        <input
          id={`${uid}-input`}
          type="text"
          autoComplete="off"
          spellCheck={false}
          placeholder={q.inputHint}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          aria-describedby={`${uid}-feedback`}
        />
        <button type="submit" className="button button--primary" disabled={input.trim() === ''}>
          Check
        </button>
      </form>
      <p
        id={`${uid}-feedback`}
        className={`feedback feedback--${feedback.kind}`}
        role="status"
        data-result={feedback.kind}
      >
        {feedbackText(feedback)}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          aria-expanded={showSolution}
          onClick={() => setShowSolution((s) => !s)}
        >
          {showSolution ? 'Hide worked solution' : 'Show worked solution'}
        </button>
        <button type="button" className="button" onClick={newNumbers}>
          New numbers
        </button>
      </div>
      {showSolution && (
        <div className="solution" data-testid="solution">
          {q.solution}
          <p>
            Answer: <strong>{formatAnswer(q.answer)}</strong>
          </p>
        </div>
      )}
    </section>
  );
}

function feedbackText(feedback: Feedback): ReactNode {
  switch (feedback.kind) {
    case 'none':
      return '';
    case 'right':
      return 'Right! Try “New numbers” to practise again.';
    case 'wrong':
      return `Not quite — that’s wrong. ${feedback.reason ?? 'Check your working, or reveal the worked solution.'}`;
  }
}
