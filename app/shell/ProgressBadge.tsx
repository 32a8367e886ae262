/** "2 / 4 exercises" with a small bar; reads the progress store for one lesson. */
import type { ReactElement } from 'react';
import type { LessonMeta } from '../../lessons/course';
import { doneCount, useProgress } from '../stores/progress';

export function ProgressBadge({ lesson }: { readonly lesson: LessonMeta }): ReactElement {
  const done = useProgress((s) => doneCount(s, lesson.id, lesson.exercises));
  const total = lesson.exercises.length;
  return (
    <span className="progress" data-testid="progress" data-done={done} data-total={total}>
      <progress value={done} max={Math.max(total, 1)} aria-label={`${lesson.title}: exercises done`} />
      <span>
        {done} / {total} exercises{done === total && total > 0 ? ' ✓' : ''}
      </span>
    </span>
  );
}
