#!/usr/bin/env bash
# Figshare .mat read throughput: our reader (PureHDF) against h5py on the same generated files, side by side.
# Usage: bash benchmarks/io/figshare/run.sh [work folder] (ROUNDS=3, N=3064). Needs dotnet and /usr/bin/python3 with
# h5py (apt-get install -y python3-h5py). The files are generated into the work folder, never into the repository.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${1:-$(mktemp -d)}/figshare"
n="${N:-3064}"
if [ "$(find "$work" -maxdepth 1 -name '*.mat' 2>/dev/null | wc -l)" -ne "$n" ]; then
  rm -rf "$work"
  /usr/bin/python3 "$here/make_figshare.py" "$work" "$n"
fi
echo "$n files, $(du -sm "$work" | cut -f1) MB on disk; CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
dotnet build -c Release "$here/../IoBenchmark" >/dev/null
dll="$here/../IoBenchmark/bin/Release/net10.0/IoBenchmark.dll"
cat "$work"/*.mat >/dev/null   # both readers start from the page cache
for round in $(seq "${ROUNDS:-3}"); do
  echo "round $round"
  dotnet "$dll" figshare "$work"
  /usr/bin/python3 "$here/h5py_read.py" "$work"
done
