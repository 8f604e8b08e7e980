#!/usr/bin/python3
"""Cross-check for PyTorch users: loads an ExportEncoder output's encoder.safetensors strictly into the PyTorch twin
of MriTransfer's Encoder (autoencoder_throughput.py). Usage: load_exported_encoder.py <ExportEncoder dir>
(widths are read from model_card.json). Needs only Debian's python3-torch (the safetensors format is parsed here)."""
import json
import struct
import sys

import torch

from autoencoder_throughput import Encoder

DTYPES = {"F32": torch.float32, "I64": torch.int64}


def read_safetensors(path):
    raw = open(path, "rb").read()
    length = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + length])
    body = raw[8 + length:]
    tensors = {}
    for key, entry in header.items():
        if key == "__metadata__":
            continue
        start, end = entry["data_offsets"]
        tensors[key] = torch.frombuffer(bytearray(body[start:end]), dtype=DTYPES[entry["dtype"]]).reshape(entry["shape"])
    return tensors


def main():
    folder = sys.argv[1]
    card = json.load(open(f"{folder}/model_card.json"))
    architecture = card["architecture"]
    if architecture["spatial_dims"] != 3 or architecture["norm"] != "batch" or architecture["activation"] != "relu":
        sys.exit("this twin covers 3-D, batch norm, ReLU encoders only")
    encoder = Encoder(architecture["channels"])
    print(encoder.load_state_dict(read_safetensors(f"{folder}/encoder.safetensors"), strict=True))


if __name__ == "__main__":
    main()
