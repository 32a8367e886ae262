/**
 * data.py: the official MNIST and CIFAR-10 files as uint8 arrays, and ConvLab's one preprocessing
 * step (engine/data/batch.ts gatherBatch: pixel * (1/255), nothing else). predict.py and train.py
 * share it. The files are found where ConvLab's own loaders find them (engine/data/node/load.ts).
 */
import { pyString } from './names';

// biome-ignore lint/complexity/noUselessStringRaw: Python source; raw so that a backslash added to it stays Python's.
const DATA_PY = String.raw`"""The official MNIST / CIFAR-10 files, read the way ConvLab reads them (engine/data)."""
import gzip
import os
import tarfile

import numpy as np

MNIST_FILES = {
    "train": ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
    "test": ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"),
}
CIFAR_BATCHES = {"train": [f"data_batch_{i}.bin" for i in range(1, 6)], "test": ["test_batch.bin"]}
CIFAR_ARCHIVE = "cifar-10-binary.tar.gz"
SHAPES = {"mnist": (1, 28, 28), "cifar10": (3, 32, 32)}
# The dataset this model was exported with (--dataset overrides it).
DEFAULT_DATASET = @DEFAULT_DATASET@


class DataError(Exception):
    pass


def _pick(data_dir, gz_name):
    """The official .gz file, or the same name without .gz when it has been unpacked."""
    gz = os.path.join(data_dir, gz_name)
    raw = gz[: -len(".gz")]
    return gz if os.path.exists(gz) or not os.path.exists(raw) else raw


def _read(path):
    if not os.path.exists(path):
        raise DataError(f"{path} does not exist")
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        return f.read()


def _idx(path, magic, dims):
    data = _read(path)
    header = np.frombuffer(data, dtype=">u4", count=1 + dims)
    if int(header[0]) != magic:
        raise DataError(f"{path} is not an IDX file with magic {magic} (got {int(header[0])})")
    shape = tuple(int(d) for d in header[1:])
    values = np.frombuffer(data, dtype=np.uint8, offset=4 * (1 + dims))
    if values.size != int(np.prod(shape)):
        raise DataError(f"{path}: {values.size} values for shape {shape}; the file is cut off")
    return values.reshape(shape)


def load_mnist(data_dir, split):
    images_name, labels_name = MNIST_FILES[split]
    images = _idx(_pick(data_dir, images_name), 2051, 3)
    labels = _idx(_pick(data_dir, labels_name), 2049, 1)
    if len(images) != len(labels):
        raise DataError(f"{data_dir}: {len(images)} images but {len(labels)} labels")
    return images.reshape(-1, 1, 28, 28), labels.astype(np.int64)


def _cifar_batches(data_dir, names):
    """The batch files' bytes from the archive (a file, or a folder holding it) or a folder of .bin files."""
    archive = data_dir if os.path.isfile(data_dir) else os.path.join(data_dir, CIFAR_ARCHIVE)
    if os.path.isfile(archive):
        found = {}
        with tarfile.open(archive, "r:*") as tar:
            for member in tar:
                base = os.path.basename(member.name)
                if member.isfile() and base in names:
                    found[base] = tar.extractfile(member).read()
        missing = [n for n in names if n not in found]
        if missing:
            raise DataError(f"{archive} has no {', '.join(missing)}")
        return [found[n] for n in names]
    nested = os.path.join(data_dir, "cifar-10-batches-bin")
    folder = nested if os.path.isdir(nested) else data_dir
    return [_read(os.path.join(folder, n)) for n in names]


def load_cifar10(data_dir, split):
    records = np.concatenate([np.frombuffer(b, dtype=np.uint8) for b in _cifar_batches(data_dir, CIFAR_BATCHES[split])])
    if records.size % 3073 != 0:
        raise DataError(f"{data_dir}: not a whole number of CIFAR-10 records (1 label + 3072 pixel bytes each)")
    records = records.reshape(-1, 3073)
    # Each record is the label, then the R, G and B planes: already C, H, W.
    return records[:, 1:].reshape(-1, 3, 32, 32), records[:, 0].astype(np.int64)


def load_split(dataset, data_dir, split):
    """(uint8 images [N, C, H, W], int64 labels [N]) of the "train" or "test" split."""
    if dataset == "mnist":
        return load_mnist(data_dir, split)
    if dataset == "cifar10":
        return load_cifar10(data_dir, split)
    raise DataError(f"unknown dataset {dataset!r}: use mnist or cifar10")


def check_shape(dataset, input_shape):
    if tuple(SHAPES[dataset]) != tuple(input_shape):
        raise DataError(f"the model takes {list(input_shape)} inputs but {dataset} images are {list(SHAPES[dataset])}")


def to_inputs(images):
    """ConvLab's preprocessing, its only one: pixel * (1/255) in double, rounded to float32."""
    import torch

    if not isinstance(images, torch.Tensor):
        images = torch.from_numpy(np.array(images, dtype=np.uint8))  # a copy: frombuffer arrays are read-only
    return (images.double() * (1 / 255)).float()
`;

/** data.py with the dataset the model was trained on as the default (None when it is not known). */
export function dataPy(dataset: 'mnist' | 'cifar10' | null): string {
  return DATA_PY.replace('@DEFAULT_DATASET@', dataset ? pyString(dataset) : 'None');
}
