/** Outline metadata for "Transfer learning"; the body loads lazily from Lesson.tsx. */
import type { LessonMeta } from '../course';
import { EXERCISE_IDS } from './exerciseIds';

const meta: LessonMeta = {
  id: 'transfer-learning',
  title: 'Transfer learning',
  summary: 'Reuse a trained network: freeze its features or fine-tune them, and see when each wins, live on MNIST.',
  minutes: 35,
  objectives: [
    'Say why few people train a large CNN from scratch, and name the two ways of reusing a pretrained one.',
    'Pick what to freeze and what to retrain from how much data you have and how close the new task is.',
    'Build a transfer net: same trunk layer ids, trainable: false on the trunk, a new head with a new id.',
    'Compare frozen features, fine-tuning and training from scratch at 50 and at 500 labelled images.',
  ],
  sections: [
    { id: 'why', title: 'Why reuse a trained network' },
    { id: 'four-cases', title: 'What to freeze, what to retrain' },
    { id: 'how', title: 'Freezing and copying, in a model spec' },
    { id: 'experiment', title: 'Digits 0-4, then 5-9, live' },
    { id: 'check', title: 'Predict, then check' },
  ],
  exercises: EXERCISE_IDS,
  load: () => import('./Lesson'),
};

export default meta;
