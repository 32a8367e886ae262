/**
 * train.py: continues training the exported weights with a DataLoader, on one process or many
 * under torchrun (DistributedDataParallel, gloo on CPU, nccl on GPUs, a DistributedSampler), with
 * ConvLab's loss, optimisers, schedules and L1/L2 penalty. Rank 0 logs JSON lines and saves the
 * weights under ConvLab's names at the end.
 */

// biome-ignore lint/complexity/noUselessStringRaw: Python source; raw so that a backslash added to it stays Python's.
export const TRAIN_PY = String.raw`"""Continues training the exported model on the official training files.

One process:    python3 train.py --data-dir DIR --epochs 1
Two processes:  torchrun --standalone --nproc_per_node=2 train.py --data-dir DIR --epochs 1
(torchrun runs one copy per process; each reads a different part of every epoch, and
DistributedDataParallel averages their gradients, so --batch-size is per process.)

Rank 0 prints one JSON line every --log-every steps, {"step", "epoch", "loss"} (the mean training
loss over those steps and all processes), and at the end saves every weight under ConvLab's names
to --save, which predict.py --weights and ConvLab read.
"""
import argparse
import json
import math
import os
import sys

import torch
import torch.distributed as dist
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, RandomSampler, TensorDataset
from torch.utils.data.distributed import DistributedSampler

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import data  # noqa: E402
from model import DEAD_ENDS, INPUT_SHAPE, ConvLabModel  # noqa: E402


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data-dir", required=True, help="folder of the official files (or the CIFAR-10 .tar.gz)")
    p.add_argument("--dataset", default=data.DEFAULT_DATASET, choices=["mnist", "cifar10"])
    p.add_argument("--weights", default=os.path.join(HERE, "weights.safetensors"), help="weights to start from")
    p.add_argument("--save", default=os.path.join(HERE, "trained.safetensors"), help="where rank 0 saves the result")
    p.add_argument("--epochs", type=float, default=1, help="passes over the training set (ignored with --steps)")
    p.add_argument("--steps", type=int, default=0, help="stop after this many steps in all (0: use --epochs)")
    p.add_argument("--batch-size", type=int, default=64, help="images per step per process")
    p.add_argument("--lr", type=float, default=0.001)
    p.add_argument("--optimizer", default="adam", choices=["sgd", "momentum", "adam"])
    p.add_argument("--momentum", type=float, default=0.9)
    p.add_argument("--nesterov", action="store_true")
    p.add_argument("--schedule", default="constant", choices=["constant", "step", "exponential", "cosine"])
    p.add_argument("--warmup", type=int, default=0, help="linear warm-up steps")
    p.add_argument("--loss", default="cross-entropy", choices=["cross-entropy", "hinge"])
    p.add_argument("--l1", type=float, default=0.0)
    p.add_argument("--l2", type=float, default=0.0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--log-every", type=int, default=50)
    p.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    args = p.parse_args()
    if args.dataset is None:
        p.error("say which dataset with --dataset mnist or --dataset cifar10")
    return args


def learning_rate(args, step, steps_per_epoch, total_steps):
    """ConvLab's schedules (engine/train/schedules.ts, with the studio's and CLI's settings)."""
    epoch = step / max(1, steps_per_epoch)
    if args.schedule == "step":
        lr = args.lr * 0.5 ** math.floor(epoch)
    elif args.schedule == "exponential":
        lr = args.lr * 0.7**epoch
    elif args.schedule == "cosine":
        t = min(1.0, step / max(1, total_steps))
        lr = args.lr * (0.05 + 0.95 * (1 + math.cos(math.pi * t)) / 2)
    else:
        lr = args.lr
    return lr * (step + 1) / args.warmup if step < args.warmup else lr


def make_optimizer(args, params):
    # PyTorch's momentum SGD (v = mu*v + g; w -= lr*v) takes the same steps as ConvLab's
    # (v = mu*v - lr*g; w += v) at a constant rate; Adam's update is the same formula.
    if args.optimizer == "sgd":
        return torch.optim.SGD(params, lr=args.lr)
    if args.optimizer == "momentum":
        return torch.optim.SGD(params, lr=args.lr, momentum=args.momentum, nesterov=args.nesterov)
    return torch.optim.Adam(params, lr=args.lr, betas=(0.9, 0.999), eps=1e-8)


def data_loss(args, logits, labels):
    if args.loss == "hinge":
        # ConvLab's multiclass SVM loss sums over the wrong classes; PyTorch's divides by the class count.
        return F.multi_margin_loss(logits, labels, margin=1.0) * logits.shape[1]
    return F.cross_entropy(logits, labels)


def penalty(args, model):
    """l1*sum|w| + l2*sum w^2 over trainable conv and dense weights (never biases or batch norm), as ConvLab."""
    total = 0.0
    for module in model.modules():
        if isinstance(module, (nn.Conv2d, nn.Linear)) and module.weight.requires_grad:
            w = module.weight
            if args.l1:
                total = total + args.l1 * w.abs().sum()
            if args.l2:
                total = total + args.l2 * (w * w).sum()
    return total


def log(rank, **fields):
    if rank == 0:
        print(json.dumps(fields), flush=True)


def main():
    args = parse_args()
    world = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    device = torch.device(args.device)
    if device.type == "cuda" and device.index is None:
        device = torch.device("cuda", local_rank)
        torch.cuda.set_device(device)
    if world > 1:
        dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
    torch.manual_seed(args.seed + rank)  # dropout masks differ between processes

    try:
        data.check_shape(args.dataset, INPUT_SHAPE)
        images, labels = data.load_split(args.dataset, args.data_dir, "train")
    except data.DataError as error:
        sys.exit(f"train.py: {error}")
    dataset = TensorDataset(torch.from_numpy(images.copy()), torch.from_numpy(labels))
    if world > 1:
        sampler = DistributedSampler(dataset, num_replicas=world, rank=rank, shuffle=True, seed=args.seed, drop_last=True)
    else:
        sampler = RandomSampler(dataset, generator=torch.Generator().manual_seed(args.seed))
    # drop_last: a batch of one would break batch norm, and every process takes the same number of steps.
    loader = DataLoader(dataset, batch_size=args.batch_size, sampler=sampler, drop_last=True)
    steps_per_epoch = len(loader)
    total_steps = args.steps if args.steps > 0 else max(1, round(args.epochs * steps_per_epoch))

    model = ConvLabModel().load_convlab_weights(args.weights).to(device)
    if world > 1:
        ids = [device.index] if device.type == "cuda" else None
        # A layer the logits do not use gets no gradient; DDP waits for one unless told.
        net = DistributedDataParallel(model, device_ids=ids, find_unused_parameters=bool(DEAD_ENDS))
    else:
        net = model
    optimizer = make_optimizer(args, [p for p in model.parameters() if p.requires_grad])
    log(rank, start={"processes": world, "device": str(device), "steps": total_steps, "steps_per_epoch": steps_per_epoch})

    step, epoch, since, loss_sum = 0, 0, 0, torch.zeros((), device=device)
    bad = torch.zeros((), device=device)
    net.train()
    while step < total_steps:
        if world > 1:
            sampler.set_epoch(epoch)
        for x, y in loader:
            x, y = data.to_inputs(x).to(device), y.to(device)
            for group in optimizer.param_groups:
                group["lr"] = learning_rate(args, step, steps_per_epoch, total_steps)
            optimizer.zero_grad(set_to_none=True)
            loss = data_loss(args, net(x, return_logits=True), y) + penalty(args, model)
            loss.backward()
            bad = (~torch.isfinite(loss.detach())).float()
            if world > 1:
                dist.all_reduce(bad)
            if bad.item() > 0:
                # As ConvLab: a step whose loss is not finite is not applied, and training stops.
                log(rank, step=step, error="the loss is not finite; lower --lr. Saving the weights from before this step.")
                total_steps = step
                break
            optimizer.step()
            step += 1
            since += 1
            loss_sum += loss.detach()
            if step % args.log_every == 0 or step == total_steps:
                mean = loss_sum / since
                if world > 1:
                    dist.all_reduce(mean)
                    mean = mean / world
                log(rank, step=step, epoch=round(step / steps_per_epoch, 4), loss=float(mean))
                since, loss_sum = 0, torch.zeros((), device=device)
            if step >= total_steps:
                break
        epoch += 1

    if rank == 0:
        model.save_convlab_weights(args.save)
        log(rank, saved=args.save, steps=step)
    if world > 1:
        dist.barrier()
        dist.destroy_process_group()
    if bad.item() > 0:
        sys.exit(1)


if __name__ == "__main__":
    main()
`;
