/** Section 4: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { PredictThenCheck } from '../../app/ui/PredictThenCheck';
import { denseOutputExercise, denseParamsExercise, linearShapeExercise, neuronOutputExercise } from './exercises';
import meta from './meta';

const exercises = [
  { id: 'neuron-output', title: "One neuron's output", generate: neuronOutputExercise },
  { id: 'dense-output', title: 'A small dense layer', generate: denseOutputExercise },
  { id: 'dense-params', title: 'Parameters of a dense layer', generate: denseParamsExercise },
  { id: 'linear-shape', title: 'Shape of W', generate: linearShapeExercise },
];

export function ExercisesSection(): ReactElement {
  return (
    <PredictThenCheck
      lessonId={meta.id}
      exercises={exercises}
      intro={<p>Work each one out first, then check. “New numbers” gives a fresh version of the same question.</p>}
    />
  );
}
