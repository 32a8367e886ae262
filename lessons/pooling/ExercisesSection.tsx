/** The pooling lesson's "predict, then check" exercises. */
import type { ReactElement } from 'react';
import { Exercise } from '../../app/ui/Exercise';
import { Section } from '../../app/ui/Section';
import { gapDenseExercise, pooledValueExercise, poolSizeExercise, poolVolumeExercise } from './exercises';
import meta from './meta';

export function ExercisesSection(): ReactElement {
  return (
    <Section id="check" title="Predict, then check">
      <p>Work each answer out first, then check it. “New numbers” gives a fresh version of the same question.</p>
      <div className="exercise-list">
        <Exercise lessonId={meta.id} id="pool-size" title="Pooled output size" generate={poolSizeExercise} />
        <Exercise lessonId={meta.id} id="pooled-value" title="A pooled value" generate={pooledValueExercise} />
        <Exercise lessonId={meta.id} id="pool-volume" title="Pooled volume" generate={poolVolumeExercise} />
        <Exercise lessonId={meta.id} id="gap-dense" title="A global-pooling head" generate={gapDenseExercise} />
      </div>
    </Section>
  );
}
