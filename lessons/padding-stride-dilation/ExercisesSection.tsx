/** Section 6: the lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { Exercise } from '../../app/ui/Exercise';
import { Section } from '../../app/ui/Section';
import { effectiveKernelExercise, fitPaddingExercise, outputSizeExercise, samePaddingExercise } from './exercises';
import meta from './meta';

export function ExercisesSection(): ReactElement {
  return (
    <Section id="check" title="Predict, then check">
      <p>
        Work each answer out on paper first, then check it. “New numbers” gives a fresh version of the same question; an
        exercise counts as done once you get any version right.
      </p>
      <div className="exercise-list">
        <Exercise lessonId={meta.id} id="output-size" title="Output size" generate={outputSizeExercise} />
        <Exercise
          lessonId={meta.id}
          id="effective-kernel"
          title="Span of a dilated kernel"
          generate={effectiveKernelExercise}
        />
        <Exercise lessonId={meta.id} id="fit-padding" title="Make the stride fit" generate={fitPaddingExercise} />
        <Exercise lessonId={meta.id} id="same-padding" title="Keep the size" generate={samePaddingExercise} />
      </div>
    </Section>
  );
}
