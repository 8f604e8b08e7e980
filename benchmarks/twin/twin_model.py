"""The classifier of MriTransfer in PyTorch: encoder (benchmarks/training/autoencoder_throughput.py's twin, same
state-dict keys) → readout (src/MriTransfer/Models/Readout.cs) → fixed feature standardisation
(FeatureStandardizer.cs) → dropout → MLP head (EncoderClassifier.cs); and the training-time augmenter (Augmenter.cs).
3-D only (the twin encoder is Conv3d)."""
import math
import sys
from collections import OrderedDict
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training"))
from autoencoder_throughput import Encoder  # noqa: E402  (the twin encoder, not copied)
from load_exported_encoder import read_safetensors  # noqa: E402,F401  (re-exported for experiment_twin)

READOUTS = ["gap", "gap_gmp", "multiscale", "flatten", "attention"]



class GELU(nn.GELU):
    """nn.GELU whose incoming gradient is made contiguous: Debian's torch 1.13 computes GELU's backward wrongly on the
    CPU for a non-contiguous gradient (garbage up to 1e15; the attention readout's transpose sends one), while ReLU,
    leaky ReLU, ELU and SiLU are right. The result is the same function and gradient."""
    def forward(self, x):
        y = super().forward(x)
        if y.requires_grad:
            y.register_hook(lambda g: g.contiguous())
        return y


# Layers.cs: Activation(name)
ACTIVATIONS = {"relu": nn.ReLU, "leaky_relu": lambda: nn.LeakyReLU(0.01), "elu": nn.ELU, "gelu": GELU, "silu": nn.SiLU}


def norm_factory(norm, groups):
    """Layers.cs: Norm(arch, channels); affine weight 1 and bias 0, as PyTorch initialises them."""
    return {
        "batch": nn.BatchNorm3d,
        "instance": lambda c: nn.InstanceNorm3d(c, affine=True),
        "group": lambda c: nn.GroupNorm(groups, c),
    }[norm]


def build_encoder(arch):
    """The twin encoder for model.* (channels, block, norm, norm_groups, activation). Its ConvNormAct layers are
    ReLU; another activation replaces them (activations have no state, so the keys stay the same)."""
    encoder = Encoder(arch["channels"], norm_factory(arch["norm"], arch["norm_groups"]), arch["block"])
    if arch["activation"] != "relu":
        for module in encoder.modules():
            if hasattr(module, "act"):
                module.act = ACTIVATIONS[arch["activation"]]()
    return encoder


def block_outputs(encoder, x):
    """Encoder.cs: ForwardBlocks, every block's output, shallowest first."""
    outputs = []
    for block in encoder.blocks:
        x = block(x)
        outputs.append(x)
    return outputs


def readout_width(name, channels, positions):
    """Readout.cs: ReadoutSpec.Width."""
    return {"gap": channels[-1], "attention": channels[-1], "gap_gmp": 2 * channels[-1],
            "multiscale": 2 * sum(channels), "flatten": channels[-1] * positions}[name]


class Readout(nn.Module):
    """Readout.cs: pool() is the parameter-free part (what a frozen arm caches), forward() the learned part
    (identity except attention, whose scoring layer is readout.score.*)."""
    def __init__(self, name, channels):
        super().__init__()
        self.name = name
        self.score = nn.Linear(channels[-1], 1) if name == "attention" else None

    def pool(self, blocks):
        last = blocks[-1]
        gap = lambda b: b.flatten(2).mean(2)  # noqa: E731
        gmp = lambda b: b.flatten(2).amax(2)  # noqa: E731
        if self.name == "gap":
            return gap(last)
        if self.name == "gap_gmp":
            return torch.cat([gap(last), gmp(last)], 1)
        if self.name == "multiscale":
            return torch.cat([t for b in blocks for t in (gap(b), gmp(b))], 1)
        if self.name == "flatten":
            return last.flatten(1)
        return last.flatten(2)  # attention: (N, C, S)

    def forward(self, pooled):
        if self.score is None:
            return pooled
        positions = pooled.transpose(1, 2)                       # (N, S, C)
        weights = torch.softmax(self.score(positions), 1)        # (N, S, 1)
        return (positions * weights).sum(1)


class FeatureStandardizer(nn.Module):
    """FeatureStandardizer.cs: (x − mean) / scale, buffers set once from the train features (population sd; constant
    features keep scale 1)."""
    def __init__(self, width):
        super().__init__()
        self.register_buffer("mean", torch.zeros(width))
        self.register_buffer("scale", torch.ones(width))

    @torch.no_grad()
    def fit(self, features):
        sd = features.std(0, unbiased=False)
        self.mean.copy_(features.mean(0))
        self.scale.copy_(torch.where(sd > 1e-12, sd, torch.ones_like(sd)))

    def forward(self, x):
        return (x - self.mean) / self.scale


class Classifier(nn.Module):
    """EncoderClassifier.cs: keys encoder.*, readout.*, head.{norm,dropout,hidden{i},act{i},output}."""
    def __init__(self, arch, readout, hidden, dropout, classes, positions):
        super().__init__()
        self.encoder = build_encoder(arch)
        self.readout = Readout(readout, arch["channels"])
        width = readout_width(readout, arch["channels"], positions)
        layers = [("norm", FeatureStandardizer(width)), ("dropout", nn.Dropout(dropout))]
        for i, h in enumerate(hidden):
            layers += [(f"hidden{i}", nn.Linear(width, h)), (f"act{i}", ACTIVATIONS[arch["activation"]]())]
            width = h
        layers.append(("output", nn.Linear(width, classes)))
        self.head = nn.Sequential(OrderedDict(layers))

    def pooled(self, x):
        return self.readout.pool(block_outputs(self.encoder, x))

    def from_pooled(self, pooled):
        return self.head(self.readout(pooled))

    def forward(self, x):
        return self.from_pooled(self.pooled(x))


def augment(x, settings, generator):
    """Augmenter.cs for a (B, 1, z, y, x) batch: per-sample left-right flip (last axis), affine (rotation about each
    axis, zoom, shift; trilinear, border padding), gain and offset jitter."""
    n = x.shape[0]
    uniform = lambda half: (2 * torch.rand((), generator=generator).item() - 1) * half if half else 0.0  # noqa: E731
    if settings["flip"]:
        flip = torch.rand(n, generator=generator) < 0.5
        x = torch.where(flip.view(n, 1, 1, 1, 1), x.flip(-1), x)
    rot, scale, shift = settings["rotate_degrees"], settings["scale"], settings["shift"]
    if rot > 0 or scale > 0 or shift > 0:
        theta = []
        for _ in range(n):
            s = 1 + uniform(scale)
            ax, ay, az = (math.radians(uniform(rot)) for _ in range(3))
            rx = torch.tensor([[1, 0, 0], [0, math.cos(ax), -math.sin(ax)], [0, math.sin(ax), math.cos(ax)]])
            ry = torch.tensor([[math.cos(ay), 0, math.sin(ay)], [0, 1, 0], [-math.sin(ay), 0, math.cos(ay)]])
            rz = torch.tensor([[math.cos(az), -math.sin(az), 0], [math.sin(az), math.cos(az), 0], [0, 0, 1]])
            t = torch.tensor([[2 * uniform(shift)] for _ in range(3)])
            theta.append(torch.cat([s * (rz @ ry @ rx), t], 1))
        grid = F.affine_grid(torch.stack(theta).float(), list(x.shape), align_corners=False)
        x = F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)
    if settings["intensity"] > 0:
        gains = torch.tensor([1 + uniform(settings["intensity"]) for _ in range(n)]).view(n, 1, 1, 1, 1)
        offsets = torch.tensor([uniform(settings["intensity"]) for _ in range(n)]).view(n, 1, 1, 1, 1)
        x = x * gains.float() + offsets.float()
    return x
