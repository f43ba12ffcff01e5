#!/usr/bin/env bash
# Every row of issue 15's targets table, one command each (bench/RESULTS.md, "Targets of issue 15"):
#
#   bench/targets.sh notes    cold `check identities.yaml` (the notes), wall / CPU / peak memory
#   bench/targets.sh full     cold default `check` (identities.yaml and identities/*.yaml)
#   bench/targets.sh jobs     --jobs 2 over --jobs 1 and entries/s on 1,000 mutants of the notes
#   bench/targets.sh derive   d tr(X^256)/dX and the scaling exponents (BenchmarkDotNet project, warm)
#   bench/targets.sh fuzz     exact fuzz cases/s on (19)→(20) (the methods run)
#   bench/targets.sh all      all of the above
#
# RUNS=5 (default) cold runs per figure, interleaved; the minimum is the figure to quote, with the load average
# printed beside it. BEFORE=path/to/other/traceverify also times that binary in the same interleaved runs, for a
# before/after ratio measured side by side (e.g. `git worktree add /tmp/before <rev>` and build it there).
# BUILD=r2r (default) publishes the CLI ReadyToRun (what a CI job installing the tool should do: less JIT at
# start-up); BUILD=jit uses the plain `dotnet build -c Release` output.
# The cases/s row and the peak memory of every row come from the same runs. Needs the .NET SDK and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
row="${1:-all}"
runs="${RUNS:-5}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

cli() {
  if [ "${BUILD:-r2r}" = jit ]; then
    dotnet build -c Release src/TraceVerify.Cli -v quiet -nologo >/dev/null
    echo "$PWD/src/TraceVerify.Cli/bin/Release/net10.0/traceverify"
  else
    dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
      -o "$PWD/bench/.cli" src/TraceVerify.Cli -v quiet -nologo >/dev/null
    echo "$PWD/bench/.cli/traceverify"
  fi
}

timed() {
  local binary
  binary="$(cli)"
  local specs=("after=$binary")
  if [ -n "${BEFORE:-}" ]; then specs=("before=$BEFORE" "${specs[@]}"); fi
  echo "## $1 (${BUILD:-r2r} build, $runs cold runs each, interleaved)"
  python3 bench/cli_runs.py "$1" "$runs" "${specs[@]}"
  echo
}

case "$row" in
  notes | full) timed "$row" ;;
  jobs)
    [ -f bench/mutants-1-1000.yaml ] || bench/mutant-catalog.sh 1 1000 >/dev/null
    timed jobs ;;
  derive)
    echo "## d tr(X^n)/dX (warm, in process; load average $(cut -d' ' -f1-3 /proc/loadavg))"
    dotnet run -c Release --project bench/TraceVerify.Benchmarks -- scaling |
      grep -E '^\| (d tr|vs |fit|derivative|n \|)|^### |^\| 256 ' ;;
  fuzz)
    echo "## fuzz throughput (warm, in process; load average $(cut -d' ' -f1-3 /proc/loadavg))"
    dotnet run -c Release --project bench/TraceVerify.Benchmarks -- methods ;;
  all)
    for r in notes full jobs derive fuzz; do "$0" "$r"; done ;;
  *) sed -n '2,17p' "$0"; exit 64 ;;
esac
