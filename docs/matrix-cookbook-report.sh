#!/usr/bin/env bash
# The Matrix Cookbook catalog's HTML report, regenerated: docs/matrix-cookbook.html (and the JSON beside it).
#   docs/matrix-cookbook-report.sh            default seed
#   docs/matrix-cookbook-report.sh --seed 7   any `check` option passes through
# Exit code: that of `check` (0 when every verdict matches its `expect`).
set -uo pipefail
cd "$(dirname "$0")/.."
dotnet run --project src/TraceVerify.Cli -- check identities/matrix-cookbook.yaml \
  --report html=docs/matrix-cookbook.html --report json=docs/matrix-cookbook.json "$@"
