#!/usr/bin/python3
"""The same autoencoder as MriTransfer.Models.Autoencoder (3-D, ReLU; model.block plain or strided; batch or group
norm) in PyTorch, trained the same way (Adam, MSE, one fixed random batch), to compare throughput with the TorchSharp
benchmark (benchmarks/training/TrainingBench: `throughput`).
Usage: autoencoder_throughput.py SIZE BATCH THREADS STEPS NET, NET = block:norm:widths, e.g. plain:batch:4,8,16 or
strided:group:16,32,64 (group norm with 4 groups, as model.norm_groups: 4)."""
import sys
import time

import torch
from torch import nn

GROUPS = 4


def norm_factory(name):
    return {"batch": nn.BatchNorm3d, "group": lambda c: nn.GroupNorm(GROUPS, c)}[name]


class ConvNormAct(nn.Module):
    def __init__(self, cin, cout, norm=nn.BatchNorm3d, stride=1):
        super().__init__()
        self.conv = nn.Conv3d(cin, cout, 3, stride=stride, padding=1)
        self.norm = norm(cout)
        self.act = nn.ReLU()

    def forward(self, x):
        return self.act(self.norm(self.conv(x)))


class EncoderBlock(nn.Module):
    """plain: conv-norm-act x2, then a kernel-2 stride-2 conv; strided: a stride-2 conv-norm-act, then one more."""
    def __init__(self, cin, cout, norm=nn.BatchNorm3d, block="plain"):
        super().__init__()
        strided = block == "strided"
        self.conv1 = ConvNormAct(cin, cout, norm, stride=2 if strided else 1)
        self.conv2 = ConvNormAct(cout, cout, norm)
        self.down = None if strided else nn.Conv3d(cout, cout, 2, stride=2)

    def forward(self, x):
        y = self.conv2(self.conv1(x))
        return y if self.down is None else self.down(y)


class DecoderBlock(nn.Module):
    def __init__(self, cin, cout, norm=nn.BatchNorm3d, block="plain"):
        super().__init__()
        strided = block == "strided"
        self.up = nn.ConvTranspose3d(cin, cout if strided else cin, 2, stride=2)
        self.conv1 = ConvNormAct(cout if strided else cin, cout, norm)
        self.conv2 = None if strided else ConvNormAct(cout, cout, norm)

    def forward(self, x):
        y = self.conv1(self.up(x))
        return y if self.conv2 is None else self.conv2(y)


class Encoder(nn.Module):
    """norm: a factory of the norm layer from a channel count (MriTransfer's model.norm; batch norm by default)."""
    def __init__(self, widths, norm=nn.BatchNorm3d, block="plain"):
        super().__init__()
        self.blocks = nn.ModuleList(EncoderBlock(1 if i == 0 else widths[i - 1], w, norm, block) for i, w in enumerate(widths))

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return x


class Decoder(nn.Module):
    """plain: blocks c_i -> c_(i-1) down to c_0, then a 1x1 conv; strided: blocks down to c_1 -> c_0, then a stride-2
    transposed conv c_0 -> 1 (no full-resolution convolution)."""
    def __init__(self, widths, norm=nn.BatchNorm3d, block="plain"):
        super().__init__()
        last = 1 if block == "strided" else 0
        self.blocks = nn.ModuleList(DecoderBlock(widths[i], widths[max(i - 1, 0)], norm, block)
                                    for i in reversed(range(last, len(widths))))
        self.output = nn.ConvTranspose3d(widths[0], 1, 2, stride=2) if block == "strided" else nn.Conv3d(widths[0], 1, 1)

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return self.output(x)


class Autoencoder(nn.Module):
    def __init__(self, widths, norm=nn.BatchNorm3d, block="plain"):
        super().__init__()
        self.encoder = Encoder(widths, norm, block)
        self.decoder = Decoder(widths, norm, block)

    def forward(self, x):
        return self.decoder(self.encoder(x))


def parse_net(spec):
    block, norm, widths = spec.split(":")
    return Autoencoder([int(w) for w in widths.split(",")], norm_factory(norm), block)


def main():
    size, batch, threads, steps = (int(a) for a in sys.argv[1:5])
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    model = parse_net(sys.argv[5])
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
