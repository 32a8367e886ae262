/**
 * Where the full datasets come from, what their files are called and which checksums we trust.
 * Shared by `npm run fetch-data` (which downloads into public/data/) and the page (which fetches
 * from there), so the two agree on names.
 */

/** Folder layout under public/data/ (and under a mirror given to fetch-data with --base-url). */
export const MNIST_DIR = 'mnist';
export const CIFAR10_DIR = 'cifar10';
/** The embedded subset uncompressed, for Node tools (the CLI, tests) that read it from disk. */
export const EMBEDDED_MNIST_FILE = 'mnist-embedded.bin';
/** The same bytes gzipped (level 9, about a fifth of the size): what the page and workers fetch. */
export const EMBEDDED_MNIST_GZ_FILE = 'mnist-embedded.bin.gz';

export const MNIST_FILES = {
  trainImages: 'train-images-idx3-ubyte.gz',
  trainLabels: 'train-labels-idx1-ubyte.gz',
  testImages: 't10k-images-idx3-ubyte.gz',
  testLabels: 't10k-labels-idx1-ubyte.gz',
} as const;

export const CIFAR10_FILE = 'cifar-10-binary.tar.gz';

/**
 * MNIST's home is http://yann.lecun.com/exdb/mnist/, but that site now often refuses downloads,
 * so we use PyTorch's mirror, which serves byte-identical copies of the original gzip files.
 */
export const MNIST_BASE_URL = 'https://ossci-datasets.s3.amazonaws.com/mnist/';
export const CIFAR10_URL = 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz';

/**
 * Known-good md5 checksums for each file name (any one matches). Besides the official files we
 * accept the copies in ../shared/datasets that tests and offline mirrors use:
 * - train-images: that copy was re-gzipped losslessly, so its .gz differs although the unpacked
 *   bytes are identical to the official file (unpacked md5 6bbc9ace898e44ae57da46a324031adb).
 * - cifar-10-binary.tar.gz: that copy was rebuilt from JPEGs (same layout, labels and split,
 *   slightly different pixels), see ../shared/datasets/README.md.
 */
export const KNOWN_MD5: Readonly<Record<string, readonly string[]>> = {
  'train-images-idx3-ubyte.gz': ['f68b3c2dcbeaaa9fbdd348bbdeb94873', '4a48d75e79c9f84974c8c153ee81f976'],
  'train-labels-idx1-ubyte.gz': ['d53e105ee54ea40749a09fcbcd1e9432'],
  't10k-images-idx3-ubyte.gz': ['9fb629c4189551a2d022fa330f9573f3'],
  't10k-labels-idx1-ubyte.gz': ['ec29112dd5afa0611ce80d1b7f02629c'],
  'cifar-10-binary.tar.gz': ['c32a1d4ab5d03f1284b67883e8d87530', '381d1f787b7eb0998210779af827dda1'],
};
