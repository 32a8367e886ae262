/** Exercise ids, kept apart from the generators so meta.ts can count them without loading the lesson. */
export const EXERCISE_IDS = ['filter-slices', 'l2-optimum', 'cam-score', 'total-variation'] as const;
