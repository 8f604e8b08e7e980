#!/usr/bin/env bash
# Synthesis time, side by side: the Synthesize stage built from BASE (default: the commit before the speed-up) against
# the one in this tree, on the default params.yaml of each, in interleaved rounds (old/new, then new/old, ...), so both
# see the same machine load. Prints wall and CPU seconds per run and the old ÷ new ratios. Needs: dotnet, python3-yaml.
#   bash benchmarks/io/synthesis/run.sh /tmp/synthesis_bench        # BASE=15a3db4 ROUNDS=3 THREADS=2 by default
set -euo pipefail
root="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
work="${1:-$(mktemp -d)}"
base="${BASE:-15a3db4}"
rounds="${ROUNDS:-3}"
mkdir -p "$work"
rm -rf "$work/old-src" && mkdir "$work/old-src"
git -C "$root" archive "$base" | tar -x -C "$work/old-src"
dotnet build "$work/old-src/stages/Synthesize" -c Release -o "$work/old-bin" -v q -nologo > "$work/build-old.log"
dotnet build "$root/stages/Synthesize" -c Release -o "$work/new-bin" -v q -nologo > "$work/build-new.log"
# The resolved params file the engine would hand each stage: its declared keys only.
/usr/bin/python3 - "$work" "$work/old-src/params.yaml" "$root/params.yaml" <<'PY'
import sys, yaml
work, old, new = sys.argv[1:]
for name, path in (("old", old), ("new", new)):
    p = yaml.safe_load(open(path))
    keys = {"synthesize": p["synthesize"]}
    if name == "new": keys["preprocess_bt"] = {"test_fraction": p["preprocess_bt"]["test_fraction"]}
    yaml.safe_dump(keys, open(f"{work}/{name}.yaml", "w"), sort_keys=True)
PY
export DOTNET_PROCESSOR_COUNT="${THREADS:-2}"
echo "CPU: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %-4s %8s %8s\n' round bin wall_s cpu_s
for r in $(seq 1 "$rounds"); do
  if (( r % 2 )); then order="old new"; else order="new old"; fi
  for b in $order; do
    rm -rf "$work/out-$b" && mkdir "$work/out-$b"
    /usr/bin/time -f "%e %U %S" -o "$work/time-$b" "$work/$b-bin/Synthesize" --params "$work/$b.yaml" --output "$work/out-$b" > "$work/log-$b" 2>&1
    read -r wall user sys < "$work/time-$b"
    cpu=$(echo "$user + $sys" | bc)
    printf '%-6s %-4s %8s %8s\n' "$r" "$b" "$wall" "$cpu"
    echo "$r $b $wall $cpu" >> "$work/times"
  done
done
awk '{ w[$2] += $3; c[$2] += $4; n[$2]++ } END { printf "mean old: %.1f s wall, %.1f s CPU; new: %.1f s wall, %.1f s CPU; old/new: %.2fx wall, %.2fx CPU\n",
  w["old"]/n["old"], c["old"]/n["old"], w["new"]/n["new"], c["new"]/n["new"], w["old"]/w["new"], c["old"]/c["new"] }' "$work/times"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
