/** The layer-calculator lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { PredictThenCheck } from '../../app/ui/PredictThenCheck';
import { convMacsExercise, groupedWeightsExercise, stackShapeExercise } from './exercises';
import meta from './meta';

const exercises = [
  { id: 'grouped-weights', title: 'Weights of a grouped conv', generate: groupedWeightsExercise },
  { id: 'conv-macs', title: 'Multiply-adds of a conv', generate: convMacsExercise },
  { id: 'stack-shape', title: 'Shape after a stack', generate: stackShapeExercise },
];

export function ExercisesSection(): ReactElement {
  return (
    <PredictThenCheck
      lessonId={meta.id}
      exercises={exercises}
      intro={<p>Work each answer out first, then check it. You may use the calculator above to verify a step.</p>}
    />
  );
}
