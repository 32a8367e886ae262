/** The lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { PredictThenCheck } from '../../app/ui/PredictThenCheck';
import { collapseExercise, reluHalvingExercise, whichInitExercise, xavierVarianceExercise } from './exercises';
import meta from './meta';

const exercises = [
  { id: 'collapse-std', title: 'How small after ten layers?', generate: collapseExercise },
  { id: 'xavier-variance', title: 'Xavier’s variance', generate: xavierVarianceExercise },
  { id: 'which-init', title: 'Xavier or He?', generate: whichInitExercise },
  { id: 'relu-halving', title: 'Xavier in a ReLU network', generate: reluHalvingExercise },
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
