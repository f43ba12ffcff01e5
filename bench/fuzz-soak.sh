#!/usr/bin/env bash
# Every true entry must survive 10,000 fuzz cases for each of 20 seeds: runs `check` per seed with the
# symbolic engine and the fuzzer (Z3 off), and counts refutations beyond the catalogs' expected errata.
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${CASES:-10000}
seeds=${SEEDS:-20}
dotnet build -c Release src/TraceVerify.Cli >/dev/null
tool=src/TraceVerify.Cli/bin/Release/net10.0/traceverify.dll
total_unexpected=0
for seed in $(seq 1 "$seeds"); do
  out=$(mktemp)
  set +e
  dotnet "$tool" check identities.yaml identities/*.yaml --cases "$cases" --seed "$seed" --no-z3 --timeout 600 --format json >"$out"
  status=$?
  set -e
  summary=$(python3 -c "
import json,sys
r=json.load(open('$out'))
fuzz=[m for e in r['entries'] for m in e['methods'] if m['name']=='fuzz']
refuted=[e['id'] for e in r['entries'] if any(m['name']=='fuzz' and m['outcome']=='refuted' for m in e['methods'])]
unexpected=[e['id'] for e in r['entries'] if e['id'] in refuted and e['expected']!='refuted']
print(len(fuzz), sum(m['outcome']=='confirmed' for m in fuzz), ','.join(refuted) or '-', len(unexpected))
")
  read -r n confirmed refuted unexpected <<<"$summary"
  echo "seed $seed: $n entries fuzzed, $confirmed confirmed with $cases cases each, refuted: $refuted, unexpected refutations: $unexpected, exit $status"
  total_unexpected=$((total_unexpected + unexpected))
  rm -f "$out"
done
echo "fuzz soak: $seeds seeds x $cases cases: $total_unexpected unexpected refutations"
[ "$total_unexpected" -eq 0 ]
