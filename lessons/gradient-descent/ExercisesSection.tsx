/** Section 6: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { PredictThenCheck } from '../../app/ui/PredictThenCheck';
import { iterationsExercise, momentumStepExercise, sgdUpdateExercise, stableRateExercise } from './exercises';
import meta from './meta';

const exercises = [
  { id: 'iterations', title: 'Iterations per epoch', generate: iterationsExercise },
  { id: 'sgd-update', title: 'One gradient-descent update', generate: sgdUpdateExercise },
  { id: 'momentum-step', title: 'One momentum step', generate: momentumStepExercise },
  { id: 'stable-rate', title: 'The largest stable learning rate', generate: stableRateExercise },
];

export function ExercisesSection(): ReactElement {
  return <PredictThenCheck lessonId={meta.id} exercises={exercises} />;
}
