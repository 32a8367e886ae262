/** Outline metadata for "Architectures, LeNet to ResNet"; the body loads lazily from Lesson.tsx. */
import type { LessonMeta } from '../course';
import { EXERCISE_IDS } from './exerciseIds';

const meta: LessonMeta = {
  id: 'architectures',
  title: 'Architectures, LeNet to ResNet',
  summary: 'The ImageNet winners one by one: what each changed, and what it cost in parameters and multiply-adds.',
  minutes: 45,
  objectives: [
    'Follow AlexNet’s shapes from 227 to 6 and say what its two GPUs, LRN, ReLU and dropout were for.',
    'Show why three 3×3 convolutions beat one 7×7: the same receptive field for 27C² instead of 49C² weights.',
    'Count an Inception module’s parameters and multiply-adds with and without its 1×1 reductions.',
    'Draw a residual block, and say when its shortcut needs a projection and what a bottleneck saves.',
    'Give a DenseNet block’s output depth from its input depth, growth rate and length.',
    'Compare the reference nets’ parameters, multiply-adds and top-5 errors, and explain where published counts differ.',
  ],
  sections: [
    { id: 'timeline', title: 'Eight years of ImageNet' },
    { id: 'lenet', title: 'LeNet-5' },
    { id: 'alexnet', title: 'AlexNet' },
    { id: 'zfnet', title: 'ZFNet' },
    { id: 'vgg', title: 'VGG: stacks of 3×3' },
    { id: 'googlenet', title: 'GoogLeNet and the Inception module' },
    { id: 'resnet', title: 'ResNet: residual blocks' },
    { id: 'densenet', title: 'DenseNet: growth by concatenation' },
    { id: 'compare', title: 'The reference nets side by side' },
    { id: 'check', title: 'Predict, then check' },
  ],
  exercises: EXERCISE_IDS,
  load: () => import('./Lesson'),
};

export default meta;
