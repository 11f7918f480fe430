#!/usr/bin/env bash
# Installs what `npm run bench` compares against, only when it is missing:
#  - ripgrep (Debian's package): the read-and-scan floor for the repo figure;
#  - markdownlint-cli2 (an npm devDependency of this repo): the MD043 baseline.
# Safe to run again; prints nothing when everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

if ! command -v rg >/dev/null 2>&1; then
  echo "bench/setup.sh: installing ripgrep (apt-get)" >&2
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
  $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq ripgrep >/dev/null
fi

if [ ! -e node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs ] && [ ! -e node_modules/.bin/markdownlint-cli2 ]; then
  echo "bench/setup.sh: installing devDependencies (npm ci)" >&2
  npm ci --no-audit --no-fund >/dev/null
fi
