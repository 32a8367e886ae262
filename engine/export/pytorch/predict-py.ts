/**
 * predict.py: the exported model on the official test split, printing one JSON line
 * {"accuracy", "correct", "total"}, the same numbers ConvLab's CLI and studio compute (argmax of
 * the logits, the first maximum on a tie, as ConvLab and torch.argmax both take).
 */

// biome-ignore lint/complexity/noUselessStringRaw: Python source; raw so that a backslash added to it stays Python's.
export const PREDICT_PY = String.raw`"""Evaluates the exported model on the official MNIST or CIFAR-10 test files.

    python3 predict.py --data-dir DIR [--weights weights.safetensors] [--dataset mnist|cifar10]

Prints one JSON line: {"accuracy": ..., "correct": ..., "total": ...}.
"""
import argparse
import json
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import data  # noqa: E402
from model import INPUT_SHAPE, ConvLabModel  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", required=True, help="folder of the official files (or the CIFAR-10 .tar.gz)")
    parser.add_argument("--weights", default=os.path.join(HERE, "weights.safetensors"))
    parser.add_argument("--dataset", default=data.DEFAULT_DATASET, choices=["mnist", "cifar10"])
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    args = parser.parse_args()
    if args.dataset is None:
        parser.error("say which dataset with --dataset mnist or --dataset cifar10")
    try:
        data.check_shape(args.dataset, INPUT_SHAPE)
        images, labels = data.load_split(args.dataset, args.data_dir, "test")
    except data.DataError as error:
        sys.exit(f"predict.py: {error}")

    model = ConvLabModel().load_convlab_weights(args.weights).to(args.device).eval()
    correct = 0
    with torch.no_grad():
        for start in range(0, len(labels), args.batch_size):
            x = data.to_inputs(images[start : start + args.batch_size]).to(args.device)
            logits = model(x, return_logits=True)
            predicted = logits.argmax(dim=1).cpu()
            correct += int((predicted == torch.from_numpy(labels[start : start + args.batch_size])).sum())
    total = len(labels)
    print(json.dumps({"accuracy": correct / total, "correct": correct, "total": total}))


if __name__ == "__main__":
    main()
`;
