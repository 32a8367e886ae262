/**
 * The "Predict, then check" section every lesson ends with: a short instruction and the lesson's
 * exercises, each an Exercise widget with its seeded generator. Lessons list their exercises as
 * data; the section heading id is always "check" so the table of contents can link to it.
 */
import type { ReactElement, ReactNode } from 'react';
import { Exercise, type ExerciseGenerator } from './Exercise';
import { Section } from './Section';

export interface ExerciseEntry {
  /** Stable id, listed in the lesson's meta `exercises`. */
  readonly id: string;
  readonly title: string;
  readonly generate: ExerciseGenerator;
}

export interface PredictThenCheckProps {
  readonly lessonId: string;
  readonly exercises: readonly ExerciseEntry[];
  /** Replaces the standard instruction above the exercises. */
  readonly intro?: ReactNode;
}

export function PredictThenCheck({ lessonId, exercises, intro }: PredictThenCheckProps): ReactElement {
  return (
    <Section id="check" title="Predict, then check">
      {intro ?? (
        <p>
          Work each answer out on paper first, then check it. “New numbers” gives a fresh version of the same question;
          an exercise counts as done once you get any version right.
        </p>
      )}
      <div className="exercise-list">
        {exercises.map((e) => (
          <Exercise key={e.id} lessonId={lessonId} id={e.id} title={e.title} generate={e.generate} />
        ))}
      </div>
    </Section>
  );
}
