/** Section 7: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { Exercise } from '../../app/ui/Exercise';
import { Section } from '../../app/ui/Section';
import { leakyReluExercise, sigmoidChainExercise, sigmoidSlopeExercise, zeroCentredExercise } from './exercises';
import meta from './meta';

export function ExercisesSection(): ReactElement {
  return (
    <Section id="check" title="Predict, then check">
      <p>Work each one out first, then check. “New numbers” gives a fresh version of the same question.</p>
      <div className="exercise-list">
        <Exercise lessonId={meta.id} id="sigmoid-slope" title="The sigmoid's slope" generate={sigmoidSlopeExercise} />
        <Exercise
          lessonId={meta.id}
          id="sigmoid-chain"
          title="Gradient through a sigmoid chain"
          generate={sigmoidChainExercise}
        />
        <Exercise lessonId={meta.id} id="zero-centred" title="Zero-centred or not?" generate={zeroCentredExercise} />
        <Exercise
          lessonId={meta.id}
          id="leaky-relu"
          title="Leaky ReLU forward and backward"
          generate={leakyReluExercise}
        />
      </div>
    </Section>
  );
}
