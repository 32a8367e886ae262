/** Section 5: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { PredictThenCheck } from '../../app/ui/PredictThenCheck';
import { fineTuneStepsExercise, headFeaturesExercise, trainableParamsExercise, whichCaseExercise } from './exercises';
import meta from './meta';

const exercises = [
  { id: 'which-case', title: 'Which of the four cases?', generate: whichCaseExercise },
  { id: 'head-features', title: 'How many features reach the new head', generate: headFeaturesExercise },
  { id: 'trainable-params', title: 'What a frozen trunk leaves to train', generate: trainableParamsExercise },
  { id: 'fine-tune-steps', title: 'Steps in a fine-tuning run', generate: fineTuneStepsExercise },
];

export function ExercisesSection(): ReactElement {
  return <PredictThenCheck lessonId={meta.id} exercises={exercises} />;
}
