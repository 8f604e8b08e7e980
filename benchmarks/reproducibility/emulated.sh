#!/usr/bin/env bash
# Reruns every torch stage of a finished run under QEMU's user-mode emulation of another CPU model, with exactly the
# command line and declared environment the engine used (the first line of each stage log; pipeline.lock's env:),
# so MKL, oneDNN and ATen see that CPU's CPUID (vendor, vector ISA, cache sizes) and choose as they would on it.
# QEMU emulates IEEE floating-point instructions exactly; approximate ones (rcpps, rsqrtps) can differ from hardware.
# Usage: emulated.sh <workspace after a finished run> <qemu cpu model, e.g. EPYC-Milan-v1> <results dir> [stages...]
set -euo pipefail
work="$1"; cpu="$2"; out="$3"; shift 3
stages=("$@"); [ ${#stages[@]} -gt 0 ] || stages=(Pretrain ExportEncoder TrainHead FineTune TrainScratch ImageNetHead ImageNetFineTune Evaluate)
command -v qemu-x86_64 >/dev/null || { echo "qemu-x86_64 not found (apt-get install qemu-user): skipping $cpu" >&2; exit 0; }
dotnet="$(readlink -f "$(command -v dotnet)")"
mkdir -p "$out"
stage_env() {   # NAME=value pairs from the stage's env: section in pipeline.lock
  awk -v stage="  $1:" '$0 == stage {in_stage=1; next}
    in_stage && /^  [^ ]/ {exit}
    in_stage && /^    env:/ {in_env=1; next}
    in_stage && in_env && /^    [^ ]/ {in_env=0}
    in_stage && in_env && /^      / {sub(/^ +/, ""); sub(/: /, "="); print}' "$work/pipeline.lock"
}
start=$(date +%s.%N)
for stage in "${stages[@]}"; do
  read -r -a command < <(head -1 "$work/.pipeline/logs/$stage.log" | sed 's/^\$ //')
  staging="$work/out/.staging/emulated-$stage"
  for i in "${!command[@]}"; do [ "${command[$i]}" = --output ] && command[$((i + 1))]="$staging"; done
  verbose=(); [ "$stage" = Pretrain ] && verbose=(ONEDNN_VERBOSE=1)
  # TorchSharp 0.107 can abort on a tensor deleter delegate that the GC collected too early ("A callback was made on
  # a garbage collected delegate ... GCHandleDeleter"); emulation's timing makes it likely, so a stage gets 3 tries.
  for try in 1 2 3; do
    rm -rf "$staging" && mkdir -p "$staging"
    if (cd "$work" && env $(stage_env "$stage") "${verbose[@]}" PIPELINE_STAGE="$stage" \
        qemu-x86_64 -cpu "$cpu" "$dotnet" "${command[@]:1}" 2>&1 | grep -v "TCG doesn't support") > "$out/$stage.log"; then break; fi
    grep -q "garbage collected delegate" "$out/$stage.log" && [ "$try" -lt 3 ] && { echo "$stage: retry $((try + 1)) under $cpu (TorchSharp delegate abort)"; continue; }
    echo "$stage failed under $cpu: $out/$stage.log"; tail -5 "$out/$stage.log"; exit 1
  done
  rm -rf "$work/out/$stage" && mv "$staging" "$work/out/$stage"
done
echo "$(date +%s.%N) - $start" | bc > "$out/seconds"
grep -h '^onednn_verbose' "$out/Pretrain.log" | awk -F, '$3=="exec" || $4=="exec"' \
  | sed -E 's/^onednn_verbose,(v[0-9]+,)?(primitive,)?//' | cut -d, -f3,4,5 | sort | uniq -c > "$out/onednn-kernels.txt" || true
if [ -f "$out/Evaluate.log" ]; then record "$work" "$out"
else (cd "$work/out" && find "${stages[@]}" -name '*.pt' | sort | xargs sha256sum | sed 's#  #  ./#') > "$out/weights.sha256"; fi
