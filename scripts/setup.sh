#!/usr/bin/env bash
# The one set-up command on a fresh machine (then `npm test`): the system packages and, where the
# system Node is too old, Node 24 (scripts/setup-system.sh, through sudo when not root), then the
# project's own dependencies with `npm ci`. Safe to run again: each step does only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
# Electron downloads its binary lazily; where that is impossible, npm must never try.
export ELECTRON_SKIP_BINARY_DOWNLOAD="${ELECTRON_SKIP_BINARY_DOWNLOAD:-1}"

bash scripts/setup-system.sh
# Node may have just been installed into /usr/local/bin: forget where this shell last found it.
case ":$PATH:" in *:/usr/local/bin:*) ;; *) export PATH="/usr/local/bin:$PATH" ;; esac
hash -r
if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 22 ]; then
  echo "setup: node on PATH is $(node --version 2>/dev/null || echo absent); Hakobu needs 22 or later." >&2
  exit 1
fi

# npm ci starts from an empty node_modules every time. Skip it when node_modules was installed
# by this script from the same lockfile with the same Node (native addons are built for it).
stamp="node_modules/.hakobu-setup"
want="$(sha256sum package-lock.json | cut -d' ' -f1) node-$(node --version)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "setup: node_modules is current (delete $stamp to reinstall)"
else
  npm ci
  echo "$want" > "$stamp"
fi
echo "setup: done. Next: npm test (then npm start runs Hakobu)"
