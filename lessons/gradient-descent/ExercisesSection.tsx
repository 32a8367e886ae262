/** Section 6: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { Exercise } from '../../app/ui/Exercise';
import { Section } from '../../app/ui/Section';
import { iterationsExercise, momentumStepExercise, sgdUpdateExercise, stableRateExercise } from './exercises';
import meta from './meta';

export function ExercisesSection(): ReactElement {
  return (
    <Section id="check" title="Predict, then check">
      <p>
        Work each answer out on paper first, then check it. “New numbers” gives a fresh version of the same question; an
        exercise counts as done once you get any version right.
      </p>
      <div className="exercise-list">
        <Exercise lessonId={meta.id} id="iterations" title="Iterations per epoch" generate={iterationsExercise} />
        <Exercise lessonId={meta.id} id="sgd-update" title="One gradient-descent update" generate={sgdUpdateExercise} />
        <Exercise lessonId={meta.id} id="momentum-step" title="One momentum step" generate={momentumStepExercise} />
        <Exercise
          lessonId={meta.id}
          id="stable-rate"
          title="The largest stable learning rate"
          generate={stableRateExercise}
        />
      </div>
    </Section>
  );
}
