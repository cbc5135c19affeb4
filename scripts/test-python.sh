#!/usr/bin/env bash
# The Python module's tests: a fresh venv, `pip install ./python pytest pandas polars`, pytest.
# The tests compare the module with the CLI, so the CLI is built first (target/debug/rung,
# or $RUNG_BIN). VENV (default: a temporary folder) is reused when it exists.
#
#   scripts/test-python.sh [PYTEST ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ -z "${RUNG_BIN:-}" ]; then
    cargo build --quiet --bin rung
    export RUNG_BIN=$PWD/target/debug/rung
fi
if [ -z "${VENV:-}" ]; then
    VENV=$(mktemp -d)
    trap 'rm -rf "$VENV"' EXIT
fi
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet ./python pytest pandas polars
# pytest exits 5 when it collects no tests: that is a failure here too (set -e).
"$VENV/bin/python" -m pytest -q -p no:cacheprovider python/tests "$@"
