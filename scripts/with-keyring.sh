#!/usr/bin/env bash
# Run a command with an unlocked gnome-keyring Secret Service on the current D-Bus session.
# Used inside `dbus-run-session`; the keyring password only guards a throwaway test keyring.
set -euo pipefail
export XDG_DATA_HOME="${XDG_DATA_HOME:-$(mktemp -d)}"
eval "$(printf %s hakobu-test | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
export GNOME_KEYRING_CONTROL
exec "$@"
