/** Exercise ids, kept apart from the generators so meta.ts can count them without loading the lesson. */
export const EXERCISE_IDS = ['which-case', 'head-features', 'trainable-params', 'fine-tune-steps'] as const;
