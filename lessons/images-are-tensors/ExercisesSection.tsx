/** Section 7: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { Exercise } from '../../app/ui/Exercise';
import { Section } from '../../app/ui/Section';
import { batchValuesExercise, flatIndexExercise, oneHotExercise, splitSizesExercise } from './exercises';
import meta from './meta';

export function ExercisesSection(): ReactElement {
  return (
    <Section id="check" title="Predict, then check">
      <p>
        Work each answer out on paper first, then check it. “New numbers” gives you a fresh version of the same
        question; an exercise counts as done once you get any version right.
      </p>
      <div className="exercise-list">
        <Exercise lessonId={meta.id} id="flat-index" title="Find an element in memory" generate={flatIndexExercise} />
        <Exercise lessonId={meta.id} id="batch-values" title="Size of a batch" generate={batchValuesExercise} />
        <Exercise lessonId={meta.id} id="one-hot" title="Write a one-hot label" generate={oneHotExercise} />
        <Exercise lessonId={meta.id} id="split-sizes" title="Size of a split" generate={splitSizesExercise} />
      </div>
    </Section>
  );
}
