#!/usr/bin/env bash
# Where the BlueGreen analyzers' time goes, method by method (docs/performance.md).
#
#   tests/BlueGreen.Analyzers.Benchmarks/profile.sh [N=400] [cold|edit] [ITERATIONS=3] [BOUND=false]
#
# Runs the benchmark program's `profile` mode (CompilationAnalysis.Get repeated on a generated history: cold, or
# after edits to one migration's Up) under dotnet-trace's thread-time sampler (~100 Hz), and prints, for the stacks
# inside CompilationAnalysis.Compute only, the inclusive and exclusive share of each method (top 40 of each).
# BOUND=true binds each compilation first (GetDiagnostics), as the compiler has in a build.
#
# Needs dotnet-trace: $DOTNET_TRACE, else on PATH, else installed into ${TMPDIR:-/tmp}/bluegreen-tools
# (dotnet tool install --tool-path, version 10.0.750501), and python3.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
n="${1:-400}"
scenario="${2:-cold}"
iterations="${3:-3}"
bound="${4:-false}"
work="${BLUEGREEN_PERF_DIR:-${TMPDIR:-/tmp}/bluegreen-perf}"
mkdir -p "$work"

trace="${DOTNET_TRACE:-}"
if [ -z "$trace" ]; then
  if command -v dotnet-trace > /dev/null; then
    trace=dotnet-trace
  else
    tools="${TMPDIR:-/tmp}/bluegreen-tools"
    if [ ! -x "$tools/dotnet-trace" ]; then
      dotnet tool install --tool-path "$tools" dotnet-trace --version 10.0.750501 >&2
    fi
    trace="$tools/dotnet-trace"
  fi
fi

dotnet build "$here/BlueGreen.Analyzers.Benchmarks.csproj" -c Release -nologo -v:q >&2
program="$here/bin/Release/net10.0/BlueGreen.Analyzers.Benchmarks.dll"
output="$work/profile-n$n-$scenario-bound-$bound"
rm -f "$output.nettrace" "$output.speedscope.json"
"$trace" collect --profile dotnet-sampled-thread-time --format Speedscope --show-child-io -o "$output.nettrace" -- \
  dotnet "$program" profile --migrations "$n" --scenario "$scenario" --iterations "$iterations" --bound "$bound" >&2

# In the edit scenario the first analysis is the cold one that warms the cache: it is left out, with every sample
# before the two-second pause the program makes after it (sampled stacks open and close a frame many times per call,
# so counting calls cannot tell where the cold one ends).
skip=0
if [ "$scenario" = "edit" ]; then
  skip=1
fi

python3 - "$output.speedscope.json" "$skip" <<'PYTHON'
import json, sys, collections

ROOT = "CompilationAnalysis.Compute"
SKIP = int(sys.argv[2]) if len(sys.argv) > 2 else 0
PAUSE_MS = 1500
data = json.load(open(sys.argv[1]))
frames = [frame["name"] for frame in data["shared"]["frames"]]

# dotnet-trace ends each sampled stack with a pseudo-frame telling whether the thread ran managed code: its time
# is the own time of the frame above it.
PSEUDO = {"CPU_TIME", "UNMANAGED_CODE_TIME"}
inclusive = collections.Counter()
exclusive = collections.Counter()
total = 0.0
activations = 0
for profile in data["profiles"]:
    stack = []  # (frame, opened at, time spent in real children)
    skipping = SKIP > 0
    last_root_close = None
    for event in profile.get("events", []):
        if event["type"] == "O":
            if ROOT in frames[event["frame"]] and not any(ROOT in frames[entry[0]] for entry in stack):
                # The first root frame opened after a pause of the analyzing thread ends the skipped part.
                if skipping and last_root_close is not None and event["at"] - last_root_close > PAUSE_MS:
                    skipping = False
                if not skipping:
                    activations += 1
            stack.append([event["frame"], event["at"], 0.0])
            continue
        if ROOT in frames[stack[-1][0]] and not any(ROOT in frames[entry[0]] for entry in stack[:-1]):
            last_root_close = event["at"]
        if skipping:
            stack.pop()
            continue
        frame, opened, children = stack.pop()
        duration = event["at"] - opened
        name = frames[frame]
        if stack and name not in PSEUDO:
            stack[-1][2] += duration
        names = [frames[entry[0]] for entry in stack] + [name]
        if not any(ROOT in candidate for candidate in names):
            continue
        if name in PSEUDO:
            continue
        if ROOT in name:
            total += duration
        # Count a frame once per stack (recursion), at its outermost activation.
        if not any(frames[entry[0]] == name for entry in stack):
            inclusive[name] += duration
        exclusive[name] += duration - children

if total == 0:
    sys.exit("no samples inside " + ROOT)

def short(name):
    return name if len(name) <= 150 else name[:147] + "..."

print(f"time inside {ROOT}: {total:.0f} ms (sampled, wall-clock), {activations} sampled activations" + (" (the cold analysis before the pause left out)" if SKIP else ""))
print("\ninclusive (method and what it calls):")
for name, value in inclusive.most_common(40):
    print(f"  {100 * value / total:5.1f} %  {short(name)}")
print("\nexclusive (the method's own code):")
for name, value in exclusive.most_common(40):
    print(f"  {100 * value / total:5.1f} %  {short(name)}")
PYTHON
