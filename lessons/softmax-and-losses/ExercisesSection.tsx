/** Section 5: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { Exercise } from '../../app/ui/Exercise';
import { Section } from '../../app/ui/Section';
import { crossEntropyExercise, hingeLossExercise, l2PenaltyExercise, softmaxProbExercise } from './exercises';
import meta from './meta';

export function ExercisesSection(): ReactElement {
  return (
    <Section id="check" title="Predict, then check">
      <p>Work each one out first, then check. “New numbers” gives a fresh version of the same question.</p>
      <div className="exercise-list">
        <Exercise lessonId={meta.id} id="softmax-prob" title="A softmax probability" generate={softmaxProbExercise} />
        <Exercise
          lessonId={meta.id}
          id="cross-entropy"
          title="Cross-entropy of a prediction"
          generate={crossEntropyExercise}
        />
        <Exercise lessonId={meta.id} id="hinge-loss" title="Hinge loss of one image" generate={hingeLossExercise} />
        <Exercise lessonId={meta.id} id="l2-penalty" title="An L2 penalty" generate={l2PenaltyExercise} />
      </div>
    </Section>
  );
}
