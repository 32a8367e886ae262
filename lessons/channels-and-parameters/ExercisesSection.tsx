/** Section 6: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { PredictThenCheck } from '../../app/ui/PredictThenCheck';
import { convParamsExercise, denseAfterFlattenExercise, factoriseExercise, outputVolumeExercise } from './exercises';
import meta from './meta';

const exercises = [
  { id: 'output-volume', title: 'Output volume', generate: outputVolumeExercise },
  { id: 'conv-params', title: 'Parameters of a conv layer', generate: convParamsExercise },
  { id: 'factorise-saving', title: 'Weights saved by small filters', generate: factoriseExercise },
  { id: 'dense-after-flatten', title: 'A dense layer after flatten', generate: denseAfterFlattenExercise },
];

export function ExercisesSection(): ReactElement {
  return (
    <PredictThenCheck
      lessonId={meta.id}
      exercises={exercises}
      intro={
        <p>
          Work each answer out on paper, then check it. “New numbers” gives a fresh version; any right answer marks the
          exercise done.
        </p>
      }
    />
  );
}
