/** The layer-calculator lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { Exercise } from '../../app/ui/Exercise';
import { Section } from '../../app/ui/Section';
import { convMacsExercise, groupedWeightsExercise, stackShapeExercise } from './exercises';
import meta from './meta';

export function ExercisesSection(): ReactElement {
  return (
    <Section id="check" title="Predict, then check">
      <p>Work each answer out first, then check it. You may use the calculator above to verify a step.</p>
      <div className="exercise-list">
        <Exercise
          lessonId={meta.id}
          id="grouped-weights"
          title="Weights of a grouped conv"
          generate={groupedWeightsExercise}
        />
        <Exercise lessonId={meta.id} id="conv-macs" title="Multiply-adds of a conv" generate={convMacsExercise} />
        <Exercise lessonId={meta.id} id="stack-shape" title="Shape after a stack" generate={stackShapeExercise} />
      </div>
    </Section>
  );
}
