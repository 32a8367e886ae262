/**
 * Named models for the studio's model picker, lessons and URLs (?model=lecture-mnist): the
 * reference architectures the lectures count parameters of, and small nets that train in a tab.
 */

import { alexnet, alexnetLrn, miniAlexnetCifar10 } from './architectures/alexnet';
import { convnetjsCifar10 } from './architectures/convnetjs';
import { densenet121, miniDensenetCifar10 } from './architectures/densenet';
import { googlenet, miniGooglenetCifar10 } from './architectures/googlenet';
import { lectureMnist } from './architectures/lecture';
import { lenet5, lenet5Mnist } from './architectures/lenet';
import { linearCifar10, linearMnist } from './architectures/linear';
import { miniResnetCifar10, resnet18, resnet34 } from './architectures/resnet';
import { resnet50, resnet50Paper } from './architectures/resnet50';
import { smallVggCifar10, vggA, vggB, vggC, vggD, vggE } from './architectures/vgg';
import { zfnet } from './architectures/zfnet';
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
  'mini-alexnet-cifar10': preset(
    'Mini AlexNet',
    'cifar10',
    miniAlexnetCifar10,
    "AlexNet's recipe at 32x32: five ReLU convs, LRN after the first two, overlapping 3x3 pools, two-group convs, dropout.",
  ),
  'mini-googlenet-cifar10': preset(
    'Mini GoogLeNet',
    'cifar10',
    miniGooglenetCifar10,
    'A 3x3 stem and two small Inception modules (1x1, 3x3, 3x3 and pool branches joined by concat), global pool, dense 10.',
  ),
  'mini-densenet-cifar10': preset(
    'Mini DenseNet',
    'cifar10',
    miniDensenetCifar10,
    'Two dense blocks of three BN-ReLU-conv layers (growth 8), each layer concatenated onto all before it.',
  ),
  lenet5: preset('LeNet-5', 'mnist', lenet5, 'The classic 1998 digit recogniser on 32x32 input: 61,706 parameters.'),
  alexnet: preset(
    'AlexNet',
    'imagenet',
    alexnet,
    'The 2012 ImageNet winner on 3x227x227, with its two-GPU split as grouped convolutions (LRN omitted).',
  ),
  'alexnet-lrn': preset(
    'AlexNet with LRN',
    'imagenet',
    alexnetLrn,
    'AlexNet as the paper draws it, local response normalisation after conv1 and conv2; LRN adds no parameters.',
  ),
  zfnet: preset(
    'ZFNet',
    'imagenet',
    zfnet,
    'The 2013 winner: AlexNet with a 7x7 stride-2 conv1 and wider conv3-5 (512, 1024, 512), on one GPU.',
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
  resnet34: preset(
    'ResNet-34',
    'imagenet',
    resnet34,
    'Sixteen basic residual blocks (3, 4, 6, 3 per stage); 21.8M parameters.',
  ),
  resnet50: preset(
    'ResNet-50 (torchvision)',
    'imagenet',
    resnet50,
    'Sixteen 1x1-3x3-1x1 bottleneck blocks, stride 2 on the 3x3 as torchvision does; 25.6M parameters, 4.1G mult-adds.',
  ),
  'resnet50-paper': preset(
    'ResNet-50 (paper)',
    'imagenet',
    resnet50Paper,
    "The paper's ResNet-50: stride 2 on the first 1x1 so the 3x3 runs on the smaller map; same 25.6M parameters, 3.9G mult-adds.",
  ),
  googlenet: preset(
    'GoogLeNet',
    'imagenet',
    googlenet,
    'Inception v1 as torchvision builds it: nine Inception modules with batch norm, no auxiliary heads; 6.6M parameters.',
  ),
  densenet121: preset(
    'DenseNet-121',
    'imagenet',
    densenet121,
    'Four dense blocks (6, 12, 24, 16 layers, growth 32), each layer concatenated onto all before it; 8.0M parameters.',
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
