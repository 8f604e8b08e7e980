#!/usr/bin/env bash
# Runs the I/O benchmarks and prints the tables recorded in benchmarks/io.md.
# Needs: dotnet; /usr/bin/python3 with nibabel (apt-get install -y python3-nibabel).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${1:-$(mktemp -d)}"
dotnet run -c Release --project "$here/IoBenchmark" -- "$work" "${SIDE:-192}" "${REPEATS:-5}"
/usr/bin/python3 "$here/nibabel_read.py" "$work" "${REPEATS:-5}"
