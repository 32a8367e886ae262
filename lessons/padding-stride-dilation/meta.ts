/** Outline metadata for "Padding, stride and dilation"; the body loads lazily from Lesson.tsx. */
import type { LessonMeta } from '../course';
import { EXERCISE_IDS } from './exerciseIds';

const meta: LessonMeta = {
  id: 'padding-stride-dilation',
  title: 'Padding, stride and dilation',
  summary: 'The knobs that set a convolution’s output size, and what to do when a stride does not fit.',
  minutes: 30,
  objectives: [
    'Compute a convolution’s output size with W₂ = (W₁ − F + 2P)/S + 1.',
    'Tell when a stride does not fit an input, and choose a padding or stride that does.',
    'Explain “same” versus “valid” padding, and why (F − 1)/2 keeps the size.',
    'Find a dilated kernel’s span D(F − 1) + 1, and say what transposed convolution is for.',
  ],
  sections: [
    { id: 'output-size', title: 'How big is the output?' },
    { id: 'stride', title: 'When the stride does not fit' },
    { id: 'padding', title: 'Padding: same and valid' },
    { id: 'dilation', title: 'Dilation: a wider view for the same weights' },
    { id: 'transposed', title: 'Going up: transposed convolution' },
    { id: 'check', title: 'Predict, then check' },
  ],
  exercises: EXERCISE_IDS,
  load: () => import('./Lesson'),
};

export default meta;
