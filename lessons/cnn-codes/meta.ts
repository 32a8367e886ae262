/** Outline metadata for "CNN codes"; the body loads lazily from Lesson.tsx. */
import type { LessonMeta } from '../course';
import { EXERCISE_IDS } from './exerciseIds';

const meta: LessonMeta = {
  id: 'cnn-codes',
  title: 'CNN codes',
  summary: 'The penultimate layer as a feature vector: map 2,000 digits by their codes and compare neighbours.',
  minutes: 30,
  objectives: [
    'Say what a CNN code is: the output of the layer before the classifier, one vector per image.',
    'Explain what a t-SNE or UMAP map keeps (who is near whom) and what it does not (distances between clusters).',
    'Read a map of MNIST codes: which digits cluster, which touch, and where the mistakes sit.',
    'Compare nearest neighbours by Euclidean distance in code space and in pixel space.',
  ],
  sections: [
    { id: 'codes', title: 'What a CNN code is' },
    { id: 'train', title: 'Train a small net' },
    { id: 'map', title: 'A map of the codes' },
    { id: 'neighbours', title: 'Neighbours by code and by pixels' },
    { id: 'check', title: 'Predict, then check' },
  ],
  exercises: EXERCISE_IDS,
  load: () => import('./Lesson'),
};

export default meta;
