#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build and test newsdrop (Swift itself is
# expected at /opt/swift or on PATH). Idempotent; uses sudo when not root.
set -euo pipefail
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
need=()
pkg-config --exists libsystemd 2>/dev/null || need+=(libsystemd-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v python3 >/dev/null || need+=(python3)
command -v jq >/dev/null || need+=(jq)
command -v make >/dev/null || need+=(make)
# fault injection for `make fault-test` (docs/reliability.md)
command -v fiu-run >/dev/null || need+=(fiu-utils libfiu-dev)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
command -v swift >/dev/null || [ -x /opt/swift/usr/bin/swift ] || {
  echo "setup: no Swift toolchain found (expected swift on PATH or /opt/swift/usr/bin)" >&2; exit 1; }
echo "setup: ok"
