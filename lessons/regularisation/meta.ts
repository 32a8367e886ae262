/** Outline metadata for the "Regularisation" lesson; the body loads lazily. */
import type { LessonMeta } from '../course';
import { EXERCISE_IDS } from './exerciseIds';

const meta: LessonMeta = {
  id: 'regularisation',
  title: 'Regularisation: dropout, augmentation, overfitting',
  summary: 'Watch a CNN memorise 300 digits, then close the gap with dropout, augmentation, L2 and early stopping.',
  minutes: 45,
  objectives: [
    'Recognise overfitting in training and validation curves, and say what the validation set is for.',
    'Explain inverted dropout: drop with probability p, scale the survivors by 1/(1 − p), change nothing at test time.',
    'Choose augmentations that keep the label: flips, crops with padding, brightness and contrast, PCA colour.',
    'Compute AlexNet’s PCA colour shift from the RGB covariance’s eigenvectors and eigenvalues.',
    'Write the L2 penalty and the weight-decay update it gives.',
    'Pick the epoch early stopping keeps from a run’s validation losses.',
  ],
  sections: [
    { id: 'overfitting', title: 'Overfitting and the validation set' },
    { id: 'dropout', title: 'Dropout' },
    { id: 'augmentation', title: 'Data augmentation' },
    { id: 'pca-colour', title: 'PCA colour augmentation' },
    { id: 'weight-decay', title: 'L2 regularisation and weight decay' },
    { id: 'live', title: 'Closing the gap, live' },
    { id: 'check', title: 'Predict, then check' },
  ],
  exercises: EXERCISE_IDS,
  load: () => import('./Lesson'),
};

export default meta;
