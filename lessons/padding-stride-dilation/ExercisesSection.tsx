/** Section 6: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { PredictThenCheck } from '../../app/ui/PredictThenCheck';
import { effectiveKernelExercise, fitPaddingExercise, outputSizeExercise, samePaddingExercise } from './exercises';
import meta from './meta';

const exercises = [
  { id: 'output-size', title: 'Output size', generate: outputSizeExercise },
  { id: 'effective-kernel', title: 'Span of a dilated kernel', generate: effectiveKernelExercise },
  { id: 'fit-padding', title: 'Make the stride fit', generate: fitPaddingExercise },
  { id: 'same-padding', title: 'Keep the size', generate: samePaddingExercise },
];

export function ExercisesSection(): ReactElement {
  return <PredictThenCheck lessonId={meta.id} exercises={exercises} />;
}
