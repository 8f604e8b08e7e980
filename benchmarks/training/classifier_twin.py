#!/usr/bin/python3
"""How much can a small 3-D CNN learn from a preprocessed BT cohort? A PyTorch twin of TrainScratch (or, with --encoder,
of TrainHead) trained on out/PreprocessBt, printing train / val / test balanced accuracy every 10 epochs. Used to choose
the default size (benchmarks/learnability.md); it checks the data and the size, not MriTransfer's code.

Usage: classifier_twin.py <PreprocessBt dir> [--train-subjects N] [--pool avg|max|avgmax] [--norm batch|instance|group]
                          [--epochs 40] [--lr 0.003] [--shift VOXELS] [--encoder ExportEncoder dir]
Needs Debian's python3-torch and python3-nibabel (use /usr/bin/python3, not a pyenv shim)."""
import argparse
import csv
import json

import nibabel
import numpy
import torch
import torch.nn as nn
import torch.nn.functional as F

from autoencoder_throughput import Encoder
from load_exported_encoder import read_safetensors


def arguments():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("cohort")
    p.add_argument("--train-subjects", type=int, default=0, help="first N train subjects only (0 = all)")
    p.add_argument("--pool", default="avg", choices=["avg", "max", "avgmax"])
    p.add_argument("--norm", default="batch", choices=["batch", "instance", "group"])
    p.add_argument("--epochs", type=int, default=40)
    p.add_argument("--lr", type=float, default=3e-3)
    p.add_argument("--batch", type=int, default=4)
    p.add_argument("--shift", type=int, default=0, help="random circular shift of up to this many voxels per axis")
    p.add_argument("--encoder", help="an ExportEncoder folder: start from its weights and freeze them (TrainHead)")
    p.add_argument("--seed", type=int, default=0)
    return p.parse_args()


def load(cohort, split, classes, limit=0):
    rows = [r for r in csv.DictReader(open(f"{cohort}/index.csv")) if r["split"] == split]
    rows = rows[:limit] if limit else rows
    volumes = numpy.stack([nibabel.load(f"{cohort}/{r['path']}").get_fdata(dtype=numpy.float32) for r in rows])
    return torch.tensor(volumes[:, None]), torch.tensor([classes.index(r["label"]) for r in rows])


NORMS = {
    "batch": nn.BatchNorm3d,
    "instance": lambda channels: nn.InstanceNorm3d(channels, affine=True),
    "group": lambda channels: nn.GroupNorm(min(4, channels), channels),
}


def balanced_accuracy(predicted, truth, classes):
    recalls = [(predicted[truth == k] == k).float().mean().item() for k in range(classes) if (truth == k).any()]
    return sum(recalls) / len(recalls)


def main():
    a = arguments()
    torch.set_num_threads(2)
    torch.manual_seed(a.seed)
    summary = json.load(open(f"{a.cohort}/summary.json"))
    classes = summary["classes"]
    x_train, y_train = load(a.cohort, "train", classes, a.train_subjects)
    splits = {"train": (x_train, y_train), "val": load(a.cohort, "val", classes), "test": load(a.cohort, "test", classes)}
    widths = [4, 8, 16]
    if a.encoder:
        widths = json.load(open(f"{a.encoder}/model_card.json"))["architecture"]["channels"]
        encoder = Encoder(widths)
        encoder.load_state_dict(read_safetensors(f"{a.encoder}/encoder.safetensors"))
        encoder.requires_grad_(False)
    else:
        encoder = Encoder(widths, NORMS[a.norm])
    features = widths[-1] * (2 if a.pool == "avgmax" else 1)
    head = nn.Sequential(nn.BatchNorm1d(features), nn.Dropout(0.3), nn.Linear(features, 16), nn.ReLU(), nn.Linear(16, len(classes)))

    def forward(x):
        f = encoder(x).flatten(2)
        pooled = {"avg": lambda: f.mean(2), "max": lambda: f.amax(2), "avgmax": lambda: torch.cat([f.mean(2), f.amax(2)], 1)}
        return head(pooled[a.pool]())

    parameters = [p for p in list(encoder.parameters()) + list(head.parameters()) if p.requires_grad]
    optimizer = torch.optim.AdamW(parameters, lr=a.lr, weight_decay=1e-4)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, a.epochs)
    print(f"{len(y_train)} train subjects, classes {classes}, {'frozen ' + a.encoder if a.encoder else 'from scratch'}")
    for epoch in range(1, a.epochs + 1):
        encoder.train(not a.encoder)
        head.train()
        order, loss_sum = torch.randperm(len(y_train)), 0.0
        for start in range(0, len(order), a.batch):
            rows = order[start:start + a.batch]
            if len(rows) < 2:
                continue
            x = x_train[rows]
            x = torch.where(torch.rand(len(rows), 1, 1, 1, 1) < 0.5, x.flip(-1), x)
            if a.shift:
                x = torch.stack([torch.roll(v, tuple(torch.randint(-a.shift, a.shift + 1, (3,)).tolist()), (1, 2, 3)) for v in x])
            loss = F.cross_entropy(forward(x), y_train[rows])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            loss_sum += loss.item() * len(rows)
        schedule.step()
        if epoch % 10 == 0 or epoch == a.epochs:
            encoder.eval()
            head.eval()
            with torch.no_grad():
                scores = {s: balanced_accuracy(forward(x).argmax(1), y, len(classes)) for s, (x, y) in splits.items()}
            print(f"epoch {epoch} train_loss {loss_sum / len(y_train):.3f} balanced accuracy " +
                  " ".join(f"{s} {v:.3f}" for s, v in scores.items()), flush=True)


if __name__ == "__main__":
    main()
