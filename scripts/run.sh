#!/usr/bin/env bash
# Sets up the machine and .venv on first use, then opens the app (on the demo village when no other data exists).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup_system.sh
bash scripts/setup_env.sh
exec .venv/bin/python app.py --demo "$@"
