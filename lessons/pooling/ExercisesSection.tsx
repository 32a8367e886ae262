/** The pooling lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { PredictThenCheck } from '../../app/ui/PredictThenCheck';
import { gapDenseExercise, pooledValueExercise, poolSizeExercise, poolVolumeExercise } from './exercises';
import meta from './meta';

const exercises = [
  { id: 'pool-size', title: 'Pooled output size', generate: poolSizeExercise },
  { id: 'pooled-value', title: 'A pooled value', generate: pooledValueExercise },
  { id: 'pool-volume', title: 'Pooled volume', generate: poolVolumeExercise },
  { id: 'gap-dense', title: 'A global-pooling head', generate: gapDenseExercise },
];

export function ExercisesSection(): ReactElement {
  return (
    <PredictThenCheck
      lessonId={meta.id}
      exercises={exercises}
      intro={
        <p>Work each answer out first, then check it. “New numbers” gives a fresh version of the same question.</p>
      }
    />
  );
}
