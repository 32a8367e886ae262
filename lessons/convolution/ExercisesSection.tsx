/** Section 5: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { Exercise } from '../../app/ui/Exercise';
import { Section } from '../../app/ui/Section';
import { multiplyAddsExercise, outputValueExercise, trueConvolutionExercise } from './exercises';
import meta from './meta';

export function ExercisesSection(): ReactElement {
  return (
    <Section id="check" title="Predict, then check">
      <p>
        Work each answer out on paper first, then check it. “New numbers” gives a fresh version of the same question; an
        exercise counts as done once you get any version right.
      </p>
      <div className="exercise-list">
        <Exercise lessonId={meta.id} id="output-value" title="One output value" generate={outputValueExercise} />
        <Exercise
          lessonId={meta.id}
          id="true-convolution"
          title="With the kernel flipped"
          generate={trueConvolutionExercise}
        />
        <Exercise lessonId={meta.id} id="multiply-adds" title="Counting the work" generate={multiplyAddsExercise} />
      </div>
    </Section>
  );
}
