#!/usr/bin/env bash
# Browser tests of the recruiter's checker (web/tests/, Playwright driving headless Chromium):
# builds the page and the CLI it is compared with, then runs node's test runner.
# Needs: the wasm32 target, Node.js with web/node_modules (cd web && npm ci), and Chromium at
# /usr/bin/chromium (Debian's package `chromium`; set CHROMIUM=PATH for another).
# Screenshots and timing land in web/test-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-web.sh
# The CLI the page is compared with: the dev build `cargo test` makes too (same answers as
# release, and no second long build in CI). RUNG_BIN=PATH compares with another.
if [ -z "${RUNG_BIN:-}" ]; then
  cargo build --locked --bin rung
  export RUNG_BIN="$PWD/target/debug/rung"
fi
[ -d web/node_modules/playwright-core ] || (cd web && npm ci --no-audit --no-fund)
cd web && node --test --test-reporter=spec tests/
