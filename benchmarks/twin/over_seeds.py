"""The twin against the pipeline over training seeds: is the twin's mean test balanced accuracy over its seeds inside
the pipeline's learning-curve 95 % CI at the full label fraction (training seeds × pretraining seeds × test patients,
out/LearningCurveSummary/learning_curve.json), for every arm? The ImageNet arms are not in the learning curve: their
twin mean is held to the default run's single-seed CI (test patients only), as the twin JSON records it.

A single-seed run's CI covers test patients only; a twin trained with other random streams is another training draw,
so the interval to hold it to is the one that also covers training variance.

    /usr/bin/python3 benchmarks/twin/over_seeds.py RUN/out/LearningCurveSummary/learning_curve.json /tmp/twin-seed*.json

Each JSON is experiment_twin.py --json output (one training seed each). Exit code 0 when every arm's twin mean is
inside, 1 when one is not, 2 for bad input."""
import json
import statistics
import sys
from collections import defaultdict

sys.dont_write_bytecode = True  # no __pycache__ in benchmarks/
from twin_arms import ARMS, IMAGENET_ARMS


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        return compare(argv[1], argv[2:])
    except (OSError, ValueError, KeyError) as e:  # a missing or unreadable file, or JSON of another kind
        print(f"{e.__class__.__name__}: {e} (expected {argv[1]} to be a learning_curve.json and the rest experiment_twin.py --json files)",
              file=sys.stderr)
        return 2


def compare(curve_path, twin_paths):
    curve = json.load(open(curve_path))
    points = {p["variant"]: p for p in curve["points"] if p["fraction"] == 1}
    cells = defaultdict(list)  # the pipeline's cells at fraction 1 from pretraining seed 0 (the encoder the twin reads)
    for c in curve["cells"]:
        if c["fraction"] == 1 and c.get("pretrain_seed", 0) == 0:
            cells[c["variant"]].append((c["seed"], c["balanced_accuracy"]))
    twin, single_seed = defaultdict(dict), {}
    for path in twin_paths:
        run = json.load(open(path))
        for arm in run["arms"]:
            twin[arm["arm"]][run["seed"]] = arm["twin_test_balanced_accuracy"]
            single_seed[arm["arm"]] = (arm["pipeline_test_balanced_accuracy"], arm["pipeline_ci"])
    problems = [f"{arm}: no fraction-1 point in {curve_path}" for arm in twin if arm not in points and arm not in IMAGENET_ARMS]
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2

    print("| arm | twin seeds | twin test BA per seed | twin mean ± sd | pipeline mean ± sd (cells) | pipeline 95 % CI "
          "| pipeline mean, pretraining seed 0, same seeds | twin mean inside |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    outside = 0
    for arm in ARMS:
        if arm not in twin:
            continue
        seeds = sorted(twin[arm])
        values = [twin[arm][s] for s in seeds]
        mean = statistics.mean(values)
        sd = f" ± {statistics.stdev(values):.3f}" if len(values) > 1 else ""
        if arm in points:
            p = points[arm]
            lo, hi = p["balanced_accuracy_ci"]
            same = [ba for s, ba in cells[arm] if s in twin[arm]]
            same_mean = f"{statistics.mean(same):.3f} (n={len(same)})" if same else "none"
            cell_count = p["seeds"] * max(p["pretrain_seeds"], 1)
            pipeline = f"{p['mean_balanced_accuracy']:.3f} ± {p['sd_balanced_accuracy'] or 0:.3f} ({cell_count})"
        else:  # not in the learning curve: the default run's one seed and its test-patient CI
            value, (lo, hi) = single_seed[arm]
            pipeline, same_mean = f"{value:.3f} (default run, 1 seed)", "none"
        inside = lo <= mean <= hi
        outside += not inside
        print(f"| {arm} | {','.join(map(str, seeds))} | {' / '.join(f'{v:.3f}' for v in values)} | {mean:.3f}{sd} "
              f"| {pipeline} | {lo:.3f} to {hi:.3f} | {same_mean} | {'yes' if inside else 'no'} |")
    return 1 if outside else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
