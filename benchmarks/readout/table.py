"""Markdown tables of benchmarks/readout/run.sh's results.csv: mean ± sd over seeds of BT val balanced accuracy per
design × readout × arm, and the probes. A cell's out/ still holds arms an earlier cell trained, so a (design, readout,
seed, arm) row is kept from its first occurrence only (the cell that trained it). Files written before the design
column existed are one design, "committed"."""
import csv, statistics, sys
from collections import defaultdict

by = defaultdict(list)
probes = defaultdict(list)
seen = set()
for r in csv.DictReader(open(sys.argv[1])):
    design = r.get("design", "committed")
    if (design, r["readout"], r["seed"], r["arm"]) in seen: continue
    seen.add((design, r["readout"], r["seed"], r["arm"]))
    key = (design, r["readout"], r["arm"])
    by[key].append(float(r["val_balanced_accuracy"]))
    if r["probe_linear_val"]:
        probes[key].append((float(r["probe_linear_val"]), float(r["probe_knn_val"])))
arms = [a for a in ["TrainHead", "FineTune", "TrainScratch", "TrainHeadBt", "FineTuneBt", "ImageNetHead", "ImageNetFineTune"] if any(k[2] == a for k in by)]
rows = sorted({(k[0], k[1]) for k in by}, key=lambda k: (k[0], ["gap", "gap_gmp", "multiscale", "flatten", "attention"].index(k[1])))

def cell(values):
    if not values: return "not run"
    if len(values) == 1: return f"{values[0]:.3f} (n=1)"
    return f"{statistics.mean(values):.3f} ± {statistics.stdev(values):.3f} (n={len(values)})"

print("| design | readout | " + " | ".join(arms) + " | mean of arms |")
print("| --- | --- | " + " | ".join("---" for _ in arms) + " | --- |")
for d, r in rows:
    means = [statistics.mean(by[(d, r, a)]) for a in arms if by[(d, r, a)]]
    print(f"| {d} | {r} | " + " | ".join(cell(by[(d, r, a)]) for a in arms) + f" | {statistics.mean(means):.3f} |")
probe_arms = [a for a in arms if any(probes[(d, r, a)] for d, r in rows)]
if not probe_arms: sys.exit(0)  # e.g. ImageNet arms only: they have no encoder probes
print()
print("Probes of the starting encoder through the readout (BT val balanced accuracy, linear / k-NN, mean over seeds):")
print()
print("| design | readout | " + " | ".join(f"{a} ({'random' if a == 'TrainScratch' else 'pretrained'})" for a in probe_arms) + " |")
print("| --- | --- | " + " | ".join("---" for _ in probe_arms) + " |")
for d, r in rows:
    def p(a):
        v = probes[(d, r, a)]
        return "not run" if not v else f"{statistics.mean(x for x, _ in v):.3f} / {statistics.mean(y for _, y in v):.3f} (n={len(v)})"
    print(f"| {d} | {r} | " + " | ".join(p(a) for a in probe_arms) + " |")
