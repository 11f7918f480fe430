#!/usr/bin/env bash
# `npm run test:e2e`: installs the tools idempotently (setup-e2e.sh: Debian chromium, libkrb5-dev,
# neovim, git; Node 24 and code-server from npm under ${E2E_TOOLS:-$HOME/.cache/llm-d-contrib-e2e}),
# then runs run-all.ts under Node 24 (build, package, suite in code-server, UI smoke, Neovim).
# The last line of the output is "N passed, N failed"; the exit code is 0 only if nothing failed.
set -uo pipefail
cd "$(dirname "$0")/../.."
if ! exports=$(bash test/e2e/setup-e2e.sh | tail -1) || [[ "$exports" != export* ]]; then
  echo "setup-e2e.sh failed"
  echo "0 passed, 1 failed"
  exit 1
fi
# The language server in the Neovim check runs on the machine's own Node (engines: >=20.19);
# code-server and the runners run on Node 24.
export E2E_SERVER_NODE=${E2E_SERVER_NODE:-$(command -v node)}
eval "$exports"
exec node --import tsx test/e2e/run-all.ts
