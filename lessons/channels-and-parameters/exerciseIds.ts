/** Exercise ids, apart from the generators so meta.ts can count them without loading the lesson. */
export const EXERCISE_IDS = ['output-volume', 'conv-params', 'factorise-saving', 'dense-after-flatten'] as const;
