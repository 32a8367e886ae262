/** Section 7: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { PredictThenCheck } from '../../app/ui/PredictThenCheck';
import { batchValuesExercise, flatIndexExercise, oneHotExercise, splitSizesExercise } from './exercises';
import meta from './meta';

const exercises = [
  { id: 'flat-index', title: 'Find an element in memory', generate: flatIndexExercise },
  { id: 'batch-values', title: 'Size of a batch', generate: batchValuesExercise },
  { id: 'one-hot', title: 'Write a one-hot label', generate: oneHotExercise },
  { id: 'split-sizes', title: 'Size of a split', generate: splitSizesExercise },
];

export function ExercisesSection(): ReactElement {
  return <PredictThenCheck lessonId={meta.id} exercises={exercises} />;
}
