#!/usr/bin/python3
"""PyTorch's side of TrainingBench `optimizer-step`: ms per Adam step over the CNTK ResNet-18's parameters (the twin's
copy, benchmarks/twin/twin_imagenet.py), with gradients in place: one Adam per depth group plus the head (as
ImageNetFineTune), one Adam with the six groups, and that one with foreach=True. Usage: optimizer_step.py [steps]"""
import sys
import time
from pathlib import Path

import torch

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "twin"))
from twin_imagenet import ResNet18, SliceNet  # noqa: E402

steps = int(sys.argv[1]) if len(sys.argv) > 1 else 40
torch.set_num_threads(2)
net = SliceNet(ResNet18(), 4)
groups = [list(net.head.parameters())] + [p for _, p in net.backbone.groups_by_depth()]
for p in net.parameters():
    p.grad = torch.randn_like(p)
for mode in ["per-group", "one", "one-foreach"]:
    optimizers = ([torch.optim.Adam(g, 1e-5) for g in groups] if mode == "per-group"
                  else [torch.optim.Adam([{"params": g} for g in groups], 1e-5, foreach=mode == "one-foreach")])
    for _ in range(3):  # warm-up: Adam's state allocated
        for o in optimizers:
            o.step()
    start = time.perf_counter()
    for _ in range(steps):
        for o in optimizers:
            o.step()
    print(f"pytorch optimizer={mode} optimizers={len(optimizers)} ms_per_step={(time.perf_counter() - start) / steps * 1000:.1f}")
