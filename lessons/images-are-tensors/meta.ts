/** Outline metadata for the "Images are tensors" lesson; the body loads lazily from Lesson.tsx. */
import type { LessonMeta } from '../course';
import { EXERCISE_IDS } from './exerciseIds';

const meta: LessonMeta = {
  id: 'images-are-tensors',
  title: 'Images are tensors',
  summary: 'Pixels, channels and batches: how a stack of pictures becomes one 4-D array of numbers.',
  minutes: 25,
  objectives: [
    'Read a grayscale image as a grid of bytes and a colour image as three such grids.',
    'Name the four axes of an NCHW batch and find any element’s position in memory.',
    'Write a class label as a one-hot vector.',
    'Explain what the training, validation and test sets are each for.',
  ],
  sections: [
    { id: 'pixels', title: 'Pixels are numbers' },
    { id: 'channels', title: 'Channels: grey and colour' },
    { id: 'nchw', title: 'Batches: the 4-D tensor' },
    { id: 'mnist', title: 'Real digits: MNIST' },
    { id: 'one-hot', title: 'Labels as one-hot vectors' },
    { id: 'splits', title: 'Train, validation, test' },
    { id: 'check', title: 'Predict, then check' },
  ],
  exercises: EXERCISE_IDS,
  load: () => import('./Lesson'),
};

export default meta;
