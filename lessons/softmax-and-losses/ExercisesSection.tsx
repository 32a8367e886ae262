/** Section 5: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { PredictThenCheck } from '../../app/ui/PredictThenCheck';
import { crossEntropyExercise, hingeLossExercise, l2PenaltyExercise, softmaxProbExercise } from './exercises';
import meta from './meta';

const exercises = [
  { id: 'softmax-prob', title: 'A softmax probability', generate: softmaxProbExercise },
  { id: 'cross-entropy', title: 'Cross-entropy of a prediction', generate: crossEntropyExercise },
  { id: 'hinge-loss', title: 'Hinge loss of one image', generate: hingeLossExercise },
  { id: 'l2-penalty', title: 'An L2 penalty', generate: l2PenaltyExercise },
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
