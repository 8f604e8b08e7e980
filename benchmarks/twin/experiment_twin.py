#!/usr/bin/python3
"""An independent PyTorch twin of the default experiment's arms (issue 14 item 7): from a finished run's
preprocessed BT volumes, splits, exported encoders, params.yaml and the package's ImageNet ResNet-18 (ONNX) it retrains
scratch, head, finetune, bt_head, bt_finetune, imagenet_head and imagenet_finetune as MriTransfer defines them, scores
each on the BT test split, and checks that its test balanced accuracy lies inside the pipeline's own 95 % CI
(metrics.json). Exit 0 = every arm inside, 1 = some arm outside (or diverged), 2 = bad usage or input. Needs only
Debian's python3-torch, python3-numpy, python3-nibabel, python3-yaml.

Usage: experiment_twin.py RUN [--arms scratch,head,...] [--seed N] [--threads N] [--metrics FILE] [--json FILE] [--onnx FILE]
See README.md in this folder for what is and is not reimplemented."""
import argparse
import csv
import json
import math
import sys
import time
from pathlib import Path

import nibabel
import numpy
import torch
import yaml

sys.dont_write_bytecode = True  # no __pycache__ in benchmarks/ (twin_model imports benchmarks/training)
from twin_arms import ARMS, IMAGENET_ARMS
from twin_imagenet import ONNX_DEFAULT, OnnxProblem, imagenet_runner
from twin_model import READOUTS, Classifier, read_safetensors
from twin_training import WEIGHTS, adapt_norm, balanced_accuracy, better, derive, probabilities, train

ENCODER_DIRS = {"head": "ExportEncoder", "bt_head": "ExportEncoderBt"}
HEAD_OF = {"finetune": "head", "bt_finetune": "bt_head"}


class InputProblem(Exception):
    """Bad usage or input: exit 2 with every message."""


def settings_from(params):
    """Every key the C# classifier stages bind (model.*, classifier.*, head.*, finetune.*, train.*), all problems at once."""
    missing = []

    def get(section, key):
        if key not in (params.get(section) or {}):
            missing.append(f"{section}.{key}")
            return None
        return params[section][key]

    keys = {"model": ["channels", "norm", "norm_groups", "activation", "readout", "head_hidden", "dropout"],
            "classifier": ["epochs", "warmup_epochs", "batch_size", "patience", "monitor", "class_weighted", "optimizer", "lr",
                           "lr_grid", "weight_decay", "schedule", "step_size", "step_gamma", "augment"],
            "head": ["adapt_norm"], "finetune": ["lr", "lr_grid", "encoder_lr_multiplier", "unfreeze_blocks"],
            "train": ["seed", "label_fraction"], "runtime": ["torch_threads"],
            "imagenet": ["image_size", "slices", "slice_spacing", "batch_size", "head", "finetune"]}
    s = {section: {key: get(section, key) for key in names} for section, names in keys.items()}
    s["model"]["block"] = (params.get("model") or {}).get("block", "plain")
    nested = {"head": ["epochs", "lr", "patience"], "finetune": ["epochs", "lr", "backbone_lr", "layer_decay", "patience"]}
    missing += [f"imagenet.{part}.{key}" for part, keys in nested.items() for key in keys
                if s["imagenet"][part] is not None and key not in s["imagenet"][part]]
    if missing:
        raise InputProblem([f"params.yaml: missing {k}" for k in missing])
    problems = []
    if s["model"]["readout"] not in READOUTS:
        problems.append(f"params.yaml: model.readout must be one of {', '.join(READOUTS)}, got '{s['model']['readout']}'")
    if s["model"]["norm"] == "group" and any(c % s["model"]["norm_groups"] for c in s["model"]["channels"]):
        problems.append("params.yaml: model.norm_groups must divide every width of model.channels")
    if s["finetune"]["unfreeze_blocks"] > len(s["model"]["channels"]):
        problems.append("params.yaml: finetune.unfreeze_blocks exceeds the encoder's blocks (model.channels)")
    if problems:
        raise InputProblem(problems)
    return s


def load_cohort(bt, s):
    """PreprocessedCohort.cs / ClassifierData.cs: train subset of train.label_fraction, val, and Evaluator.cs's test
    subjects (split test, ordered by subject id). Volumes as (N, 1, z, y, x), the NIfTI array x-fastest."""
    summary = json.load(open(bt / "summary.json"))
    if summary["mode"] != "3d":
        raise InputProblem([f"{bt / 'summary.json'}: mode {summary['mode']}; the twin covers 3-D cohorts only"])
    classes, shape = summary["classes"], summary["shape"]
    rows = list(csv.DictReader(open(bt / "index.csv")))
    train = [r for r in rows if r["split"] == "train"]
    fraction = s["train"]["label_fraction"]
    if fraction < 1.0:
        if not any(abs(f - fraction) < 1e-9 for f in summary.get("label_fractions", [])):
            raise InputProblem([f"{bt / 'summary.json'}: train.label_fraction = {fraction} is not one of its label fractions"])
        smallest = {r["subject_id"]: float(r["fraction"]) for r in csv.DictReader(open(bt / "label_fractions.csv"))}
        train = [r for r in train if smallest.get(r["subject_id"], 2.0) <= fraction + 1e-9]
    test = sorted((r for r in rows if r["split"] == "test"), key=lambda r: r["subject_id"])
    splits = {"train": train, "val": [r for r in rows if r["split"] == "val"], "test": test}
    problems = [f"{bt / 'index.csv'}: class '{c}' has no subject in the training subset" for c in classes if all(r["label"] != c for r in train)]
    problems += [f"{bt / 'index.csv'}: no '{name}' subjects" for name, part in splits.items() if not part]
    if problems:
        raise InputProblem(problems)

    def tensors(part):
        volumes = []
        for r in part:
            v = nibabel.load(str(bt / r["path"])).get_fdata(dtype=numpy.float32)
            if list(v.shape) != list(shape):
                raise InputProblem([f"{bt / r['path']}: shape {v.shape} differs from summary.json's {shape}"])
            volumes.append(numpy.ascontiguousarray(v.T))
        return torch.from_numpy(numpy.stack(volumes)[:, None]), torch.tensor([classes.index(r["label"]) for r in part])

    return classes, shape, {name: tensors(part) for name, part in splits.items()}


def head_parameters(model):
    return list(model.readout.parameters()) + list(model.head.parameters())


def check_card(folder, model_settings):
    """The exported encoder must be the encoder model.* describes (the pipeline's stages would refuse it too)."""
    card = json.load(open(folder / "model_card.json"))["architecture"]
    card.setdefault("block", "plain")
    wanted = {"spatial_dims": 3, "in_channels": 1, **{k: model_settings[k] for k in ["channels", "norm", "norm_groups", "activation", "block"]}}
    different = [f"{k}: card {card.get(k)!r}, params {v!r}" for k, v in wanted.items() if card.get(k) != v]
    if different:
        raise InputProblem([f"{folder / 'model_card.json'}: architecture differs from params.yaml model.* ({'; '.join(different)})"])


def arm_runner(run, s, seed, classes, shape, data, log):
    """Plans of HeadTraining.cs, FineTuning.cs, ScratchTraining.cs; each arm's lr chosen as LearningRateSelection.cs does."""
    m, depth = s["model"], len(s["model"]["channels"])
    positions = math.prod(n >> depth for n in shape)
    done = {}

    def new_model():  # ClassifierTraining.NewModel: the same initial weights on every call
        torch.manual_seed(derive(seed, WEIGHTS))
        return Classifier(m, m["readout"], m["head_hidden"], m["dropout"], len(classes), positions)

    def plan(arm, lr):
        model = new_model()
        if arm == "scratch":  # ScratchTraining: the random encoder's batch-norm statistics estimated on BT train first
            adapt_norm(model.encoder, data["train"][0], s["classifier"]["batch_size"])
            return {"name": arm, "model": model, "lr": lr, "frozen": False, "fit_standardizer": True, "eval_modules": [],
                    "groups": [(list(model.encoder.parameters()), 1.0), (head_parameters(model), 1.0)]}
        if arm in ENCODER_DIRS:
            folder = run / "out" / ENCODER_DIRS[arm]
            check_card(folder, m)
            model.encoder.load_state_dict(read_safetensors(str(folder / "encoder.safetensors")), strict=True)
            model.encoder.requires_grad_(False)
            if s["head"]["adapt_norm"]:
                adapt_norm(model.encoder, data["train"][0], s["classifier"]["batch_size"])
            return {"name": arm, "model": model, "lr": lr, "frozen": True, "fit_standardizer": True,
                    "eval_modules": [model.encoder], "groups": [(head_parameters(model), 1.0)]}
        model.load_state_dict(result(HEAD_OF[arm])["model"].state_dict())
        unfreeze = s["finetune"]["unfreeze_blocks"] or depth
        frozen = list(model.encoder.blocks)[:depth - unfreeze]
        for block in frozen:
            block.requires_grad_(False)
        trainable = [p for block in list(model.encoder.blocks)[depth - unfreeze:] for p in block.parameters()]
        return {"name": arm, "model": model, "lr": lr, "frozen": False, "fit_standardizer": False, "eval_modules": frozen,
                "groups": [(trainable, s["finetune"]["encoder_lr_multiplier"]), (head_parameters(model), 1.0)]}

    def result(arm):
        if arm not in done:
            section = "finetune" if arm in HEAD_OF else "classifier"
            grid = s[section]["lr_grid"] or [s[section]["lr"]]
            start = time.perf_counter()
            best = None
            for lr in grid:
                candidate = train(plan(arm, lr), data, s, seed, classes, log)
                key = (candidate["val_loss"], candidate["val_balanced_accuracy"])
                if best is None or better(s["classifier"]["monitor"], key, (best["val_loss"], best["val_balanced_accuracy"])):
                    best = candidate
            best["seconds"] = time.perf_counter() - start
            done[arm] = best
        return done[arm]

    return result


def find_metrics(run, explicit):
    candidates = [Path(explicit)] if explicit else [run / "out" / "Evaluate" / "metrics.json", run / "metrics" / "Evaluate" / "metrics.json"]
    for path in candidates:
        if path.is_file():
            return path, json.load(open(path))
    raise InputProblem([f"no metrics.json at {' or '.join(map(str, candidates))}; has Evaluate run?"])


def arguments():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("run", type=Path, help="a finished run: the repository clone after ./build.sh")
    p.add_argument("--arms", default=",".join(ARMS), help=f"comma-separated, of {','.join(ARMS)}")
    p.add_argument("--seed", type=int, help="training seed (default: params.yaml train.seed)")
    p.add_argument("--threads", type=int, help="torch threads (default: params.yaml runtime.torch_threads)")
    p.add_argument("--metrics", help="metrics.json to compare with (default: out/Evaluate, then metrics/Evaluate)")
    p.add_argument("--json", help="also write the table as JSON here")
    p.add_argument("--onnx", type=Path, default=ONNX_DEFAULT, help="the package's ResNet18.onnx (default: the NuGet cache's)")
    return p.parse_args()


def main():
    a = arguments()
    arms = [x for x in a.arms.split(",") if x]
    unknown = [x for x in arms if x not in ARMS]
    if unknown:
        raise InputProblem([f"--arms: unknown arm(s) {', '.join(unknown)}; choose from {', '.join(ARMS)}"])
    s = settings_from(yaml.safe_load(open(a.run / "params.yaml")))
    seed = s["train"]["seed"] if a.seed is None else a.seed
    torch.set_num_threads(a.threads or s["runtime"]["torch_threads"])
    metrics_path, metrics = find_metrics(a.run, a.metrics)
    missing = [x for x in arms if x not in metrics["variants"]]
    if missing:
        raise InputProblem([f"{metrics_path}: no variant {x}" for x in missing])
    classes, shape, data = load_cohort(a.run / "out" / "PreprocessBt", s)
    if len(data["test"][1]) != metrics["test_subjects"] or classes != metrics["classes"]:
        raise InputProblem([f"{metrics_path}: {metrics['test_subjects']} test subjects of classes {metrics['classes']}, but "
                            f"PreprocessBt has {len(data['test'][1])} of {classes}: not the same run"])
    log = lambda line: print(line, file=sys.stderr, flush=True)  # noqa: E731
    encoder_result = arm_runner(a.run, s, seed, classes, shape, data, log)
    imagenet_result = imagenet_runner(s, seed, classes, data, a.onnx, log) if any(x in IMAGENET_ARMS for x in arms) else None
    batch = s["classifier"]["batch_size"]

    def result(arm):
        if arm in IMAGENET_ARMS:
            return imagenet_result(arm)
        r = encoder_result(arm)
        # EncoderClassifierPredictor.cs: eval mode, softmax, no test-time flips; first largest class
        return {**r, "predict": lambda: probabilities(r["model"], data["test"][0], batch).numpy().argmax(1)}

    level = metrics["bootstrap"]["ci_level"]
    rows = []
    for arm in arms:
        r = result(arm)
        twin = balanced_accuracy(data["test"][1].numpy(), r["predict"](), len(classes))
        v = metrics["variants"][arm]
        low, high = v["balanced_accuracy_ci"]
        rows.append({"arm": arm, "twin_test_balanced_accuracy": round(twin, 4), "pipeline_test_balanced_accuracy": v["balanced_accuracy"],
                     "pipeline_ci": [low, high], "inside": low <= twin <= high, "twin_val_balanced_accuracy": round(r["val_balanced_accuracy"], 4),
                     "best_epoch": r["best_epoch"], "epochs_run": r["epochs_run"], "steps": r["steps"], "lr": r["lr"],
                     "seconds": round(r["seconds"], 1)}
                    | ({"encoder_relative_change": round(r["encoder_relative_change"], 6)} if "encoder_relative_change" in r else {}))
    print(f"{'arm':<17} {'twin test BA':>12} {'pipeline BA':>11} {f'{level:.0%} CI':>18} {'inside':>6}   (twin: val BA, best epoch/run, steps, s)")
    for r in rows:
        ci = f"[{r['pipeline_ci'][0]:.4f}, {r['pipeline_ci'][1]:.4f}]"
        print(f"{r['arm']:<17} {r['twin_test_balanced_accuracy']:>12.4f} {r['pipeline_test_balanced_accuracy']:>11.4f} {ci:>18} "
              f"{'yes' if r['inside'] else 'no':>6}   ({r['twin_val_balanced_accuracy']:.4f}, {r['best_epoch']}/{r['epochs_run']}, "
              f"{r['steps']}, {r['seconds']})")
    if a.json:
        json.dump({"run": str(a.run), "metrics": str(metrics_path), "seed": seed, "arms": rows}, open(a.json, "w"), indent=2)
    return 0 if all(r["inside"] for r in rows) else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except InputProblem as e:
        print("\n".join(e.args[0]), file=sys.stderr)
        sys.exit(2)
    except OnnxProblem as e:
        print(e, file=sys.stderr)
        sys.exit(2)
    except FloatingPointError as e:
        print(f"training diverged: {e}", file=sys.stderr)
        sys.exit(1)
