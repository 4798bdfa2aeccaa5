#!/usr/bin/env bash
# The BlueGreen analyzers' share of the compiler's time in a real `dotnet build` (docs/performance.md).
#
#   tests/BlueGreen.Analyzers.Benchmarks/report-analyzer.sh [N ...]      (default: 100 400)
#
# For each N: generates an EF Core 10 SQL Server project with N migrations (tests/BlueGreen.Analyzers.Benchmarks,
# `generate` mode), restores it and builds the analyzer projects (with SERVER=1 also builds it once, warming the
# server), then rebuilds only
# that project REPEAT times (default 2) with csc single-threaded and analyzer timing:
#   -p:CompilerResponseFile=serial.rsp   a response file holding `-parallel-` (the Csc task has no switch for it;
#                                        its ResponseFiles parameter is fed from $(CompilerResponseFile))
#   -p:ReportAnalyzer=true -v:d          the compiler's analyzer execution time tables in the log
#   -clp:PerformanceSummary              the Csc task's time
# and prints, per N, the Csc time, the BlueGreen analyzers' time and their share (the smallest of the runs for
# each), then the growth from the first N to the others: analyzer time growth / input line growth.
#
# Environment: REPEAT (rebuilds per N, default 2); BLUEGREEN_PERF_DIR (where projects go, default
# ${TMPDIR:-/tmp}/bluegreen-perf); ANALYZER_REPO (a folder holding src/BlueGreen.Analyzers*, e.g. a `git archive` of
# one commit; default: this repository); SERVER=1 to compile through a compiler server of this script's own (its own
# pipe name, warmed by the first build, stopped by its process id at the end) instead of what the environment says
# (UseSharedCompilation; this project's machines set it to false: csc runs, and JIT-compiles the analyzers, per build).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "${ANALYZER_REPO:-$here/../..}" && pwd)"
work="${BLUEGREEN_PERF_DIR:-${TMPDIR:-/tmp}/bluegreen-perf}"
repeat="${REPEAT:-2}"
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then
  sizes=(100 400)
fi

# With SERVER=1, a compiler server of our own: other builds on the machine neither share it nor slow it from inside.
pipe="bluegreen-perf-$$"
server=()
if [ "${SERVER:-0}" = "1" ]; then
  server=(-p:UseSharedCompilation=true -p:SharedCompilationId="$pipe")
fi
stop_server() {
  local pid
  for pid in $(pgrep -f -- "-pipename:$pipe" || true); do
    kill "$pid" 2>/dev/null || true
  done
}
trap stop_server EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "building the generator..." >&2
BLUEGREEN_ANALYZERS_PROJECT="$repo/src/BlueGreen.Analyzers/BlueGreen.Analyzers.csproj" \
  dotnet build "$here/BlueGreen.Analyzers.Benchmarks.csproj" -c Release -nologo -v:q >&2
generator="$here/bin/Release/net10.0/BlueGreen.Analyzers.Benchmarks.dll"

# Seconds of one number printed with 3 decimals.
ms_to_s() { awk -v ms="$1" 'BEGIN { printf "%.3f", ms / 1000 }'; }

declare -A lines csc analyzer
for n in "${sizes[@]}"; do
  dir="$work/n$n"
  echo "N=$n: generating $dir" >&2
  dotnet "$generator" generate --migrations "$n" --out "$dir" --repo "$repo" >&2
  printf -- '-parallel-\n' > "$dir/serial.rsp"
  lines[$n]=$(find "$dir" -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' -print0 | xargs -0 cat | wc -l)

  # Restore, and build the analyzer projects the project references (not the project: one full compile per
  # rebuild below is enough). With SERVER=1 a first full build also warms the compiler server.
  echo "N=$n: restore and analyzer projects" >&2
  dotnet restore "$dir/Contoso.Commerce.csproj" -nologo -v:q >&2
  for analyzer_project in "$repo/src/BlueGreen.Analyzers/BlueGreen.Analyzers.csproj" "$repo/src/BlueGreen.Analyzers.CodeFixes/BlueGreen.Analyzers.CodeFixes.csproj"; do
    dotnet build "$analyzer_project" -c Release -nologo -v:q -clp:ErrorsOnly >&2
  done
  if [ "${SERVER:-0}" = "1" ]; then
    dotnet build "$dir/Contoso.Commerce.csproj" -c Release -nologo -v:q --no-restore "${server[@]}" -clp:ErrorsOnly >&2
  fi

  best_csc="" best_analyzer=""
  for run in $(seq 1 "$repeat"); do
    log="$dir/rebuild-$run.log"
    load_before=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
    echo "N=$n: rebuild $run/$repeat, csc -parallel-, ReportAnalyzer -> $log" >&2
    dotnet build "$dir/Contoso.Commerce.csproj" -c Release -nologo --no-restore -t:Rebuild \
      -p:BuildProjectReferences=false -p:ReportAnalyzer=true -p:CompilerResponseFile="$dir/serial.rsp" "${server[@]}" \
      -v:d -clp:PerformanceSummary > "$log"

    if grep -q "analyzers can run concurrently" "$log"; then
      echo "warning: the compiler ran analyzers concurrently; -parallel- was not applied" >&2
    fi

    # Task Performance Summary: "   12345 ms  Csc   1 calls".
    csc_ms=$(awk '/Task Performance Summary/ { summary = 1 } summary && $3 == "Csc" && $2 == "ms" { print $1 }' "$log" | tail -1)
    # Analyzer table rows of the BlueGreen assemblies: "   0.084    2   BlueGreen.Analyzers, Version=0.1.0.0, ...".
    analyzer_s=$(awk '$3 ~ /^BlueGreen\.Analyzers/ && $4 ~ /^Version=/ { sum += $1; found = 1 } END { if (found) printf "%.3f", sum }' "$log")
    if [ -z "$csc_ms" ] || [ -z "$analyzer_s" ]; then
      echo "error: no Csc time or no BlueGreen analyzer row in $log" >&2
      exit 1
    fi

    csc_s=$(ms_to_s "$csc_ms")
    warnings=$(grep -c "warning BG0001" "$log" || true)
    load_after=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
    echo "N=$n run $run: Csc ${csc_s} s, BlueGreen analyzers ${analyzer_s} s, BG0001 lines in the log: $warnings (load average ${load_before} -> ${load_after} on $(nproc) cores; wall-clock times grow with it)" >&2
    if [ -z "$best_csc" ] || awk -v a="$csc_s" -v b="$best_csc" 'BEGIN { exit !(a < b) }'; then best_csc=$csc_s; fi
    if [ -z "$best_analyzer" ] || awk -v a="$analyzer_s" -v b="$best_analyzer" 'BEGIN { exit !(a < b) }'; then best_analyzer=$analyzer_s; fi
  done
  csc[$n]=$best_csc
  analyzer[$n]=$best_analyzer
done

echo
printf '%-10s %12s %12s %16s %10s\n' "migrations" "lines" "Csc (s)" "BlueGreen (s)" "share"
for n in "${sizes[@]}"; do
  share=$(awk -v a="${analyzer[$n]}" -v c="${csc[$n]}" 'BEGIN { printf "%.2f %%", 100 * a / c }')
  printf '%-10s %12s %12s %16s %10s\n' "$n" "${lines[$n]}" "${csc[$n]}" "${analyzer[$n]}" "$share"
done

first="${sizes[0]}"
for n in "${sizes[@]:1}"; do
  awk -v n0="$first" -v n1="$n" -v l0="${lines[$first]}" -v l1="${lines[$n]}" -v a0="${analyzer[$first]}" -v a1="${analyzer[$n]}" -v c0="${csc[$first]}" -v c1="${csc[$n]}" 'BEGIN {
    lg = l1 / l0; ag = a1 / a0; cg = c1 / c0
    printf "growth %s -> %s: input lines x%.2f, BlueGreen time x%.2f, Csc time x%.2f; analyzer growth / input growth = %.2f (target <= 1.10)\n", n0, n1, lg, ag, cg, ag / lg
  }'
done
