/** Section 5: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { PredictThenCheck } from '../../app/ui/PredictThenCheck';
import { multiplyAddsExercise, outputValueExercise, trueConvolutionExercise } from './exercises';
import meta from './meta';

const exercises = [
  { id: 'output-value', title: 'One output value', generate: outputValueExercise },
  { id: 'true-convolution', title: 'With the kernel flipped', generate: trueConvolutionExercise },
  { id: 'multiply-adds', title: 'Counting the work', generate: multiplyAddsExercise },
];

export function ExercisesSection(): ReactElement {
  return <PredictThenCheck lessonId={meta.id} exercises={exercises} />;
}
