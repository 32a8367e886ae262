/** Exercise ids, apart from the generators so meta.ts can count them without loading the lesson. */
export const EXERCISE_IDS = ['neuron-output', 'dense-output', 'dense-params', 'linear-shape'] as const;
