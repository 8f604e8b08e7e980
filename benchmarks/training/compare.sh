#!/usr/bin/env bash
# Side-by-side training measurements for issue 15 (benchmarks/training.md): old vs new build interleaved, TorchSharp vs
# PyTorch 1.13 interleaved, pinned vs unpinned kernels interleaved. Usage:
#   benchmarks/training/compare.sh OLD_TrainingBench.dll NEW_TrainingBench.dll WORK_DIR ROUNDS
# WORK_DIR holds ad/ and bt/ preprocessed cohorts (TrainingBench cohort ...). Prints one line per measurement.
set -u
OLD=$1 NEW=$2 WORK=$3 ROUNDS=${4:-1}
PIN="env ATEN_CPU_CAPABILITY=avx2 ONEDNN_MAX_CPU_ISA=AVX2 MKL_CBWR=COMPATIBLE"   # runtime.reproducible_kernels (build/Build.Torch.cs)
HERE=$(cd "$(dirname "$0")" && pwd)
lscpu | grep -E "Model name|^CPU\(s\)"
for r in $(seq 1 "$ROUNDS"); do
  echo "== round $r, load $(cut -d' ' -f1-3 /proc/loadavg)"
  for stage in Pretrain TrainScratch; do
    for which in old new; do
      bench=$OLD; [ $which = new ] && bench=$NEW
      dir=$WORK/$which-$r; mkdir -p "$dir"; ln -sfn "$WORK/ad" "$dir/ad"; ln -sfn "$WORK/bt" "$dir/bt"
      echo "$which $($PIN dotnet "$bench" stage $stage "$dir" "$HERE/../../params.yaml" | grep -E "^$stage:|run profile")"
    done
  done
  for net in plain:batch:4,8,16 strided:group:16,32,64; do
    echo "pinned   $($PIN dotnet "$NEW" throughput 32 8 2 3 $net)"
    echo "pinned   $($PIN /usr/bin/python3 "$HERE/autoencoder_throughput.py" 32 8 2 3 $net)"
    echo "unpinned $(dotnet "$NEW" throughput 32 8 2 3 $net)"
    echo "unpinned $(/usr/bin/python3 "$HERE/autoencoder_throughput.py" 32 8 2 3 $net)"
  done
done
echo "== layers, batch 8, 1 thread, pinned, load $(cut -d' ' -f1-3 /proc/loadavg)"
$PIN dotnet "$NEW" layers 8 1 2
$PIN /usr/bin/python3 "$HERE/layer_throughput.py" 8 1 2
