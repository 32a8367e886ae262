/** Section 10: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { PredictThenCheck } from '../../app/ui/PredictThenCheck';
import { conv1SizeExercise, denseChannelsExercise, inceptionBranchExercise, threeByThreeExercise } from './exercises';
import meta from './meta';

const exercises = [
  { id: 'conv1-size', title: 'A first layer’s output size', generate: conv1SizeExercise },
  { id: 'three-by-three', title: 'Three 3×3 against one 7×7', generate: threeByThreeExercise },
  { id: 'inception-branch', title: 'An Inception branch with and without 1×1', generate: inceptionBranchExercise },
  { id: 'dense-channels', title: 'Depth after a dense block', generate: denseChannelsExercise },
];

export function ExercisesSection(): ReactElement {
  return <PredictThenCheck lessonId={meta.id} exercises={exercises} />;
}
