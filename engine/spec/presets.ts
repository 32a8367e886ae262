/**
 * Named models for the studio's model picker, lessons and URLs (?model=lecture-mnist): the
 * reference architectures the lectures count parameters of, and small nets that train in a tab.
 */

import { alexnet } from './architectures/alexnet';
import { convnetjsCifar10 } from './architectures/convnetjs';
import { lectureMnist } from './architectures/lecture';
import { lenet5, lenet5Mnist } from './architectures/lenet';
import { linearCifar10, linearMnist } from './architectures/linear';
import { miniResnetCifar10, resnet18 } from './architectures/resnet';
import { smallVggCifar10, vggA, vggB, vggC, vggD, vggE } from './architectures/vgg';
import { SpecError } from './errors';
import type { ModelSpec } from './types';

export type PresetDataset = 'mnist' | 'cifar10' | 'imagenet';

export interface Preset {
  readonly title: string;
  readonly description: string;
  readonly spec: ModelSpec;
  /** The dataset whose sample shape the spec's input matches. */
  readonly dataset: PresetDataset;
}

const preset = (title: string, dataset: PresetDataset, spec: ModelSpec, description: string): Preset => ({
  title,
  description,
  spec,
  dataset,
});

export const PRESETS: Readonly<Record<string, Preset>> = {
  'linear-mnist': preset('Linear classifier', 'mnist', linearMnist, 'One dense layer on the 784 pixels: Wx + b.'),
  'lecture-mnist': preset(
    'Lecture CNN',
    'mnist',
    lectureMnist,
    'The Keras MNIST net from the lecture: two 5x5 conv + 2x2 pool stages, dense 100, dense 10.',
  ),
  'lenet5-mnist': preset(
    'LeNet-5 (28x28)',
    'mnist',
    lenet5Mnist,
    "LeNet-5 on 28x28 digits: 'same' padding on C1 stands in for the paper's 32x32 input.",
  ),
  'linear-cifar10': preset(
    'Linear classifier',
    'cifar10',
    linearCifar10,
    'One dense layer on the 3,072 pixel values; each row of W is a class template.',
  ),
  'convnetjs-cifar10': preset(
    'ConvNetJS demo net',
    'cifar10',
    convnetjsCifar10,
    "Karpathy's in-browser CIFAR-10 net: three 5x5 conv + ReLU + pool stages, then dense 10.",
  ),
  'small-vgg-cifar10': preset(
    'Small VGG',
    'cifar10',
    smallVggCifar10,
    "Three stages of two 'same' 3x3 convs and a 2x2 pool (32, 64, 96 filters), then dense 10.",
  ),
  'mini-resnet-cifar10': preset(
    'Mini ResNet',
    'cifar10',
    miniResnetCifar10,
    'A 3x3 stem, three residual blocks with batch norm (16, 32, 64 channels), global average pool, dense 10.',
  ),
  lenet5: preset('LeNet-5', 'mnist', lenet5, 'The classic 1998 digit recogniser on 32x32 input: 61,706 parameters.'),
  alexnet: preset(
    'AlexNet',
    'imagenet',
    alexnet,
    'The 2012 ImageNet winner on 3x227x227, with its two-GPU split as grouped convolutions (LRN omitted).',
  ),
  'vgg-a': preset('VGG-11 (A)', 'imagenet', vggA, 'VGG configuration A: 8 conv layers, 3 dense; 133M parameters.'),
  'vgg-b': preset('VGG-13 (B)', 'imagenet', vggB, 'VGG configuration B: 10 conv layers, 3 dense; 133M parameters.'),
  'vgg-c': preset(
    'VGG-16 with 1x1 (C)',
    'imagenet',
    vggC,
    'VGG configuration C: like B plus a 1x1 conv in each of the last three stages; 134M parameters.',
  ),
  'vgg-d': preset('VGG-16 (D)', 'imagenet', vggD, 'VGG configuration D: 13 conv layers, 3 dense; 138M parameters.'),
  'vgg-e': preset('VGG-19 (E)', 'imagenet', vggE, 'VGG configuration E: 16 conv layers, 3 dense; 144M parameters.'),
  resnet18: preset(
    'ResNet-18',
    'imagenet',
    resnet18,
    'Eight basic residual blocks with batch norm and 1x1 projection shortcuts; 11.7M parameters.',
  ),
};

export const PRESET_KEYS: readonly string[] = Object.keys(PRESETS);

/** The preset with this key; an unknown key is a SpecError listing the available ones. */
export function getPreset(key: string): Preset {
  const found = Object.hasOwn(PRESETS, key) ? PRESETS[key] : undefined;
  if (found === undefined) {
    throw new SpecError(`there is no preset model "${key}". Available: ${PRESET_KEYS.join(', ')}.`);
  }
  return found;
}
