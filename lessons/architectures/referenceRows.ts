/**
 * The nets of the comparison table, with what the lecture notes say about them, quoted as facts
 * (decks 000, 002 and 003): parameter and FLOP figures and ImageNet top-5 errors. The engine's
 * own counts sit beside these in the table; nothing here is a count the page presents as computed.
 */
export interface ReferenceRow {
  /** Preset key in engine/spec/presets.ts. */
  readonly key: string;
  readonly name: string;
  readonly year: string;
  /** What the lecture says about its size or cost; '—' when it gives nothing. */
  readonly lecture: string;
  /** Top-5 error as the lecture quotes it, with where it comes from. */
  readonly top5: string;
}

export const REFERENCE_ROWS: readonly ReferenceRow[] = [
  { key: 'lenet5', name: 'LeNet-5', year: '1998', lecture: '—', top5: '— (digits, not ImageNet)' },
  {
    key: 'alexnet',
    name: 'AlexNet',
    year: '2012',
    lecture: '60M parameters, 650,000 units',
    top5: '16.4% (ILSVRC 2012, 1st)',
  },
  {
    key: 'zfnet',
    name: 'ZFNet',
    year: '2013',
    lecture: 'AlexNet with conv1 7×7 stride 2',
    top5: '14.8% (one net); 11.74% won ILSVRC 2013',
  },
  {
    key: 'vgg-d',
    name: 'VGG-16',
    year: '2014',
    lecture: '138M parameters; 15.3 billion FLOPs',
    top5: '7.32% (ILSVRC 2014, 2nd)',
  },
  {
    key: 'vgg-e',
    name: 'VGG-19',
    year: '2014',
    lecture: '144M parameters; 19.6 billion FLOPs',
    top5: '7.3% (19 layers, test set)',
  },
  {
    key: 'googlenet',
    name: 'GoogLeNet',
    year: '2014',
    lecture: '5M parameters',
    top5: '6.66% (ILSVRC 2014, 1st)',
  },
  {
    key: 'resnet34',
    name: 'ResNet-34',
    year: '2015',
    lecture: '—',
    top5: '5.71% (B) / 5.60% (C), single model, validation',
  },
  {
    key: 'resnet50',
    name: 'ResNet-50 (torchvision)',
    year: '2015',
    lecture: '3.8 billion FLOPs',
    top5: '5.25%, single model, validation',
  },
  {
    key: 'resnet50-paper',
    name: 'ResNet-50 (paper)',
    year: '2015',
    lecture: '3.8 billion FLOPs',
    top5: '5.25%, single model, validation',
  },
  { key: 'densenet121', name: 'DenseNet-121', year: '2017', lecture: '—', top5: '—' },
];
