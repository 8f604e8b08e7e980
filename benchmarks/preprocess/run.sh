#!/usr/bin/env bash
# Reproduces benchmarks/preprocess.md. Needs: apt-get install -y python3-nibabel python3-scipy mricron-data
# Usage: benchmarks/preprocess/run.sh [volumes=30] [memory-subjects=1000]   (from the repository root)
set -euo pipefail
n=${1:-30}
m=${2:-1000}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d /tmp/preprocess-bench.XXXX)
trap 'rm -rf "$work"' EXIT
py=/usr/bin/python3

dotnet build -c Release "$root/stages/Preprocess" -v q -nologo >/dev/null
dotnet build -c Release "$here/PreprocessBench" -v q -nologo >/dev/null
stage="dotnet $root/stages/Preprocess/bin/Release/net10.0/Preprocess.dll"

echo "== machine"; lscpu | grep -E "Model name|^CPU\(s\)"; uptime
echo "== inputs: $n Colin27 volumes 181x217x181 at 1 mm (RAS/LPS/LAS), int16 .nii.gz"
$py "$here/make_inputs.py" "$work/in" "$n"
printf 'preprocess:\n  target_shape: [64, 64, 64]\n  target_spacing: [3.0, 3.0, 3.0]\n  workers: 2\npreprocess_ad:\n  role: ad\n  val_fraction: 0.2\n' > "$work/params.yaml"

echo "== per-step CPU milliseconds, one volume (median of 7)"
dotnet "$here/PreprocessBench/bin/Release/net10.0/PreprocessBench.dll" "$work/in/sub-0001.nii.gz" 7
OMP_NUM_THREADS=1 $py "$here/reference_steps.py" "$work/in/sub-0001.nii.gz" 7 2>/dev/null

echo "== whole cohort, 2 workers (wall and CPU seconds)"
for round in 1 2; do
  /usr/bin/time -f "C# Preprocess stage: wall %e s, user %U s, sys %S s, max RSS %M KB" $stage --params "$work/params.yaml" --output "$work/out-cs-$round" --input manifest="$work/in/manifest.csv" | grep -v '^::progress'
  /usr/bin/time -f "nibabel+scipy:       wall %e s, user %U s, sys %S s, max RSS %M KB (per process)" $py "$here/reference_nibabel.py" "$work/in/manifest.csv" "$work/out-py-$round" 2 2>&1 | grep -vi warn
done
echo "== agreement with the reference (voxels and affines)"
$py - "$work/out-cs-1/subjects" "$work/out-py-1" <<'PY'
import glob, os, sys
import nibabel as nib, numpy as np
worst_v = worst_a = 0.0
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.nii.gz"))):
    a, b = nib.load(f), nib.load(os.path.join(sys.argv[2], os.path.basename(f)))
    worst_v = max(worst_v, float(np.abs(a.get_fdata() - b.get_fdata()).max()))
    worst_a = max(worst_a, float(np.abs(a.affine - b.affine).max()))
print(f"max |voxel difference| {worst_v:.3g}, max |affine difference| {worst_a:.3g}")
PY

echo "== peak memory: $m small subjects (91x109x91 at 2 mm) vs 100, 2 workers, BT role"
$py "$here/make_small_cohort.py" "$work/small" "$m"
head -101 "$work/small/manifest.csv" > "$work/small/manifest100.csv"
printf 'preprocess:\n  workers: 2\npreprocess_bt:\n  role: bt\n' > "$work/params-bt.yaml"
for manifest in manifest100 manifest; do
  /usr/bin/time -f "$manifest: wall %e s, user %U s, sys %S s, max RSS %M KB" $stage --params "$work/params-bt.yaml" --output "$work/out-$manifest" --input manifest="$work/small/$manifest.csv" | grep -v '^::progress'
  rm -rf "$work/out-$manifest"
done
