/** Outline metadata for "Convolution as a sliding dot product"; the body loads lazily from Lesson.tsx. */
import type { LessonMeta } from '../course';
import { EXERCISE_IDS } from './exerciseIds';

const meta: LessonMeta = {
  id: 'convolution',
  title: 'Convolution as a sliding dot product',
  summary: 'Slide a small kernel over an image, multiply and add: the one operation a CNN is named after.',
  minutes: 30,
  objectives: [
    'Compute any output value of a 2-D cross-correlation by hand.',
    'Write one output as the dot product of a flattened patch and a flattened kernel.',
    'Explain how convolution differs from cross-correlation, and why frameworks compute the latter.',
    'Predict what edge, blur and sharpen kernels do to a picture.',
  ],
  sections: [
    { id: 'sliding', title: 'A window that slides' },
    { id: 'dot-product', title: 'Each output is a dot product' },
    { id: 'flip', title: 'Convolution or cross-correlation?' },
    { id: 'filters', title: 'Edges, blur and sharpen on real pictures' },
    { id: 'check', title: 'Predict, then check' },
  ],
  exercises: EXERCISE_IDS,
  load: () => import('./Lesson'),
};

export default meta;
