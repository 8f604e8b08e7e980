#!/usr/bin/python3
"""The same autoencoder as MriTransfer.Models.Autoencoder (3-D, batch norm, ReLU) in PyTorch, trained the same way
(Adam, MSE, one fixed random batch), to compare throughput with the TorchSharp benchmark
(benchmarks/training/TrainingBench: `throughput`). Usage: autoencoder_throughput.py SIZE BATCH THREADS STEPS 16,32,64|wide
("wide": the strided net of issue 15, the twin of TrainingBench's WideAutoencoder)"""
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


def gn_act(c):
    return [nn.GroupNorm(4, c), nn.ReLU()]


def wide_autoencoder():
    """Stem 1->16 stride 2, then 16->32->64 strided blocks (strided conv + conv), GroupNorm(4), ReLU; the decoder
    mirrors it with stride-2 transposed convolutions. No convolution runs at full resolution with few channels."""
    def conv(cin, cout, stride=1):
        return [nn.Conv3d(cin, cout, 3, stride=stride, padding=1), *gn_act(cout)]

    def up(cin, cout):
        return [nn.ConvTranspose3d(cin, cout, 2, stride=2), *gn_act(cout)]

    return nn.Sequential(*conv(1, 16, 2), *conv(16, 32, 2), *conv(32, 32), *conv(32, 64, 2), *conv(64, 64),
                         *up(64, 32), *conv(32, 32), *up(32, 16), *conv(16, 16), nn.ConvTranspose3d(16, 1, 2, stride=2))


def main():
    size, batch, threads, steps = (int(a) for a in sys.argv[1:5])
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    model = wide_autoencoder() if sys.argv[5] == "wide" else Autoencoder([int(w) for w in sys.argv[5].split(",")])
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
    print(f"pytorch {torch.__version__} net={sys.argv[5]} size={size} batch={batch} threads={threads} steps={steps} "
          f"volumes_per_s={steps * batch / seconds:.2f} s_per_step={seconds / steps:.3f}")


if __name__ == "__main__":
    main()
