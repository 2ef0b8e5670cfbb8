"""Print a blind claims sample for a human labeller: each row's sentence (issue 23).

    .venv/bin/python scripts/show_claims_sample.py benchmarks/samples/claims_blind_r2.jsonl             # labeller a
    .venv/bin/python scripts/show_claims_sample.py benchmarks/samples/claims_blind_r2.jsonl --every 3   # labeller b
    .venv/bin/python scripts/show_claims_sample.py FILE --row 17 --context 300   # one row, 300 chars either side
    .venv/bin/python scripts/show_claims_sample.py FILE --rows 0-49              # rows 0..49 (inclusive)

The text is read from the shared AllSides file (../shared/data/allsides, never the repo); a sentence whose hash
differs from the row's ``sha`` is reported and the row skipped. Shows the outlet, date and title of the article,
the sentence's offsets (the coordinates of ``fact_start``/``fact_end`` for a ``mixed`` label) and nothing that
any model or rule computed. Labelling guide: docs/claims_judging.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import textwrap
from pathlib import Path
from typing import Any

from newsprism.bench.registry import default_data_dir
from newsprism.bench.task_frames import ALLSIDES_FILE


def records(data_dir: Path, wanted: set[str]) -> dict[str, dict[str, Any]]:
    """The AllSides records whose ``ID`` is in ``wanted``."""
    out: dict[str, dict[str, Any]] = {}
    with (data_dir / "allsides" / ALLSIDES_FILE).open(encoding="utf-8") as fh:
        for d in map(json.loads, fh):
            if str(d["ID"]) in wanted:
                out[str(d["ID"])] = d
    return out


def show(row: dict[str, Any], rec: dict[str, Any] | None, context: int) -> str:
    """One row as the labeller sees it (an error line when the record is missing or changed)."""
    n, rid = row["sample"], row["record_id"]
    if rec is None:
        return f"row {n}: record {rid} NOT FOUND in the AllSides file"
    text = str(rec.get("content_original") or "")
    s, e = int(row["start"]), int(row["end"])
    if hashlib.sha256(text[s:e].encode("utf-8")).hexdigest()[:12] != row["sha"]:
        return f"row {n}: record {rid} CHANGED (sha mismatch): skipped"
    head = f"row {n}  record {rid}  [{s}:{e}]  {rec.get('source', '')}, {rec.get('date', '')}: {rec.get('title', '')}"
    body = textwrap.fill(" ".join(text[s:e].split()), 110, initial_indent="  ", subsequent_indent="  ")
    if not context:
        return f"{head}\n{body}"
    before = " ".join(text[max(0, s - context) : s].split())
    after = " ".join(text[e : e + context].split())
    ctx = textwrap.fill(f"…{before} [[ {' '.join(text[s:e].split())} ]] {after}…", 110, initial_indent="    | ")
    return f"{head}\n{body}\n  context:\n{ctx}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sample", type=Path)
    ap.add_argument("--data-dir", type=Path, default=None, help="benchmark data (default: ../shared/data)")
    ap.add_argument("--every", type=int, default=1, help="only rows whose number is a multiple of this")
    ap.add_argument("--rows", default="", help="only rows FIRST-LAST (inclusive), e.g. 0-49")
    ap.add_argument("--row", type=int, default=None, help="only this row")
    ap.add_argument("--context", type=int, default=0, help="also show this many characters either side")
    args = ap.parse_args()
    data_dir = args.data_dir or default_data_dir()
    if not (data_dir / "allsides" / ALLSIDES_FILE).is_file():
        print(f"error: {data_dir / 'allsides' / ALLSIDES_FILE} not found", file=sys.stderr)
        return 2
    first, _, last = args.rows.partition("-")
    lo, hi = int(first or 0), int(last or first or 10**9)
    with args.sample.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    recs = records(data_dir, {str(r["record_id"]) for r in rows})
    for r in rows:
        n = int(r["sample"])
        if n % args.every or not lo <= n <= hi or (args.row is not None and n != args.row):
            continue
        print(show(r, recs.get(str(r["record_id"])), args.context) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
