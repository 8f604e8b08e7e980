#!/usr/bin/env python3
"""Tables for benchmarks/reproducibility.md from measure.sh's results: for each configuration, how many trained
weight files differ from the unpinned native run and from the pinned run, and the largest change of any metric."""
import json, os, sys

def numbers(node, path=""):
    if isinstance(node, dict):
        for k, v in node.items(): yield from numbers(v, f"{path}.{k}" if path else k)
    elif isinstance(node, list):
        for i, v in enumerate(node): yield from numbers(v, f"{path}[{i}]")
    elif isinstance(node, (int, float)) and not isinstance(node, bool):
        yield path, float(node)

def load(folder):
    """Weight hashes by file, and metrics by key (empty when the run stopped before Evaluate)."""
    weights = dict(reversed(line.split()) for line in open(os.path.join(folder, "weights.sha256")))
    path = os.path.join(folder, "metrics.json")
    metrics = dict(numbers(json.load(open(path)))) if os.path.exists(path) else {}
    return weights, metrics

def kind(key):
    """The metric family a key belongs to, for the spread per family."""
    leaf = key.split(".")[-1].split("[")[0]
    if "confusion" in key: return "confusion counts"
    if key.startswith("reconstruction"): return "reconstruction error"
    if "probe" in key: return "linear probe"
    return leaf

def main(results):
    spread = {}
    for profile in sorted(os.listdir(results)):
        folder = os.path.join(results, profile)
        if not os.path.isdir(folder): continue
        configs = sorted(os.listdir(folder))
        native, pinned = load(os.path.join(folder, "native")), load(os.path.join(folder, "pinned"))
        print(f"\n### {profile}\n")
        print("| configuration | weight files ≠ native | weight files ≠ pinned | metrics ≠ native | max abs Δ metric vs native |")
        print("| --- | --- | --- | --- | --- |")
        for config in configs:
            w, m = load(os.path.join(folder, config))
            dn = sum(1 for f, h in w.items() if native[0].get(f) != h)
            dp = sum(1 for f, h in w.items() if pinned[0].get(f) != h)
            deltas = {k: abs(v - native[1].get(k, v)) for k, v in m.items()}
            changed = {k: d for k, d in deltas.items() if d > 1e-12}
            worst = max(changed.items(), key=lambda kv: kv[1], default=("", 0.0))
            if not m:
                print(f"| {config} | {dn} of {len(w)} | {dp} of {len(w)} | (weights only) | |")
                continue
            print(f"| {config} | {dn} of {len(w)} | {dp} of {len(w)} | {len(changed)} of {len(m)} | "
                  f"{worst[1]:.4g}{' (' + worst[0] + ')' if worst[0] else ''} |")
            if config.startswith("pinned") or "emulated" in config: continue
            for k, d in deltas.items():
                spread[(profile, kind(k))] = max(spread.get((profile, kind(k)), 0.0), d)
    print("\n### Spread of unpinned runs (largest |Δ| from native over every unpinned configuration), by metric family\n")
    families = sorted({f for _, f in spread})
    profiles = sorted({p for p, _ in spread})
    print("| metric family | " + " | ".join(profiles) + " |")
    print("| --- | " + " | ".join("---" for _ in profiles) + " |")
    for f in families:
        print(f"| {f} | " + " | ".join(f"{spread.get((p, f), 0.0):.4g}" for p in profiles) + " |")

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/reproducibility-results")
