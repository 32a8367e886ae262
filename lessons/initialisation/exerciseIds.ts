/** Exercise ids, apart from the generators so meta.ts can count them without loading the lesson. */
export const EXERCISE_IDS = ['collapse-std', 'xavier-variance', 'which-init', 'relu-halving'] as const;
