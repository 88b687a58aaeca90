#!/usr/bin/env bash
# The one test command (`npm test`): static checks, then every Vitest suite inside a private
# D-Bus session with an unlocked gnome-keyring, so keytar talks to a real Secret Service.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== lint and format"
npx eslint .
npx prettier --check . >/dev/null || { npx prettier --check .; exit 1; }
echo "== electronegativity"
npx tsx scripts/electronegativity/run.ts
echo "== typecheck"
npx tsc -p tsconfig.json
if [ -f src-renderer/tsconfig.json ]; then npx tsc -p src-renderer/tsconfig.json; fi

echo "== tests"
mkdir -p test-results
status=0
dbus-run-session -- bash scripts/with-keyring.sh npx vitest run \
  --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@" || status=$?
node scripts/test-summary.mjs test-results/vitest.json || status=1
exit "$status"
