#!/usr/bin/python3
"""The same autoencoder as MriTransfer.Models.Autoencoder (3-D, batch norm, ReLU) in PyTorch, trained the same way
(Adam, MSE, one fixed random batch), to compare throughput with the TorchSharp benchmark
(benchmarks/training/TrainingBench: `throughput`). Usage: autoencoder_throughput.py SIZE BATCH THREADS STEPS 16,32,64"""
import sys
import time

import torch
from torch import nn


class ConvNormAct(nn.Module):
    def __init__(self, cin, cout, norm=nn.BatchNorm3d):
        super().__init__()
        self.conv = nn.Conv3d(cin, cout, 3, padding=1)
        self.norm = norm(cout)
        self.act = nn.ReLU()

    def forward(self, x):
        return self.act(self.norm(self.conv(x)))


class EncoderBlock(nn.Module):
    def __init__(self, cin, cout, norm=nn.BatchNorm3d):
        super().__init__()
        self.conv1 = ConvNormAct(cin, cout, norm)
        self.conv2 = ConvNormAct(cout, cout, norm)
        self.down = nn.Conv3d(cout, cout, 2, stride=2)

    def forward(self, x):
        return self.down(self.conv2(self.conv1(x)))


class DecoderBlock(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.up = nn.ConvTranspose3d(cin, cin, 2, stride=2)
        self.conv1 = ConvNormAct(cin, cout)
        self.conv2 = ConvNormAct(cout, cout)

    def forward(self, x):
        return self.conv2(self.conv1(self.up(x)))


class Encoder(nn.Module):
    """norm: a factory of the norm layer from a channel count (MriTransfer's model.norm; batch norm by default)."""
    def __init__(self, widths, norm=nn.BatchNorm3d):
        super().__init__()
        self.blocks = nn.ModuleList(EncoderBlock(1 if i == 0 else widths[i - 1], w, norm) for i, w in enumerate(widths))

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return x


class Decoder(nn.Module):
    def __init__(self, widths):
        super().__init__()
        self.blocks = nn.ModuleList(DecoderBlock(widths[i], widths[max(i - 1, 0)]) for i in reversed(range(len(widths))))
        self.output = nn.Conv3d(widths[0], 1, 1)

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return self.output(x)


class Autoencoder(nn.Module):
    def __init__(self, widths):
        super().__init__()
        self.encoder = Encoder(widths)
        self.decoder = Decoder(widths)

    def forward(self, x):
        return self.decoder(self.encoder(x))


def main():
    size, batch, threads, steps = (int(a) for a in sys.argv[1:5])
    widths = [int(w) for w in sys.argv[5].split(",")]
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    model = Autoencoder(widths)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    x = torch.randn(batch, 1, size, size, size)

    def step():
        loss = nn.functional.mse_loss(model(x), x)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

    step()
    step()
    start = time.perf_counter()
    for _ in range(steps):
        step()
    seconds = time.perf_counter() - start
    print(f"pytorch {torch.__version__} size={size} batch={batch} threads={threads} steps={steps} "
          f"volumes_per_s={steps * batch / seconds:.2f} s_per_step={seconds / steps:.3f}")


if __name__ == "__main__":
    main()
