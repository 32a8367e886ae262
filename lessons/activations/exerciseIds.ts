/** Exercise ids, apart from the generators so meta.ts can count them without loading the lesson. */
export const EXERCISE_IDS = ['sigmoid-slope', 'sigmoid-chain', 'zero-centred', 'leaky-relu'] as const;
