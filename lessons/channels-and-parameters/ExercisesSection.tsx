/** Section 6: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { Exercise } from '../../app/ui/Exercise';
import { Section } from '../../app/ui/Section';
import { convParamsExercise, denseAfterFlattenExercise, factoriseExercise, outputVolumeExercise } from './exercises';
import meta from './meta';

export function ExercisesSection(): ReactElement {
  return (
    <Section id="check" title="Predict, then check">
      <p>
        Work each answer out on paper, then check it. “New numbers” gives a fresh version; any right answer marks the
        exercise done.
      </p>
      <div className="exercise-list">
        <Exercise lessonId={meta.id} id="output-volume" title="Output volume" generate={outputVolumeExercise} />
        <Exercise
          lessonId={meta.id}
          id="conv-params"
          title="Parameters of a conv layer"
          generate={convParamsExercise}
        />
        <Exercise
          lessonId={meta.id}
          id="factorise-saving"
          title="Weights saved by small filters"
          generate={factoriseExercise}
        />
        <Exercise
          lessonId={meta.id}
          id="dense-after-flatten"
          title="A dense layer after flatten"
          generate={denseAfterFlattenExercise}
        />
      </div>
    </Section>
  );
}
