#!/usr/bin/env bash
# Builds the recruiter's checker: rung's engine as WebAssembly, inlined into one
# self-contained page, web/dist/checker.html (open it from disk; it makes no request).
# Needs the wasm32 target (rustup target add wasm32-unknown-unknown) and Node.js.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --locked -p rung-web --lib --target wasm32-unknown-unknown --profile web
wasm=target/wasm32-unknown-unknown/web/rung_web.wasm
node web/build.mjs "$wasm" web/dist/checker.html
raw=$(wc -c <"$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
page=$(wc -c <web/dist/checker.html)
pagegz=$(gzip -9 -c web/dist/checker.html | wc -c)
echo "engine: $raw bytes ($gz gzipped); page: $page bytes ($pagegz gzipped)"
