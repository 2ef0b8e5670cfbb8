"""Print a tone sample for a labeller: each row's sentence with the target mention in [[ ]] (text read from
../shared, never stored).

    python scripts/show_tone_sample.py benchmarks/samples/tone_sample_r2.tsv [--every 2]
    python scripts/show_tone_sample.py benchmarks/samples/tone_train_r1.tsv [--rows 0-199]
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

from newsprism.bench.task_frames import ALLSIDES_FILE


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sample", type=Path)
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    ap.add_argument("--every", type=int, default=1, help="only rows whose number is a multiple of this")
    ap.add_argument("--rows", default="", help="only rows FIRST-LAST (inclusive), e.g. 0-199")
    args = ap.parse_args()
    first, _, last = args.rows.partition("-")
    lo, hi = int(first or 0), int(last or first or 10**9)
    with args.sample.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader((x for x in fh if not x.startswith("#")), delimiter="\t"))
    wanted = {r["record_id"] for r in rows}
    texts: dict[str, str] = {}
    with (args.data / "allsides" / ALLSIDES_FILE).open(encoding="utf-8") as fh:
        for d in map(json.loads, fh):
            if str(d["ID"]) in wanted:
                texts[str(d["ID"])] = str(d.get("content_original") or "")
    for r in rows:
        if int(r["row"]) % args.every or not lo <= int(r["row"]) <= hi:
            continue
        t = texts[r["record_id"]]
        s, e, ts, te = (int(r[k]) for k in ("sent_start", "sent_end", "target_start", "target_end"))
        shown = t[s:ts] + "[[" + t[ts:te] + "]]" + t[te:e]
        print(f"row {r['row']} ({r['kind']}): {' '.join(shown.split())}\n")


if __name__ == "__main__":
    main()
