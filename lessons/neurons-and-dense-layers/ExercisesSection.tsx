/** Section 4: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { Exercise } from '../../app/ui/Exercise';
import { Section } from '../../app/ui/Section';
import { denseOutputExercise, denseParamsExercise, linearShapeExercise, neuronOutputExercise } from './exercises';
import meta from './meta';

export function ExercisesSection(): ReactElement {
  return (
    <Section id="check" title="Predict, then check">
      <p>Work each one out first, then check. “New numbers” gives a fresh version of the same question.</p>
      <div className="exercise-list">
        <Exercise lessonId={meta.id} id="neuron-output" title="One neuron's output" generate={neuronOutputExercise} />
        <Exercise lessonId={meta.id} id="dense-output" title="A small dense layer" generate={denseOutputExercise} />
        <Exercise
          lessonId={meta.id}
          id="dense-params"
          title="Parameters of a dense layer"
          generate={denseParamsExercise}
        />
        <Exercise lessonId={meta.id} id="linear-shape" title="Shape of W" generate={linearShapeExercise} />
      </div>
    </Section>
  );
}
