#!/usr/bin/env bash
# Set up, then run the main job on the seed articles: an HTML report plus a printed summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
SEEDS=${1:-../shared/seeds}
.venv/bin/newsprism analyze "$SEEDS" --format html -o newsprism-report.html
.venv/bin/newsprism compare "$SEEDS" --format html -o newsprism-compare.html
echo "open newsprism-report.html and newsprism-compare.html in a browser"
