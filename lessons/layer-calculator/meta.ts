/** Outline metadata for "Layer calculator"; the body loads lazily from Lesson.tsx. */
import type { LessonMeta } from '../course';
import { EXERCISE_IDS } from './exerciseIds';

const meta: LessonMeta = {
  id: 'layer-calculator',
  title: 'Layer calculator',
  summary: 'Shapes, parameters and multiply-adds of any stack of layers, from AlexNet and VGG to ResNet and DenseNet.',
  minutes: 25,
  objectives: [
    'Follow a tensor’s shape through a stack of conv, pool and dense layers.',
    'Count weights, biases and multiply-adds per layer, including grouped convolutions.',
    'Reproduce AlexNet’s per-layer and VGG’s total parameter counts.',
    'Compare the depth, parameters and multiply-adds of GoogLeNet, ResNet and DenseNet with AlexNet and VGG.',
    'Read and edit a model written as a JSON spec.',
  ],
  sections: [
    { id: 'calculator', title: 'Count a network layer by layer' },
    { id: 'reference', title: 'The lecture’s reference numbers' },
    { id: 'deeper', title: 'Deeper networks, side by side' },
    { id: 'check', title: 'Predict, then check' },
  ],
  exercises: EXERCISE_IDS,
  load: () => import('./Lesson'),
};

export default meta;
