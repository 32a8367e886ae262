/** Section 9: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { PredictThenCheck } from '../../app/ui/PredictThenCheck';
import { camScoreExercise, filterSlicesExercise, l2OptimumExercise, totalVariationExercise } from './exercises';
import meta from './meta';

const exercises = [
  { id: 'filter-slices', title: 'How many slices does a filter view draw?', generate: filterSlicesExercise },
  { id: 'l2-optimum', title: 'The best image under an L2 prior', generate: l2OptimumExercise },
  { id: 'cam-score', title: 'A class activation map and its score', generate: camScoreExercise },
  { id: 'total-variation', title: 'Total variation of a tiny image', generate: totalVariationExercise },
];

export function ExercisesSection(): ReactElement {
  return <PredictThenCheck lessonId={meta.id} exercises={exercises} />;
}
