#!/usr/bin/env bash
# Which libtorch dispatch settings change trained weights and metrics, and does runtime.reproducible_kernels hold
# them fixed? Runs the end-to-end tests' tiny profiles (3-D and 2-D) through build.sh in a scratch copy of the
# repository once per configuration, and records the hash of every trained weight file and every metric.
# Usage: benchmarks/reproducibility/measure.sh [results-dir]   (then compare.py results-dir > table.md)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
results="${1:-/tmp/reproducibility-results}"
work="$(mktemp -d /tmp/reproducibility-XXXXXX)"
mkdir -p "$results"
for item in build src stages eng .nuke Directory.Build.props Directory.Build.targets Directory.Packages.props global.json build.sh; do
  cp -r "$repo/$item" "$work/$item"
done
find "$work" -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +

# the hash of every trained weight file and the metrics of a finished run
record() {
  (cd "$1/out" && find . -name '*.pt' -o -name '*.safetensors' | sort | xargs sha256sum) > "$2/weights.sha256"
  cp "$1/out/Evaluate/metrics.json" "$2/metrics.json"
}
export -f record

# name | runtime.reproducible_kernels | caller's environment (what another CPU would make libtorch choose)
configs=(
  "native|false|"
  "aten-default|false|ATEN_CPU_CAPABILITY=default"
  "aten-avx2|false|ATEN_CPU_CAPABILITY=avx2"
  "onednn-avx2|false|ONEDNN_MAX_CPU_ISA=AVX2"
  "onednn-sse41|false|ONEDNN_MAX_CPU_ISA=SSE41"
  "mkl-avx2|false|MKL_CBWR=AVX2"
  "avx2-only-cpu|false|ATEN_CPU_CAPABILITY=avx2 ONEDNN_MAX_CPU_ISA=AVX2 MKL_ENABLE_INSTRUCTIONS=AVX2"
  "pinned|true|"
  "pinned-over-sse41|true|ATEN_CPU_CAPABILITY=default ONEDNN_MAX_CPU_ISA=SSE41 MKL_CBWR=AVX2"
)
# PROFILES and ONLY (configuration names) narrow a rerun, e.g. ONLY="native pinned" PROFILES=tiny-3d
for profile in ${PROFILES:-tiny-3d tiny-2d}; do
  cp "$repo/tests/EndToEnd.Tests/profiles/$profile.yaml" "$work/params.yaml"
  for config in "${configs[@]}"; do
    IFS='|' read -r name pin envs <<<"$config"
    [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $name "* ]] && continue
    out="$results/$profile/$name"
    mkdir -p "$out"
    (cd "$work" && rm -rf out metrics pipeline.lock .pipeline/cache .pipeline/resume .pipeline/logs)
    echo "== $profile / $name (pinning $pin; caller env: ${envs:-none})"
    start=$(date +%s.%N)
    (cd "$work" && env $envs ./build.sh --plain --no-run-cache --set "runtime.reproducible_kernels=$pin") > "$out/run.log" 2>&1 \
      || { echo "run failed: $out/run.log"; tail -20 "$out/run.log"; exit 1; }
    echo "$(date +%s.%N) - $start" | bc > "$out/seconds"
    record "$work" "$out"
    grep -E '^  [A-Za-z]+ +done' "$out/run.log" > "$out/stages.txt" || true
    # With EMULATE=1, the torch stages of this run again under an emulated AMD EPYC (emulated.sh; 100-300× slower
    # than native): every stage when pinned, Pretrain alone when not.
    if [ "${EMULATE:-0}" != 1 ]; then :
    elif [ "$profile" = tiny-3d ] && [ "$name" = pinned ]; then
      "$(dirname "$0")/emulated.sh" "$work" EPYC-Milan-v1 "$results/$profile/pinned-on-emulated-epyc"
    elif [ "$profile" = tiny-3d ] && [ "$name" = native ]; then
      "$(dirname "$0")/emulated.sh" "$work" EPYC-Milan-v1 "$results/$profile/native-on-emulated-epyc" Pretrain
    fi
  done
done
[ -n "${ONLY:-}" ] && { rm -rf "$work"; exit 0; }
# which oneDNN kernels each setting picks (ONEDNN_VERBOSE=1 on the tiny 3-D Pretrain stage)
cp "$repo/tests/EndToEnd.Tests/profiles/tiny-3d.yaml" "$work/params.yaml"
for config in "native|false|" "pinned|true|" "onednn-sse41|false|ONEDNN_MAX_CPU_ISA=SSE41"; do
  IFS='|' read -r name pin envs <<<"$config"
  (cd "$work" && rm -rf out/Pretrain && env $envs ONEDNN_VERBOSE=1 ./build.sh --plain --no-run-cache --force Pretrain --set "runtime.reproducible_kernels=$pin" Pretrain >/dev/null 2>&1 || true)
  grep -h '^onednn_verbose' "$work"/.pipeline/logs/Pretrain.log | awk -F, '$3=="exec" || $4=="exec" {print}' \
    | sed -E 's/^onednn_verbose,(v[0-9]+,)?(primitive,)?//' | cut -d, -f3,4,5 | sort | uniq -c > "$results/onednn-kernels-$name.txt" || true
done
rm -rf "$work"
echo "results in $results"
