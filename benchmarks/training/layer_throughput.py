#!/usr/bin/python3
"""Single Conv3d 3x3x3 layers (padding 1), forward + backward (input and weight gradients), the shapes of issue 15's
table; the twin of TrainingBench's `layers` mode. GFLOP/s counts 3 x forward (2 per multiply-add).
Usage: layer_throughput.py BATCH THREADS REPS"""
import sys
import time

import torch
from torch import nn

SHAPES = [(1, 4, 32), (4, 4, 32), (4, 8, 32), (8, 8, 16), (16, 16, 16), (16, 32, 16), (32, 32, 16), (64, 64, 8)]


def main():
    batch, threads, reps = (int(a) for a in sys.argv[1:4])
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    for cin, cout, size in SHAPES:
        conv = nn.Conv3d(cin, cout, 3, padding=1)
        x = torch.randn(batch, cin, size, size, size, requires_grad=True)

        def step():
            conv.zero_grad()
            x.grad = None
            conv(x).sum().backward()

        step()
        start = time.perf_counter()
        for _ in range(reps):
            step()
        seconds = (time.perf_counter() - start) / reps
        flops = 3 * 2 * cout * cin * 27 * size ** 3 * batch
        print(f"pytorch {cin}->{cout}@{size} {flops / seconds / 1e9:.1f} GFLOP/s")


if __name__ == "__main__":
    main()
