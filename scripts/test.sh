#!/usr/bin/env bash
# Set up, then run the whole test suite (ruff and mypy run inside it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m pytest "$@"
