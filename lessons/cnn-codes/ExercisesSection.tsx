/** Section 5: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { PredictThenCheck } from '../../app/ui/PredictThenCheck';
import { codeDistanceExercise, codeSizeExercise, neighbourVoteExercise } from './exercises';
import meta from './meta';

const exercises = [
  { id: 'code-size', title: 'How big are the codes?', generate: codeSizeExercise },
  { id: 'code-distance', title: 'Distance between two codes', generate: codeDistanceExercise },
  { id: 'neighbour-vote', title: 'Nearest neighbours vote', generate: neighbourVoteExercise },
];

export function ExercisesSection(): ReactElement {
  return <PredictThenCheck lessonId={meta.id} exercises={exercises} />;
}
