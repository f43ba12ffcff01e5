#!/usr/bin/env bash
# A generated catalog for throughput benchmarks: bench/mutant-catalog.sh [SEED] [COUNT] [OUT]
# (default 1, 1000, bench/mutants-SEED-COUNT.yaml) writes COUNT mutants of the notes (identities.yaml) —
# the soundness suite's Mutator (transposed or swapped factors, changed signs and coefficients, dropped or
# duplicated terms, …) — as one catalog file. Same seed and count, same file, byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:-1}
count=${2:-1000}
out=$(realpath -m "${3:-bench/mutants-$seed-$count.yaml}")
dotnet build TraceVerify.sln -v quiet -nologo >/dev/null
TV_MUTANT_CATALOG="$out" TV_MUTANT_SEED="$seed" TV_MUTANT_COUNT="$count" \
  dotnet test TraceVerify.sln --no-build --filter "FullyQualifiedName~Soundness.MutantCatalogTests" >/dev/null
echo "$out"
