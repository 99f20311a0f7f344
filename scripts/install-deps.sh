#!/usr/bin/env bash
# Installs the Debian 12 packages handoff needs to build and test, if any is missing.
# Usage: scripts/install-deps.sh [extra-package ...]
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config git
  libyaml-cpp-dev nlohmann-json3-dev libpugixml-dev libcli11-dev doctest-dev libre2-dev libtomlplusplus-dev libgit2-dev libarchive-dev
  "$@"
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "handoff: missing Debian packages: ${missing[*]}; run as root or install them first" >&2
  exit 2
fi
echo "handoff: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
