/** The lesson's last section: its "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { PredictThenCheck } from '../../app/ui/PredictThenCheck';
import { batchStatsExercise, identityExercise, normaliseValueExercise, runningMeanExercise } from './exercises';
import meta from './meta';

const exercises = [
  { id: 'batch-stats', title: 'Mean and variance of a mini-batch', generate: batchStatsExercise },
  { id: 'normalise-value', title: 'Normalise, scale and shift one value', generate: normaliseValueExercise },
  { id: 'identity', title: 'The γ and β that undo batch norm', generate: identityExercise },
  { id: 'running-mean', title: 'Two steps of the running mean', generate: runningMeanExercise },
];

export function ExercisesSection(): ReactElement {
  return <PredictThenCheck lessonId={meta.id} exercises={exercises} />;
}
