/**
 * The fixed part of model.py: the weights file reader and writer (safetensors layout, read with
 * numpy alone, so Debian's python3-torch needs no extra package) and the two layers PyTorch has no
 * exact equivalent for. model-py.ts appends the generated nn.Module after it.
 */

// biome-ignore lint/complexity/noUselessStringRaw: Python source; raw so that a backslash added to it stays Python's.
export const RUNTIME_PY = String.raw`import json
import math
import struct

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def read_safetensors(path):
    """Every tensor of a safetensors file as a float32 numpy array, by name.

    The layout (https://huggingface.co/docs/safetensors): an 8-byte little-endian header length,
    a JSON header {name: {dtype, shape, data_offsets}}, then the raw little-endian values.
    """
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 8:
        raise ValueError(f"{path} is too short to be a safetensors file")
    (size,) = struct.unpack("<Q", data[:8])
    if 8 + size > len(data):
        raise ValueError(f"{path}: the header says {size} bytes but the file is cut off")
    header = json.loads(data[8 : 8 + size].decode("utf-8"))
    arrays = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        if info["dtype"] != "F32":
            raise ValueError(f"{path}: {name} is {info['dtype']}; ConvLab weights are F32")
        start, end = info["data_offsets"]
        values = np.frombuffer(data, dtype="<f4", count=(end - start) // 4, offset=8 + size + start)
        arrays[name] = values.reshape(info["shape"])
    return arrays


def write_safetensors(path, arrays, metadata=None):
    """Writes {name: array} as float32 in the same layout read_safetensors reads."""
    header = {"__metadata__": dict(metadata or {})}
    blobs = []
    offset = 0
    for name, array in arrays.items():
        blob = np.ascontiguousarray(array, dtype="<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(np.shape(array)), "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    head = json.dumps(header, separators=(",", ":")).encode("utf-8")
    head += b" " * (-len(head) % 8)  # the values start 8-byte aligned
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(head)))
        f.write(head)
        for blob in blobs:
            f.write(blob)


class LocalResponseNorm(nn.Module):
    """ConvLab's local response normalisation across channels (AlexNet; the lecture's formula):

        b_i = a_i / (k + alpha * sum_{j = max(0, i - n//2)}^{min(C - 1, i + n//2)} a_j ** 2) ** beta

    alpha is NOT divided by n: torch.nn.LocalResponseNorm divides it, and its window holds exactly
    n channels, while this one is i - n//2 .. i + n//2 (n + 1 channels for an even n). For an odd n
    it equals nn.LocalResponseNorm(n, alpha * n, beta, k). On a vector the features are the channels.
    """

    def __init__(self, size, k, alpha, beta):
        super().__init__()
        self.size, self.k, self.alpha, self.beta = size, k, alpha, beta

    def forward(self, x):
        a = x.reshape(x.shape[0], x.shape[1], -1)
        h = self.size // 2
        squares = F.pad(a * a, (0, 0, h, h))  # h zero channels before the first and after the last
        window = squares.unfold(1, 2 * h + 1, 1).sum(-1)
        return (a / (self.k + self.alpha * window).pow(self.beta)).reshape(x.shape)

    def extra_repr(self):
        return f"size={self.size}, k={self.k}, alpha={self.alpha}, beta={self.beta}"


class GlobalAvgPool(nn.Module):
    """[N, C, H, W] -> [N, C]: each channel's mean over the whole map."""

    def forward(self, x):
        return x.mean(dim=(2, 3))
`;
