#!/usr/bin/env bash
# Side by side on this machine: SymPy's matrix-expression differentiation and TraceVerify's derivative on the
# same derivatives — the notes' (9), (12), (17), (19)→(20), (24), (27), (31), (41) and both scaling series —
# each with its median time, whether its answer is right, and the ratio. Then TraceVerify's scaling run.
# Writes the tables to bench/RESULTS.md and prints them.
#
#   bench/compare-sympy.sh                 SymPy calls are stopped after 30 s
#   SYMPY_TIMEOUT=120 bench/compare-sympy.sh
#
# Needs the .NET SDK and python3 with sympy (numpy is not needed: SymPy's answers are checked against
# central differences at 60 digits, in SymPy itself).
set -euo pipefail
cd "$(dirname "$0")/.."

timeout_seconds="${SYMPY_TIMEOUT:-30}"
if ! python3 -c 'import sympy' 2>/dev/null; then
  echo "compare-sympy: python3 with sympy is required (pip install sympy)" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "building the bench program (Release)…" >&2
dotnet build -c Release bench/TraceVerify.Benchmarks -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
bench=(dotnet bench/TraceVerify.Benchmarks/bin/Release/net10.0/TraceVerify.Benchmarks.dll)

"${bench[@]}" list "$work/list.json"
echo "SymPy (each diff() limited to ${timeout_seconds} s)…" >&2
python3 bench/sympy_side.py "$work/list.json" "$work/sympy.json" --timeout "$timeout_seconds"
echo "TraceVerify…" >&2
set +e
"${bench[@]}" compare "$work/list.json" "$work/sympy.json" >"$work/compare.md"
compare_status=$?
"${bench[@]}" scaling >"$work/scaling.md"
scaling_status=$?
"${bench[@]}" methods >"$work/methods.md"
set -e

sympy_version="$(python3 -c 'import sympy; print(sympy.__version__)')"
python_version="$(python3 -c 'import platform; print(platform.python_version())')"
dotnet_version="$(dotnet --version)"
cpu="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)"
{
  echo "# Performance results"
  echo
  echo "Measured by \`bench/compare-sympy.sh\` on $(date -u +%Y-%m-%d): ${cpu:-unknown CPU}, $(nproc) cores,"
  echo ".NET SDK ${dotnet_version}, Python ${python_version}, SymPy ${sympy_version}; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "## TraceVerify and SymPy on the same derivatives"
  echo
  echo "Both timed from built expressions to the derivative, warm, median of repeats (SymPy's cache cleared"
  echo "before every call; TraceVerify in process). TraceVerify's answer is correct when its canonical index form"
  echo "equals the notes' printed formula (the closed form for the series); SymPy's when its result, evaluated"
  echo "on random matrices, matches central differences of f at 60 digits. SymPy calls are stopped after"
  echo "${timeout_seconds} s; after a timeout the larger members of that series are not attempted."
  echo
  cat "$work/compare.md"
  echo "## Scaling of TraceVerify's derivative"
  echo
  sed '1,2d' "$work/scaling.md"
  echo "## The methods beside the symbolic engine"
  echo
  cat "$work/methods.md"
} >bench/RESULTS.md

cat bench/RESULTS.md
if [ "$compare_status" -ne 0 ] || [ "$scaling_status" -ne 0 ]; then
  echo "compare-sympy: some TraceVerify answer differs from its closed form (see DIFFERENT above)" >&2
  exit 1
fi
