#!/usr/bin/env bash
# Slurm executor and shared run cache benchmarks (needs a cluster: .ci/slurm-cluster.sh start DIR; export SLURM_CONF).
#  1. engine overhead per Slurm job for a no-op stage: a chain of 5 no-op bash stages forced to rerun, local vs Slurm
#     (poll_seconds 1 and 5); overhead per job = (Slurm wall - local wall) / 5
#  2. the tiny profile's learning-curve cells (head, fine-tune, scratch at 2 fractions x 1 seed, and the summary):
#     wall time locally with --jobs 2 vs on Slurm (the one-node cluster has 2 CPUs)
#  3. a second clone with --cache-dir on the first's cache: wall time of a run that restores the whole default
#     pipeline (PROFILE=params.yaml, the default; PROFILE=tiny for a quick check)
# Usage: benchmarks/slurm/run.sh [workdir]   (default /tmp/slurm-bench)
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WS="${1:-/tmp/slurm-bench}"
: "${SLURM_CONF:?export SLURM_CONF of a running cluster (.ci/slurm-cluster.sh start DIR)}"
rm -rf "$WS"; mkdir -p "$WS"
secs() { local t0 t1; t0=$(date +%s.%N); "$@" > "$WS/last.log" 2>&1 || { cat "$WS/last.log"; exit 1; }; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
clone() {
  mkdir -p "$1"
  for item in build src stages eng .nuke Directory.Build.props Directory.Build.targets Directory.Packages.props global.json build.sh params.yaml; do
    cp -r "$REPO/$item" "$1/"
  done
  find "$1" -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
}
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
sinfo

echo "== 1. per-job overhead, chain of 5 no-op stages"
N="$WS/noop"; mkdir -p "$N"/{src,build,stages,.nuke}
cp -r "$REPO/src/Pipeline.Engine" "$N/src/"; rm -rf "$N/src/Pipeline.Engine"/{bin,obj}; cp -r "$REPO/eng" "$N/"
cp "$REPO"/Directory.Build.props "$REPO"/Directory.Build.targets "$REPO"/Directory.Packages.props "$REPO"/global.json "$REPO"/build.sh "$N/"
cat > "$N/build/_build.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><RootNamespace></RootNamespace><AssemblyName>_build</AssemblyName></PropertyGroup>
  <ItemGroup><ProjectReference Include="../src/Pipeline.Engine/Pipeline.Engine.csproj" /></ItemGroup>
</Project>
XML
{
  echo 'using Pipeline.Engine;'; echo 'partial class Build {'; echo '  public static int Main(string[] args) => Engine.Run<Build>(args);'
  echo '  Stage N1 => _ => _.Command("bash", "stages/noop.sh").Code("stages/noop.sh").Outputs("out.txt");'
  for i in 2 3 4 5; do echo "  Stage N$i => _ => _.Command(\"bash\", \"stages/noop.sh\").Code(\"stages/noop.sh\").Input(\"prev\", N$((i - 1))).Outputs(\"out.txt\");"; done
  echo '}'
} > "$N/build/Build.cs"
printf 'while [ $# -gt 0 ]; do case "$1" in --output) O="$2";; esac; shift 2; done\necho "$PIPELINE_STAGE" > "$O/out.txt"\n' > "$N/stages/noop.sh"
echo '{ "Target": "N5" }' > "$N/.nuke/parameters.json"
(cd "$N" && ./build.sh --plain > first.log 2>&1)
FORCE="N1,N2,N3,N4,N5"
for i in 1 2 3; do (cd "$N" && secs ./build.sh --plain --force $FORCE --no-run-cache); done | sort -n | head -1 | sed 's/^/local, 5 stages forced (best of 3): /;s/$/ s/'
for poll in 1 5; do
  echo "{ \"Target\": \"N5\", \"slurm\": { \"poll_seconds\": $poll } }" > "$N/.nuke/parameters.json"
  for i in 1 2 3; do (cd "$N" && secs ./build.sh --plain --executor slurm --force $FORCE --no-run-cache); done | sort -n | head -1 | sed "s/^/slurm poll $poll s, 5 jobs in a chain (best of 3): /;s/\$/ s/"
done
grep -E "^  N[0-9]" "$WS/last.log" | sed 's/^/  last slurm run: /'

echo "== 2. tiny learning-curve cells, local --jobs 2 vs Slurm"
T="$WS/tiny"; clone "$T"; cp "$REPO/tests/EndToEnd.Tests/profiles/tiny-3d.yaml" "$T/params.yaml"
echo '{ "Target": "Report", "Params": "params.yaml", "slurm": { "poll_seconds": 1 } }' > "$T/.nuke/parameters.json"
(cd "$T" && secs ./build.sh --plain LearningCurve) | sed 's/^/first local run (builds and everything upstream): /;s/$/ s/'
CELLS="HeadCurve,FineTuneCurve,ScratchCurve,LearningCurveSummary"
(cd "$T" && secs ./build.sh --plain LearningCurve --jobs 2 --no-run-cache --force $CELLS) | sed 's/^/cells + summary locally, --jobs 2: /;s/$/ s/'
cp "$T/out/LearningCurveSummary/learning_curve.json" "$WS/curve-local.json"
(cd "$T" && secs ./build.sh --plain LearningCurve --executor slurm --no-run-cache --force $CELLS) | sed 's/^/cells + summary on Slurm: /;s/$/ s/'
cmp "$WS/curve-local.json" "$T/out/LearningCurveSummary/learning_curve.json" && echo "learning_curve.json: identical bytes locally and on Slurm"

echo "== 3. a second clone restoring from a shared --cache-dir"
A="$WS/clone-a"; B="$WS/clone-b"; CACHE="$WS/shared-cache"; clone "$A"; clone "$B"
if [ "${PROFILE:-params.yaml}" = tiny ]; then cp "$T/params.yaml" "$A/params.yaml"; cp "$T/params.yaml" "$B/params.yaml"; fi
(cd "$A" && secs ./build.sh --plain --cache-dir "$CACHE") | sed 's/^/first clone, cold default run: /;s/$/ s/'
tail -1 "$WS/last.log"
(cd "$B" && ./build.sh --plain --help > /dev/null)  # build the build project outside the timing
(cd "$B" && secs ./build.sh --plain --cache-dir "$CACHE") | sed 's/^/second clone, restore everything: /;s/$/ s/'
tail -1 "$WS/last.log"
du -sh "$CACHE" | sed 's/^/shared cache size: /'
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
