/** Exercise ids, apart from the generators so meta.ts can count them without loading the lesson. */
export const EXERCISE_IDS = ['conv1-size', 'three-by-three', 'inception-branch', 'dense-channels'] as const;
