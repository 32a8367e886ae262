/** Exercise ids, kept apart from the generators so meta.ts can count them without loading the lesson. */
export const EXERCISE_IDS = ['linear-change', 'many-pixels', 'linear-score'] as const;
