/** Outline metadata for "Pooling"; the body loads lazily from Lesson.tsx. */
import type { LessonMeta } from '../course';
import { EXERCISE_IDS } from './exerciseIds';

const meta: LessonMeta = {
  id: 'pooling',
  title: 'Pooling',
  summary: 'Max and average pooling, the switches backprop needs, overlapping and global pooling.',
  minutes: 30,
  objectives: [
    'Compute max and average pooling by hand and the pooled size (W₁ − F)/S + 1.',
    'Explain why pooling has no parameters and leaves the depth unchanged.',
    'Trace the gradient of max pooling through its switches.',
    'Describe the translation invariance pooling gives, and its limits.',
    'Compare overlapping pooling with 2×2 pooling, and use global average pooling.',
  ],
  sections: [
    { id: 'max-avg', title: 'Max and average pooling' },
    { id: 'switches', title: 'Switches: where the gradient goes' },
    { id: 'invariance', title: 'Invariance to small shifts' },
    { id: 'overlapping', title: 'Overlapping pooling' },
    { id: 'global', title: 'Global average pooling' },
    { id: 'check', title: 'Predict, then check' },
  ],
  exercises: EXERCISE_IDS,
  load: () => import('./Lesson'),
};

export default meta;
