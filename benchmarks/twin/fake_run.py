#!/usr/bin/python3
"""A tiny fake run folder for a smoke test of experiment_twin.py (seconds, not a measurement): 16 random BT volumes at
16³ (train 8 / val 4 / test 4, four classes), encoder.safetensors written from the twin encoder itself, params.yaml =
the repository's with model.channels [4, 8] and 2 classifier epochs (plus KEY=YAML overrides), and a metrics.json whose
intervals are [0, 1]. Usage: fake_run.py OUT_DIR [section.key=value ...], e.g. model.readout=attention."""
import csv
import json
import struct
import sys
from pathlib import Path

import nibabel
import numpy
import torch
import yaml

sys.dont_write_bytecode = True  # no __pycache__ in benchmarks/ (twin_model imports benchmarks/training)
from twin_model import build_encoder

CLASSES = ["glioma", "meningioma", "no_tumor", "pituitary"]
SPLITS = ["train"] * 8 + ["val"] * 4 + ["test"] * 4


def write_safetensors(path, tensors):
    header, offset, body = {}, 0, b""
    for key, t in tensors.items():
        raw = t.contiguous().numpy().tobytes()
        header[key] = {"dtype": {torch.float32: "F32", torch.int64: "I64"}[t.dtype], "shape": list(t.shape),
                       "data_offsets": [offset, offset + len(raw)]}
        offset, body = offset + len(raw), body + raw
    encoded = json.dumps(header).encode()
    Path(path).write_bytes(struct.pack("<Q", len(encoded)) + encoded + body)


def main():
    out = Path(sys.argv[1])
    params = yaml.safe_load(open(Path(__file__).resolve().parents[2] / "params.yaml"))
    params["model"]["channels"] = [4, 8]
    params["classifier"].update(epochs=2, warmup_epochs=1)
    params["imagenet"]["head"]["epochs"], params["imagenet"]["finetune"]["epochs"] = 2, 1
    for override in sys.argv[2:]:
        key, value = override.split("=", 1)
        section, name = key.split(".")
        params[section][name] = yaml.safe_load(value)
    (out / "out" / "PreprocessBt" / "subjects").mkdir(parents=True, exist_ok=True)
    yaml.safe_dump(params, open(out / "params.yaml", "w"))
    rng = numpy.random.default_rng(0)
    rows = []
    for i, split in enumerate(SPLITS):
        label = CLASSES[i % 4]
        volume = rng.normal(size=(16, 16, 16)).astype(numpy.float32) + (i % 4) * 0.2
        path = f"subjects/bt-{i:03d}.nii"
        nibabel.save(nibabel.Nifti1Image(volume, numpy.diag([6.0, 6.0, 6.0, 1.0])), str(out / "out" / "PreprocessBt" / path))
        rows.append({"subject_id": f"bt-{i:03d}", "patient_id": f"p{i:03d}", "label": label, "split": split, "path": path,
                     "mean": 0, "sd": 1, "min": -3, "max": 3})
    with open(out / "out" / "PreprocessBt" / "index.csv", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with open(out / "out" / "PreprocessBt" / "label_fractions.csv", "w") as f:
        f.write("subject_id,fraction\n" + "".join(f"{r['subject_id']},{0.5 if j < 4 else 1.0}\n"
                                                  for j, r in enumerate(x for x in rows if x["split"] == "train")))
    json.dump({"mode": "3d", "role": "bt", "classes": CLASSES, "shape": [16, 16, 16], "spacing": [6, 6, 6],
               "label_fractions": [0.5, 1.0]}, open(out / "out" / "PreprocessBt" / "summary.json", "w"))
    m = params["model"]
    architecture = {"spatial_dims": 3, "in_channels": 1, "channels": m["channels"], "norm": m["norm"],
                    "norm_groups": m["norm_groups"], "activation": m["activation"], "block": m["block"]}
    for seed, folder in enumerate(["ExportEncoder", "ExportEncoderBt"]):
        (out / "out" / folder).mkdir(parents=True, exist_ok=True)
        torch.manual_seed(seed)
        write_safetensors(out / "out" / folder / "encoder.safetensors", build_encoder(architecture).state_dict())
        json.dump({"architecture": architecture}, open(out / "out" / folder / "model_card.json", "w"))
    (out / "out" / "Evaluate").mkdir(parents=True, exist_ok=True)
    variants = {v: {"kind": "encoder-classifier", "balanced_accuracy": 0.25, "balanced_accuracy_ci": [0.0, 1.0]}
                for v in ["scratch", "head", "finetune", "bt_head", "bt_finetune", "imagenet_head", "imagenet_finetune"]}
    json.dump({"schema": 2, "test_subjects": 4, "classes": CLASSES, "bootstrap": {"ci_level": 0.95}, "variants": variants},
              open(out / "out" / "Evaluate" / "metrics.json", "w"), indent=2)


if __name__ == "__main__":
    main()
