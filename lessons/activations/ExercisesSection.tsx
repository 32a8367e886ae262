/** Section 7: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { PredictThenCheck } from '../../app/ui/PredictThenCheck';
import { leakyReluExercise, sigmoidChainExercise, sigmoidSlopeExercise, zeroCentredExercise } from './exercises';
import meta from './meta';

const exercises = [
  { id: 'sigmoid-slope', title: "The sigmoid's slope", generate: sigmoidSlopeExercise },
  { id: 'sigmoid-chain', title: 'Gradient through a sigmoid chain', generate: sigmoidChainExercise },
  { id: 'zero-centred', title: 'Zero-centred or not?', generate: zeroCentredExercise },
  { id: 'leaky-relu', title: 'Leaky ReLU forward and backward', generate: leakyReluExercise },
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
