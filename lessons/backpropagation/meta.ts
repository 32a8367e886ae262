/** Outline metadata for the "Backpropagation" lesson; the body loads lazily from Lesson.tsx. */
import type { LessonMeta } from '../course';
import { EXERCISE_IDS } from './exerciseIds';

const meta: LessonMeta = {
  id: 'backpropagation',
  title: 'Backpropagation',
  summary: 'The chain rule, node by node: how one backward pass finds the gradient of every weight.',
  minutes: 40,
  objectives: [
    'Apply the chain rule on a computational graph: upstream gradient times local gradient.',
    'Derive dL/dW = (SM(z) − y)xᵀ for a softmax linear classifier and compute it for given numbers.',
    'Compute the backward pass of a convolution as a full convolution with the 180°-rotated kernel.',
    'Route a gradient through max pooling using its switches, and through ReLU as a gate.',
    'Check an analytic gradient against a central finite difference and read the relative error.',
  ],
  sections: [
    { id: 'graph', title: 'A network is a graph of small steps' },
    { id: 'linear', title: 'The gradient of a linear classifier' },
    { id: 'cnn-chain', title: 'Backprop through a convolutional chain' },
    { id: 'conv-backward', title: 'The backward pass of a convolution' },
    { id: 'gates', title: 'Pooling routes, ReLU gates' },
    { id: 'grad-check', title: 'Checking a gradient numerically' },
    { id: 'check', title: 'Predict, then check' },
  ],
  exercises: EXERCISE_IDS,
  load: () => import('./Lesson'),
};

export default meta;
