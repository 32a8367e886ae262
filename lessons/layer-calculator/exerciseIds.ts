/** Exercise ids, apart from the generators so meta.ts can count them without loading the lesson. */
export const EXERCISE_IDS = ['grouped-weights', 'conv-macs', 'stack-shape'] as const;
