#!/usr/bin/python3
"""Single Conv3d layers, forward + backward, in PyTorch (the twin of benchmarks/training/LayerBench).
Usage: layer_throughput.py <threads> <batch> <seconds per layer> <cin:cout:size[:stride]>...
FLOPs = 3 × forward, forward = 2 × cin × cout × 27 × output voxels × batch."""
import sys
import time

import torch


def main():
    threads, batch, budget = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
    torch.set_num_threads(threads)
    for layer in sys.argv[4:]:
        f = [int(v) for v in layer.split(":")]
        cin, cout, size = f[:3]
        stride = f[3] if len(f) > 3 else 1
        torch.manual_seed(0)
        conv = torch.nn.Conv3d(cin, cout, 3, stride=stride, padding=1)
        x = torch.randn(batch, cin, size, size, size, requires_grad=True)
        out = (size + 2 - 3) // stride + 1
        flops = 3.0 * 2 * cin * cout * 27 * out ** 3 * batch

        def step():
            conv(x).sum().backward()
            conv.zero_grad()
            x.grad = None

        step()
        step()
        start, steps = time.perf_counter(), 0
        while time.perf_counter() - start < budget or steps < 3:
            step()
            steps += 1
        seconds = (time.perf_counter() - start) / steps
        print(f"pytorch {cin}->{cout} @ {size}^3 stride {stride}: {flops / seconds / 1e9:.1f} GFLOP/s "
              f"({seconds * 1000:.1f} ms per step, {steps} steps)")


if __name__ == "__main__":
    main()
