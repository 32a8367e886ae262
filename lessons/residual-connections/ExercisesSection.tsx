/** Section 7: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { PredictThenCheck } from '../../app/ui/PredictThenCheck';
import { blockParamsExercise, shortcutGradientExercise, survivalExercise, zeroResidualExercise } from './exercises';
import meta from './meta';

const exercises = [
  { id: 'block-params', title: 'Basic against bottleneck: parameters', generate: blockParamsExercise },
  { id: 'zero-residual', title: 'A residual block with zero weights', generate: zeroResidualExercise },
  { id: 'shortcut-gradient', title: 'The gradient through shortcuts', generate: shortcutGradientExercise },
  { id: 'survival', title: 'Stochastic depth: survival probability', generate: survivalExercise },
];

export function ExercisesSection(): ReactElement {
  return <PredictThenCheck lessonId={meta.id} exercises={exercises} />;
}
