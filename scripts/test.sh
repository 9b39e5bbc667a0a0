#!/usr/bin/env bash
# Sets up everything the tests need (Debian packages, .venv, a PostgreSQL server on loopback),
# then runs lint, type checks and the whole test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
EXTRA_PACKAGES="poppler-utils postgresql nsis mdbtools" bash scripts/setup_system.sh
bash scripts/setup_env.sh
if [ -z "${JAMSOS_TEST_PG_URL:-}" ]; then
    JAMSOS_TEST_PG_URL=$(bash scripts/start_test_postgres.sh | tail -n 1)
    export JAMSOS_TEST_PG_URL
fi
export QT_QPA_PLATFORM=offscreen
echo "== ruff"
.venv/bin/ruff check app.py desa_budget ui tests scripts
echo "== mypy"
.venv/bin/mypy
echo "== pytest"
.venv/bin/python -m pytest "$@"
