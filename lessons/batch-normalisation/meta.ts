/** Outline metadata for the "Batch normalisation" lesson; the body loads lazily. */
import type { LessonMeta } from '../course';
import { EXERCISE_IDS } from './exerciseIds';

const meta: LessonMeta = {
  id: 'batch-normalisation',
  title: 'Batch normalisation',
  summary: 'Normalise every channel over the mini-batch, then let γ and β rescale it: deep nets train faster.',
  minutes: 35,
  objectives: [
    'Carry out the batch-norm algorithm by hand: μ_B, σ²_B, x̂ with ε, then y = γx̂ + β.',
    'Say where batch norm sits in a CNN and which values each channel’s statistics are taken over.',
    'Explain why inference uses running averages, and compute them with momentum 0.1.',
    'Choose γ and β that make batch norm the identity.',
    'Train the same deep network with and without batch norm and compare the curves.',
  ],
  sections: [
    { id: 'why', title: 'Why normalise inside the network' },
    { id: 'algorithm', title: 'The algorithm, step by step' },
    { id: 'placement', title: 'Where it goes in a CNN' },
    { id: 'inference', title: 'Training versus inference' },
    { id: 'race', title: 'With and without, trained live' },
    { id: 'check', title: 'Predict, then check' },
  ],
  exercises: EXERCISE_IDS,
  load: () => import('./Lesson'),
};

export default meta;
