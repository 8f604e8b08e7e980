"""Markdown table of benchmarks/readout/run.sh's results.csv: mean ± sd over seeds of BT val balanced accuracy per arm × readout."""
import csv, statistics, sys
from collections import defaultdict

rows = list(csv.DictReader(open(sys.argv[1])))
by = defaultdict(list)
probes = defaultdict(list)
for r in rows:
    key = (r["readout"], r["arm"])
    by[key].append(float(r["val_balanced_accuracy"]))
    if r["probe_linear_val"]:
        probes[key].append((float(r["probe_linear_val"]), float(r["probe_knn_val"])))
arms = [a for a in ["TrainHead", "FineTune", "TrainScratch", "TrainHeadBt", "FineTuneBt"] if any(k[1] == a for k in by)]
readouts = [r for r in ["gap", "gap_gmp", "multiscale", "flatten", "attention"] if any(k[0] == r for k in by)]

def cell(values):
    if not values: return "not run"
    if len(values) == 1: return f"{values[0]:.3f} (n=1)"
    return f"{statistics.mean(values):.3f} ± {statistics.stdev(values):.3f} (n={len(values)})"

print("| readout | " + " | ".join(arms) + " | mean of arms |")
print("| --- | " + " | ".join("---" for _ in arms) + " | --- |")
for r in readouts:
    means = [statistics.mean(by[(r, a)]) for a in arms if by[(r, a)]]
    print(f"| {r} | " + " | ".join(cell(by[(r, a)]) for a in arms) + f" | {statistics.mean(means):.3f} |")
print()
print("Probes of the starting encoder through the readout (BT val balanced accuracy, linear / k-NN, mean over seeds):")
print()
print("| readout | " + " | ".join(f"{a} ({'random' if a == 'TrainScratch' else 'pretrained'})" for a in arms if any(probes[(r, a)] for r in readouts)) + " |")
probe_arms = [a for a in arms if any(probes[(r, a)] for r in readouts)]
print("| --- | " + " | ".join("---" for _ in probe_arms) + " |")
for r in readouts:
    def p(a):
        v = probes[(r, a)]
        return "not run" if not v else f"{statistics.mean(x for x, _ in v):.3f} / {statistics.mean(y for _, y in v):.3f} (n={len(v)})"
    print(f"| {r} | " + " | ".join(p(a) for a in probe_arms) + " |")
