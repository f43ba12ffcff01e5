#!/usr/bin/env bash
# `traceverify check identities.yaml` from process start to exit (Release build), and where the time goes.
#
#   bench/end-to-end.sh            median of 3 runs per configuration
#   RUNS=5 bench/end-to-end.sh
#
# The JSON report gives each entry's seconds (all its methods together) but not each method's, so the
# breakdown comes from sequential runs (--jobs 1) with methods switched off one at a time:
#   start-up  = a run on a one-entry catalog, minus that entry's seconds (runtime start, command line, a tiny
#               YAML file, report, exit);
#   load      = the sequential run's wall time − its entries' seconds − start-up (reading the real catalog,
#               scheduling, rendering the larger report);
#   symbolic  = the entries' seconds with Z3 off and fuzzing off (binding, canonical forms, explanations);
#   fuzz      = the entries' seconds with Z3 off − symbolic;
#   Z3        = the entries' seconds − the entries' seconds with Z3 off.
# Every entry's seconds include the JIT compilation of code it is the first to run, as in a real check.
# Peak memory is the largest resident size any run reached (TRACEVERIFY_PROFILE=1's peak_rss_mib).
# For the targets of issue 15 (notes, full catalog, --jobs scaling, entries/s, before/after side by side) see
# bench/targets.sh; this script is the breakdown by method.
# Needs the .NET SDK and python3 (to read the JSON reports).
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${RUNS:-3}"
catalog="identities.yaml"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 TRACEVERIFY_PROFILE=1

echo "building the CLI (Release)…" >&2
dotnet build -c Release src/TraceVerify.Cli -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
cli=src/TraceVerify.Cli/bin/Release/net10.0/traceverify

# A definition without an expression: nothing to parse or bind, so start-up does not pay for JIT-compiling
# code that the real run pays for inside its entries' seconds.
cat >"$work/trivial.yaml" <<'YAML'
- id: trivial
  kind: definition
YAML

help="$("$cli" check --help 2>&1 || true)"
no_z3=()
if grep -q -- '--no-z3' <<<"$help"; then no_z3=(--no-z3); fi
# Fuzzing off: --cases 0 where the CLI accepts it, else one case per entry (then "symbolic" includes it).
no_fuzz=(--cases 0)
fuzz_note="fuzzing off (--cases 0)"
set +e
"$cli" check "$work/trivial.yaml" --format json "${no_z3[@]}" --cases 0 >/dev/null 2>"$work/probe.err"
probe=$?
set -e
if [ "$probe" -gt 1 ] || grep -qi 'exception' "$work/probe.err"; then
  no_fuzz=(--cases 1)
  fuzz_note="fuzzing at its minimum (--cases 1: this CLI rejects --cases 0)"
fi

# run NAME ARGS…: RUNS timed runs; prints "median-wall median-sum-of-entry-seconds" and keeps the last JSON.
run() {
  local name="$1"; shift
  local walls=() sums=()
  for ((k = 1; k <= runs; k++)); do
    local start end
    start=$(date +%s%N)
    set +e
    "$cli" check "$@" --format json >"$work/$name.json" 2>"$work/$name.err"
    local status=$?
    set -e
    end=$(date +%s%N)
    if [ "$status" -gt 1 ]; then
      echo "end-to-end: \`traceverify check $*\` exited $status:" >&2
      cat "$work/$name.err" >&2
      exit 1
    fi
    walls+=("$(( (end - start) / 1000 ))")
    sums+=("$(python3 -c 'import json,sys; print(round(sum(e["seconds"] for e in json.load(open(sys.argv[1]))["entries"]) * 1e6))' "$work/$name.json")")
  done
  python3 - "${walls[*]}" "${sums[*]}" <<'PY'
import statistics, sys
walls = [int(x) for x in sys.argv[1].split()]
sums = [int(x) for x in sys.argv[2].split()]
print(statistics.median(walls) / 1e6, statistics.median(sums) / 1e6)
PY
}

echo "timing ${runs} runs per configuration…" >&2
read -r default_wall _ < <(run default "$catalog")
read -r seq_wall seq_sum < <(run sequential "$catalog" --jobs 1)
z3_ran="$(python3 -c 'import json,sys; print(int(any(m["name"] == "z3" for e in json.load(open(sys.argv[1]))["entries"] for m in e["methods"])))' "$work/sequential.json")"
if [ "$z3_ran" = 1 ] && [ ${#no_z3[@]} -gt 0 ]; then
  read -r _ noz3_sum < <(run noz3 "$catalog" --jobs 1 "${no_z3[@]}")
else
  noz3_sum="$seq_sum"
fi
read -r _ symbolic_sum < <(run symbolic "$catalog" --jobs 1 "${no_z3[@]}" "${no_fuzz[@]}")
read -r trivial_wall trivial_sum < <(run startup "$work/trivial.yaml" --jobs 1 "${no_z3[@]}" "${no_fuzz[@]}")
startup_wall="$(python3 -c "print($trivial_wall - $trivial_sum)")"

python3 - "$work" "$default_wall" "$seq_wall" "$seq_sum" "$noz3_sum" "$symbolic_sum" "$startup_wall" \
  "$(nproc)" "$runs" "$fuzz_note" "${#no_z3[@]}" "$z3_ran" <<'PY'
import json, sys
work, default_wall, seq_wall, seq_sum, noz3_sum, symbolic_sum, startup, cores, runs, fuzz_note, has_no_z3, z3_ran = sys.argv[1:]
default_wall, seq_wall, seq_sum, noz3_sum, symbolic_sum, startup = map(float, (default_wall, seq_wall, seq_sum, noz3_sum, symbolic_sum, startup))
report = json.load(open(f"{work}/sequential.json"))
z3_ran = z3_ran == "1"
fuzz_ran = any(m["name"] == "fuzz" for e in report["entries"] for m in e["methods"])
load = seq_wall - seq_sum - startup
rows = [
    ("start-up (runtime, command line, a one-entry catalog, report, exit)", startup),
    ("load (reading identities.yaml, scheduling, rendering the report)", load),
    (f"symbolic (bind, canonical forms, explanations; {fuzz_note if fuzz_ran else 'no fuzz method in this build'})", symbolic_sum),
    ("fuzz (the CLI's default cases per entry)" if fuzz_ran else "fuzz (no fuzz method in this build)", noz3_sum - symbolic_sum),
]
if z3_ran and has_no_z3 != "0":
    rows.append(("Z3", seq_sum - noz3_sum))

print(f"traceverify check {report['catalogs'][0]} — {len(report['entries'])} entries, median of {runs} runs, {cores} cores")
print(f"summary: {report['summary']}")
print()
print("| phase (sequential run, --jobs 1) | seconds | share |")
print("|---|---:|---:|")
for name, seconds in rows:
    print(f"| {name} | {seconds:.3f} | {100 * seconds / seq_wall:.0f}% |")
if not z3_ran:
    print("| Z3 (not run: no entry reports a z3 method in this build) | — | |")
elif has_no_z3 == "0":
    print("| Z3 (included above: this CLI has no --no-z3 to separate it) | — | |")
print(f"| **total, --jobs 1** (process start to exit) | **{seq_wall:.3f}** | 100% |")
print(f"| **total, default --jobs {cores}** (process start to exit) | **{default_wall:.3f}** | |")
import glob, re
peaks = [float(m) for path in glob.glob(f"{work}/*.err") for m in re.findall(r"peak_rss_mib=([0-9.]+)", open(path).read())]
if peaks:
    print(f"| peak resident memory (largest of these runs) | {max(peaks):.0f} MiB | |")
print()
print("slowest entries (sequential run, all methods):")
print()
print("| entry | seconds | methods |")
print("|---|---:|---|")
for e in sorted(report["entries"], key=lambda e: -e["seconds"])[:6]:
    methods = ", ".join(f"{m['name']} {m['outcome']}" for m in e["methods"])
    print(f"| {e['id']} | {e['seconds']:.3f} | {methods} |")
PY
