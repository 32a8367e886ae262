/**
 * Exercise ids, kept apart from the generators so the outline (meta.ts) can count exercises
 * without pulling the lesson's code into the main bundle.
 */
export const EXERCISE_IDS = ['dropout-expectation', 'crop-count', 'early-stop', 'l2-step'] as const;
