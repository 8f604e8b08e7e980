#!/usr/bin/env bash
# Readout comparison (issue 14 item 1/7): every encoder arm × model.readout × train.seed, scored on BT VALIDATION only
# (best_val_balanced_accuracy of each arm's training.json, and the val probes of its starting encoder). The test split
# never enters this table, so it cannot steer the default.
#
# Runs in a scratch copy of the committed tree (git archive HEAD) with its own run cache, so cells already run are
# restored, not retrained. Each cell is readout:seed:targets (targets comma-separated; default: the three AD-route arms).
#   benchmarks/readout/run.sh                               # the full matrix: 5 readouts × seeds 0,1,2
#   CELLS="gap:0:Report multiscale:0" benchmarks/readout/run.sh
#   DESIGN=strided-16-32-64 SETS="--set model.block=strided --set model.channels=[16,32,64] --set model.norm=group" \
#     benchmarks/readout/run.sh      # another encoder design: SETS are passed to every cell, DESIGN labels its rows
# Writes $WORK/results.csv (one row per cell × arm) and prints the markdown table (benchmarks/readout/table.py).
set -euo pipefail
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
WORK=${WORK:-/tmp/readout-bench}
READOUTS=${READOUTS:-"gap gap_gmp multiscale flatten attention"}
SEEDS=${SEEDS:-"0 1 2"}
DEFAULT_TARGETS=${TARGETS:-"TrainHead,FineTune,TrainScratch"}
DESIGN=${DESIGN:-committed}
read -r -a SETS <<< "${SETS:-}"
if [[ -z "${CELLS:-}" ]]; then
  CELLS=""
  for s in $SEEDS; do for r in $READOUTS; do CELLS+="$r:$s "; done; done
fi
mkdir -p "$WORK"
if [[ ! -f "$WORK/tree/build.sh" ]]; then
  mkdir -p "$WORK/tree" && git -C "$repo" archive HEAD | tar -x -C "$WORK/tree"
  git -C "$repo" rev-parse HEAD > "$WORK/commit"
fi
results="$WORK/results.csv"
[[ -f "$results" ]] || echo "design,readout,seed,arm,val_balanced_accuracy,steps,epochs,encoder_relative_change,probe_linear_val,probe_knn_val,cell_seconds" > "$results"
cd "$WORK/tree"
for cell in $CELLS; do
  IFS=: read -r readout seed targets <<< "$cell"
  targets=${targets:-$DEFAULT_TARGETS}
  start=$(date +%s)
  ./build.sh ${targets//,/ } --plain --cache-dir "$WORK/cache" "${SETS[@]}" --set model.readout="$readout" --set train.seed="$seed" > "$WORK/$DESIGN-$readout-$seed.log" 2>&1
  seconds=$(( $(date +%s) - start ))
  for arm in TrainHead FineTune TrainScratch TrainHeadBt FineTuneBt ImageNetHead ImageNetFineTune; do
    f="out/$arm/training.json"
    [[ -f "$f" ]] || continue
    # only the arms this cell asked for (all of them behind Evaluate or Report): out/ still holds other cells' arms,
    # and a cell whose SETS differ in a key training.json does not record would otherwise pass them off as its own
    [[ ",$targets," == *",$arm,"* || ",$targets," == *",Evaluate,"* || ",$targets," == *",Report,"* ]] || continue
    python3 - "$f" "$DESIGN" "$readout" "$seed" "$arm" "$seconds" >> "$results" <<'PY'
import json, sys
f, design, readout, seed, arm, seconds = sys.argv[1:]
t = json.load(open(f))
# the ImageNet arms do not read model.readout (no "readout" key): their rows carry the cell's label
if t.get("readout", readout) != readout or t.get("seed") != int(seed): sys.exit(0)  # a stage this cell did not run
p = t.get("probes") or {}
print(",".join(str(v) for v in [design, readout, seed, arm, t["best_val_balanced_accuracy"], t["steps"], t["epochs"],
    round(t["encoder_relative_change"], 5), p.get("linear_val_balanced_accuracy", ""), p.get("knn_val_balanced_accuracy", ""), seconds]))
PY
  done
  echo "cell $DESIGN $readout seed $seed ($targets): ${seconds} s"
done
python3 "$repo/benchmarks/readout/table.py" "$results"
