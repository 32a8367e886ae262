/** Exercise ids, apart from the generators so meta.ts can count them without loading the lesson. */
export const EXERCISE_IDS = ['softmax-prob', 'cross-entropy', 'hinge-loss', 'l2-penalty'] as const;
