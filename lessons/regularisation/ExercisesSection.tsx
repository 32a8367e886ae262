/** Section 7: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { PredictThenCheck } from '../../app/ui/PredictThenCheck';
import { cropCountExercise, dropoutExpectationExercise, earlyStopExercise, l2StepExercise } from './exercises';
import meta from './meta';

const exercises = [
  { id: 'dropout-expectation', title: 'Dropout’s expected value', generate: dropoutExpectationExercise },
  { id: 'crop-count', title: 'Counting crops', generate: cropCountExercise },
  { id: 'early-stop', title: 'Where early stopping stops', generate: earlyStopExercise },
  { id: 'l2-step', title: 'One step with weight decay', generate: l2StepExercise },
];

export function ExercisesSection(): ReactElement {
  return <PredictThenCheck lessonId={meta.id} exercises={exercises} />;
}
