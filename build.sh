#!/usr/bin/env bash
# Bootstrap (Nuke style): find dotnet, build build/_build.csproj only when its sources changed, run it from the
# repository root with every argument. Exit codes: 0 ok, 1 a stage failed, 2 bad usage or bad input.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

DOTNET=""
if command -v dotnet >/dev/null 2>&1; then DOTNET="$(command -v dotnet)"
elif [ -n "${DOTNET_ROOT:-}" ] && [ -x "$DOTNET_ROOT/dotnet" ]; then DOTNET="$DOTNET_ROOT/dotnet"
elif [ -x "$HOME/.dotnet/dotnet" ]; then DOTNET="$HOME/.dotnet/dotnet"
else
  echo "error: the .NET SDK 10 was not found (looked on PATH, in \$DOTNET_ROOT and ~/.dotnet)." >&2
  echo "Install it from https://dot.net (e.g. 'curl -sSL https://dot.net/v1/dotnet-install.sh | bash -s -- --channel 10.0')," >&2
  echo "or on Debian/Ubuntu 'apt-get install dotnet-sdk-10.0', then rerun ./build.sh." >&2
  exit 2
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

STAMP=".pipeline/build-project.stamp"
TOOL=".pipeline/build-tool"
hash_sources() {
  { find build src/Pipeline.Engine -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' \) \
      -not -path '*/bin/*' -not -path '*/obj/*' -print0 | sort -z | xargs -0 sha1sum
    sha1sum Directory.*.props Directory.*.targets global.json 2>/dev/null || true
  } | sha1sum | cut -d' ' -f1
}
CURRENT="$(hash_sources)"
if [ ! -f "$TOOL/_build.dll" ] || [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$CURRENT" ]; then
  echo "building the build project (build/_build.csproj)..." >&2
  mkdir -p .pipeline && rm -rf "$TOOL"
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) RID=linux-x64 ;; Linux-aarch64) RID=linux-arm64 ;; Darwin-arm64) RID=osx-arm64 ;; Darwin-x86_64) RID=osx-x64 ;; *) RID="" ;;
  esac
  # ReadyToRun (precompiled) when the runtime pack and crossgen are available, a plain build otherwise
  if [ -z "$RID" ] || ! "$DOTNET" publish build/_build.csproj -c Release -r "$RID" --self-contained false -p:PublishReadyToRun=true \
        -p:CustomAfterMicrosoftCommonTargets="$ROOT/src/Pipeline.Engine/ReadyToRun.targets" -o "$TOOL" -nologo -v:q -clp:NoSummary \
        > .pipeline/build-project.log 2>&1; then
    if ! "$DOTNET" build build/_build.csproj -c Release -o "$TOOL" -nologo -v:q -clp:NoSummary > .pipeline/build-project.log 2>&1; then
      cat .pipeline/build-project.log >&2
      echo "error: build/_build.csproj does not compile (see above)" >&2
      exit 2
    fi
  fi
  echo "$CURRENT" > "$STAMP"
fi
exec "$DOTNET" "$TOOL/_build.dll" "$@"
