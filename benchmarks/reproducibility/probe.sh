#!/usr/bin/env bash
# The kernel probe (KernelProbe/): the operations our models train with, on fixed inputs, hashed bit for bit, on this
# CPU and under QEMU's emulation of an AMD EPYC (vendor, AVX2 only, EPYC cache sizes), with and without each pin.
# Prints one table: rows = operations, columns = configurations. Needs qemu-user (apt-get install qemu-user).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dotnet build "$here/KernelProbe" -c Release -v q -nologo >/dev/null
probe="$here/KernelProbe/bin/Release/net10.0/KernelProbe.dll"
dotnet="$(readlink -f "$(command -v dotnet)")"
out="$(mktemp -d)"
pin="ATEN_CPU_CAPABILITY=avx2 ONEDNN_MAX_CPU_ISA=AVX2"
# name | emulated CPU ("" = this one) | environment
configs=(
  "this CPU, unpinned||"
  "this CPU, MKL_CBWR=AVX2||$pin MKL_CBWR=AVX2"
  "this CPU, pinned (MKL_CBWR=COMPATIBLE)||$pin MKL_CBWR=COMPATIBLE"
  "this CPU, as an AVX2-only CPU||$pin MKL_ENABLE_INSTRUCTIONS=AVX2"
  "EPYC, unpinned|EPYC-Milan-v1|"
  "EPYC, MKL_CBWR=AVX2|EPYC-Milan-v1|$pin MKL_CBWR=AVX2"
  "EPYC, pinned (MKL_CBWR=COMPATIBLE)|EPYC-Milan-v1|$pin MKL_CBWR=COMPATIBLE"
)
for i in "${!configs[@]}"; do
  IFS='|' read -r name cpu envs <<<"${configs[$i]}"
  if [ -z "$cpu" ]; then env $envs dotnet "$probe" > "$out/$i"
  else env $envs qemu-x86_64 -cpu "$cpu" "$dotnet" "$probe" 2>/dev/null > "$out/$i"; fi
done
{
  printf '| operation |'; for c in "${configs[@]}"; do printf ' %s |' "${c%%|*}"; done; echo
  printf '| --- |'; for _ in "${configs[@]}"; do printf ' --- |'; done; echo
  paste -d'\t' "$out"/* | while IFS=$'\t' read -r -a cells; do
    printf '| %s |' "${cells[0]% *}"
    for c in "${cells[@]}"; do h="${c##* }"; printf ' `%s` |' "${h:0:8}"; done; echo
  done
}
rm -rf "$out"
