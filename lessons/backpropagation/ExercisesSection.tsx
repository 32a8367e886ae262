/** Section 7: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { PredictThenCheck } from '../../app/ui/PredictThenCheck';
import { chainRuleExercise, poolSwitchExercise, reluGateExercise, softmaxGradientExercise } from './exercises';
import meta from './meta';

const exercises = [
  { id: 'chain-rule', title: 'Multiply along the chain', generate: chainRuleExercise },
  { id: 'softmax-gradient', title: 'Gradient of softmax cross-entropy', generate: softmaxGradientExercise },
  { id: 'pool-switch', title: 'Route through a max-pool switch', generate: poolSwitchExercise },
  { id: 'relu-gate', title: "ReLU's backward gate", generate: reluGateExercise },
];

export function ExercisesSection(): ReactElement {
  return <PredictThenCheck lessonId={meta.id} exercises={exercises} />;
}
