/**
 * Exercise ids, kept apart from the generators so the outline (meta.ts) can count exercises
 * without pulling the lesson's code into the main bundle.
 */
export const EXERCISE_IDS = ['batch-stats', 'normalise-value', 'identity', 'running-mean'] as const;
