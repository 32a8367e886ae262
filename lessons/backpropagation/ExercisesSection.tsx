/** Section 7: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { Exercise } from '../../app/ui/Exercise';
import { Section } from '../../app/ui/Section';
import { chainRuleExercise, poolSwitchExercise, reluGateExercise, softmaxGradientExercise } from './exercises';
import meta from './meta';

export function ExercisesSection(): ReactElement {
  return (
    <Section id="check" title="Predict, then check">
      <p>
        Work each answer out on paper first, then check it. “New numbers” gives a fresh version of the same question; an
        exercise counts as done once you get any version right.
      </p>
      <div className="exercise-list">
        <Exercise lessonId={meta.id} id="chain-rule" title="Multiply along the chain" generate={chainRuleExercise} />
        <Exercise
          lessonId={meta.id}
          id="softmax-gradient"
          title="Gradient of softmax cross-entropy"
          generate={softmaxGradientExercise}
        />
        <Exercise
          lessonId={meta.id}
          id="pool-switch"
          title="Route through a max-pool switch"
          generate={poolSwitchExercise}
        />
        <Exercise lessonId={meta.id} id="relu-gate" title="ReLU's backward gate" generate={reluGateExercise} />
      </div>
    </Section>
  );
}
