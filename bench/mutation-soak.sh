#!/usr/bin/env bash
# The mutation suite at scale: bench/mutation-soak.sh SEED COUNT (default 1 and 10000) mutates the shipped
# catalogs, decides each mutant with the independent oracle and checks it with the real verifier (the same
# test as the CI sample, Soundness.MutationSuiteTests, with TV_MUTATION_SEED / TV_MUTATION_COUNT set).
# Prints one summary line per mutation category; the full report, with the YAML of every wrong verdict,
# goes to mutation-soak-SEED-COUNT.txt. Exit 0 only with no wrong verdict.
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:-1}
count=${2:-10000}
report="$PWD/mutation-soak-$seed-$count.txt"
dotnet build TraceVerify.sln >/dev/null
set +e
TV_MUTATION_SEED="$seed" TV_MUTATION_COUNT="$count" TV_MUTATION_REPORT="$report" \
  dotnet test TraceVerify.sln --no-build --filter "FullyQualifiedName~Soundness.MutationSuiteTests" >/dev/null 2>&1
status=$?
set -e
if [ ! -f "$report" ]; then echo "mutation soak: no report written (test exit $status)"; exit 2; fi
sed -n '1,/^all /p' "$report"
echo "full report: $report"
exit "$status"
