/** Outline metadata for "Neurons and the fully connected layer"; the body loads lazily from Lesson.tsx. */
import type { LessonMeta } from '../course';
import { EXERCISE_IDS } from './exerciseIds';

const meta: LessonMeta = {
  id: 'neurons-and-dense-layers',
  title: 'Neurons and the fully connected layer',
  summary: 'Weighted sums, biases and activations: from one neuron to a layer to a linear classifier on images.',
  minutes: 30,
  objectives: [
    'Compute a neuron’s output from its inputs, weights, bias and activation.',
    'Write a fully connected layer as a matrix product and follow the lecture’s example through it.',
    'Count a dense layer’s parameters and give the shape of a linear classifier’s W.',
    'Read the rows of a trained linear classifier as class templates, and judge its per-class accuracy.',
  ],
  sections: [
    { id: 'neuron', title: 'One neuron' },
    { id: 'dense-layer', title: 'A layer of neurons is a matrix product' },
    { id: 'linear-classifier', title: 'The linear classifier and its templates' },
    { id: 'check', title: 'Predict, then check' },
  ],
  exercises: EXERCISE_IDS,
  load: () => import('./Lesson'),
};

export default meta;
