/**
 * A labelled image dataset held as bytes, exactly as the official files store pixels:
 * uint8, one sample after another, each sample CHW (channels, then rows, then columns).
 * Keeping bytes (not floats) keeps full CIFAR-10 at 150 MB rather than 600 MB, and it is
 * what the GPU backend uploads once.
 */
export interface Dataset {
  readonly name: string;
  readonly count: number;
  /** [channels, height, width] of one sample. */
  readonly shape: readonly [number, number, number];
  /** count * C * H * W bytes, 0-255. */
  readonly images: Uint8Array;
  /** count labels, each in [0, classNames.length). */
  readonly labels: Uint8Array;
  readonly classNames: readonly string[];
}

export interface DatasetSplits {
  readonly train: Dataset;
  readonly test: Dataset;
}

export const MNIST_CLASSES: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
export const CIFAR10_CLASSES: readonly string[] = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
];

/** Error for a dataset file that is not what it claims to be; `message` is for a person. */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';
}
