/** Exercise ids, kept apart from the generators so meta.ts can count them without loading the lesson. */
export const EXERCISE_IDS = ['block-params', 'zero-residual', 'shortcut-gradient', 'survival'] as const;
