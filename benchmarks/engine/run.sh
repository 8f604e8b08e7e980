#!/usr/bin/env bash
# Engine benchmark: a 10-stage chain whose dependencies are 2 GB in 5,000 files (10 shards x 500 files x 400 KiB).
# Measures: no-op run (engine alone, and the whole ./build.sh), cold hashing throughput of page-cached files
# (stat cache deleted), the no-op again when every stage's output folder holds its shard's 500 files (hard links; the
# engine verifies every file of every output folder), and the same 10-rule DAG under `snakemake -n`. Deletes the data.
# Usage: benchmarks/engine/run.sh [workdir]   (default /tmp/engine-bench; needs ~2.1 GB free, snakemake optional)
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WS="${1:-/tmp/engine-bench}"
SHARDS=10 FILES=500 KIB=400
rm -rf "$WS"; mkdir -p "$WS"; cd "$WS"
trap '[ "${KEEP_DATA:-}" = 1 ] || rm -rf "$WS/data"' EXIT

echo "== generating $((SHARDS * FILES)) files of $KIB KiB"
for s in $(seq -w 1 $SHARDS); do
  mkdir -p "data/shard-$s"
  head -c $((FILES * KIB * 1024)) /dev/urandom | split -b $((KIB * 1024)) -d -a 4 - "data/shard-$s/f"
done
du -sh data

# the workspace: the repo's engine and build props, a generated build with 10 bash stages in a chain
mkdir -p src && cp -r "$REPO/src/Pipeline.Engine" src/ && rm -rf src/Pipeline.Engine/bin src/Pipeline.Engine/obj && cp -r "$REPO/eng" .
cp "$REPO"/Directory.Build.props "$REPO"/Directory.Build.targets "$REPO"/Directory.Packages.props "$REPO"/global.json "$REPO"/build.sh .
mkdir -p build stages .nuke
echo '{ "Target": "S10" }' > .nuke/parameters.json
cat > build/_build.csproj <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><RootNamespace></RootNamespace><AssemblyName>_build</AssemblyName></PropertyGroup>
  <ItemGroup><ProjectReference Include="../src/Pipeline.Engine/Pipeline.Engine.csproj" /></ItemGroup>
</Project>
XML
{
  echo 'using Pipeline.Engine;'
  echo 'partial class Build {'
  echo '  public static int Main(string[] args) => Engine.Run<Build>(args);'
  for s in $(seq -w 1 $SHARDS); do
    prev=$((10#$s - 1))
    input=""; [ "$prev" -gt 0 ] && input=".Input(\"prev\", S$(printf %02d $prev))"
    echo "  Stage S$s => _ => _.Command(\"bash\", \"stages/stage.sh\").Code(\"stages/stage.sh\").Input(\"data\", \"data/shard-$s\")$input.Outputs(\"out.txt\");"
  done
  echo '}'
} > build/Build.cs
cat > stages/stage.sh <<'SH'
while [ $# -gt 0 ]; do case "$1" in --output) O="$2";; esac; shift 2; done
echo "$PIPELINE_STAGE" > "$O/out.txt"
SH

echo "== first run (builds the build project, hashes 2 GB cold, runs 10 stages)"
/usr/bin/time -f "%e s" ./build.sh --plain > first-run.log 2>&1 || { cat first-run.log; exit 1; }
tail -2 first-run.log

DLL=".pipeline/build-tool/_build.dll"
best() { sort -n | head -1; }
timeit() { local t0 t1; t0=$(date +%s.%N); "$@" > /dev/null 2>&1; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }

echo "== no-op, warm stat cache (best of 5)"
/usr/bin/time -f "%e s wall, %U s user + %S s sys" dotnet "$DLL" --plain 2>&1 >/dev/null | sed 's/^/no-op CPU time (one run): /'
for i in 1 2 3 4 5; do timeit dotnet "$DLL" --plain; done | best | sed 's/^/engine alone (dotnet _build.dll): /;s/$/ s/'
for i in 1 2 3 4 5; do timeit ./build.sh --plain; done | best | sed "s#^#whole ./build.sh: #;s#\$# s#"

echo "== cold hashing of page-cached files (stat cache deleted; best of 3)"
cat data/*/* > /dev/null
BYTES=$(du -sb data | cut -f1)
for i in 1 2 3; do rm -f .pipeline/statcache.tsv; timeit dotnet "$DLL" Status; done | best > cold.txt
echo "Status with no stat cache: $(cat cold.txt) s for $BYTES bytes => $(echo "scale=2; $BYTES / $(cat cold.txt) / 1000000000" | bc) GB/s (includes ~0.2 s of process start and no-op work)"
rm -f .pipeline/statcache.tsv
/usr/bin/time -f "%e s wall, %U s user + %S s sys" dotnet "$DLL" Status 2>&1 >/dev/null | sed 's/^/cold Status CPU time: /'
echo "load average during the benchmark: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$DLL" Status > /dev/null # leave a warm cache

echo "== no-op with 5,000 output files: each stage hard-links its 500-file shard into its output folder (best of 5)"
cat > stages/stage.sh <<'SH'
while [ $# -gt 0 ]; do case "$1" in --output) O="$2";; --input) case "$2" in data=*) D="${2#data=}";; esac;; esac; shift 2; done
echo "$PIPELINE_STAGE" > "$O/out.txt"; cp -rl "$D" "$O/shard"
SH
./build.sh --plain > linked-run.log 2>&1 || { cat linked-run.log; exit 1; }
tail -1 linked-run.log
echo "files verified per no-op: $(find out -type f | wc -l) in out/ + $(find data -type f | wc -l) in data/"
/usr/bin/time -f "%e s wall, %U s user + %S s sys" dotnet "$DLL" --plain 2>&1 >/dev/null | sed 's/^/no-op CPU time (one run): /'
for i in 1 2 3 4 5; do timeit dotnet "$DLL" --plain; done | best | sed 's/^/engine alone, 5,000 output files: /;s/$/ s/'
PIPELINE_TIMINGS=1 dotnet "$DLL" --plain 2>&1 >/dev/null | sed 's/^/  /'

if command -v snakemake > /dev/null; then
  echo "== snakemake -n on the same 10-rule DAG"
  {
    for s in $(seq -w 1 $SHARDS); do
      prev=$((10#$s - 1))
      extra=""; [ "$prev" -gt 0 ] && extra=", prev=\"sm/S$(printf %02d $prev).txt\""
      echo "rule S$s:"
      echo "    input: data=expand(\"data/shard-$s/{f}\", f=glob_wildcards(\"data/shard-$s/{f}\").f)$extra"
      echo "    output: \"sm/S$s.txt\""
      echo "    shell: \"echo S$s > {output}\""
    done
    echo "rule all:"; echo "    input: \"sm/S$(printf %02d $SHARDS).txt\""; echo "    default_target: True"
  } > Snakefile
  snakemake -c2 -q > snakemake-first.log 2>&1 || { cat snakemake-first.log; exit 1; }
  for i in 1 2 3; do timeit snakemake -n -q; done | best | sed 's/^/snakemake -n: /;s/$/ s/'
fi
