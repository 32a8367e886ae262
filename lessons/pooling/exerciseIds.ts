/** Exercise ids, apart from the generators so meta.ts can count them without loading the lesson. */
export const EXERCISE_IDS = ['pool-size', 'pooled-value', 'pool-volume', 'gap-dense'] as const;
