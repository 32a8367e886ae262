/**
 * Course progress: for each lesson, the ids of the exercises the student has answered correctly.
 * Stored as sorted id lists (not counts) so that answering the same exercise twice, or an exercise
 * being renamed, can never push a lesson past 100%: `doneCount` only counts ids the lesson still has.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export interface ProgressState {
  /** lesson id -> ids of exercises answered correctly at least once. */
  readonly done: Readonly<Record<string, readonly string[]>>;
}

export const useProgress = create<ProgressState>()(
  persist((): ProgressState => ({ done: {} }), { name: 'convlab-progress', version: 1 }),
);

export function markExerciseDone(lessonId: string, exerciseId: string): void {
  const { done } = useProgress.getState();
  const ids = done[lessonId] ?? [];
  if (ids.includes(exerciseId)) return;
  useProgress.setState({ done: { ...done, [lessonId]: [...ids, exerciseId].sort() } });
}

export function resetLessonProgress(lessonId: string): void {
  const { [lessonId]: _removed, ...rest } = useProgress.getState().done;
  useProgress.setState({ done: rest });
}

/** How many of `exerciseIds` the student has done in `lessonId`. */
export function doneCount(state: ProgressState, lessonId: string, exerciseIds: readonly string[]): number {
  const ids = state.done[lessonId] ?? [];
  return exerciseIds.filter((id) => ids.includes(id)).length;
}

export function isExerciseDone(state: ProgressState, lessonId: string, exerciseId: string): boolean {
  return (state.done[lessonId] ?? []).includes(exerciseId);
}
