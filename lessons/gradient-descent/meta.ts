/** Outline metadata for the "Gradient descent and the training loop" lesson; the body loads lazily. */
import type { LessonMeta } from '../course';
import { EXERCISE_IDS } from './exerciseIds';

const meta: LessonMeta = {
  id: 'gradient-descent',
  title: 'Gradient descent and the training loop',
  summary: 'Sample, forward, backprop, update: the loop that trains every network, run live on MNIST.',
  minutes: 40,
  objectives: [
    'Write the mini-batch SGD loop: sample, forward, backprop, update.',
    'Predict how the learning rate changes a descent: too small crawls, too large diverges.',
    'Carry out one plain, one momentum update by hand, and say what Adam adds.',
    'Compute iterations per epoch from the data size and batch size, rounding up.',
    'Train a CNN on MNIST in the browser and read its loss curve and held-out accuracy.',
  ],
  sections: [
    { id: 'loop', title: 'The training loop' },
    { id: 'learning-rate', title: 'The learning rate' },
    { id: 'optimizers', title: 'Momentum and Adam' },
    { id: 'epochs', title: 'Epochs, batches and iterations' },
    { id: 'training', title: 'Your first CNN, trained live' },
    { id: 'check', title: 'Predict, then check' },
  ],
  exercises: EXERCISE_IDS,
  load: () => import('./Lesson'),
};

export default meta;
