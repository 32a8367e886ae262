/** Section 6: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { PredictThenCheck } from '../../app/ui/PredictThenCheck';
import { linearChangeExercise, linearScoreExercise, manyPixelsExercise } from './exercises';
import meta from './meta';

const exercises = [
  { id: 'linear-change', title: 'The change in wᵀx', generate: linearChangeExercise },
  { id: 'many-pixels', title: 'Many small changes add up', generate: manyPixelsExercise },
  { id: 'linear-score', title: 'A sign step against a linear score', generate: linearScoreExercise },
];

export function ExercisesSection(): ReactElement {
  return <PredictThenCheck lessonId={meta.id} exercises={exercises} />;
}
