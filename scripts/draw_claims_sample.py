"""Draw the blind claims sample: 150 sentences from AllSides validation-outlet articles.

    .venv/bin/python scripts/draw_claims_sample.py            # writes benchmarks/samples/claims_blind.jsonl
    .venv/bin/python scripts/draw_claims_sample.py --check    # redraws and compares with the committed file
    .venv/bin/python scripts/draw_claims_sample.py --round 2  # writes benchmarks/samples/claims_blind_r2.jsonl
    .venv/bin/python scripts/draw_claims_sample.py --round 3  # writes benchmarks/samples/claims_blind_r3.jsonl
    .venv/bin/python scripts/draw_claims_sample.py --round 4  # writes benchmarks/samples/claims_blind_r4.jsonl
    .venv/bin/python scripts/draw_claims_sample.py --round 5  # writes benchmarks/samples/claims_blind_r5.jsonl

Round N > 1 (seed ``ROUNDS[N]``) skips every record of the earlier rounds (a round becomes tuning data once its
numbers are reported: rounds 1-4 are tuning data, round 5 is the report set). View a round for labelling with
``scripts/show_claims_sample.py``.

Records of the slant validation outlets (``media_split`` with seed ``SPLIT_SEED``, as ``bench slant`` and the
tone/frames samples use) are visited in the order of ``numpy.random.default_rng(DRAW_SEED).permutation``. Each
visited record's raw ``content_original`` is split into sentences by the ``nlp`` stage ONLY (never the claims
stage: the sample must not depend on what is being measured), and one sentence of ``MIN_CHARS``-``MAX_CHARS``
characters with at least one letter is picked by the same rng. ``SIZE`` distinct records; rows sorted by
(record id, start).

Each row holds references only (article text is never copied into the repo): ``sample`` (row number),
``record_id`` (AllSides ``ID``), ``start``/``end`` (character offsets into that record's ``content_original``)
and ``sha`` (first 12 hex digits of the SHA-256 of the sentence, so a changed dataset is detected). Labelling
guide: docs/claims_judging.md. The labels live in a separate file (benchmarks/samples/claims_blind_labels*.jsonl),
written blind, before the claims stage is run on any of these sentences.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

from newsprism.bench.registry import default_data_dir
from newsprism.bench.task_frames import ALLSIDES_FILE, read_allsides_records
from newsprism.datasets.slant import media_split
from newsprism.model import Article, content_id
from newsprism.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "benchmarks" / "samples"
OUT = SAMPLES / "claims_blind.jsonl"
SPLIT_SEED = 13  # the slant media split's seed: its validation outlets
DRAW_SEED = 23  # round 1's own seed (issue 23)
ROUNDS = {1: DRAW_SEED, 2: 47, 3: 83, 4: 131, 5: 173}  # round -> draw seed


def round_path(n: int) -> Path:
    """The sample file of round ``n`` (round 1 keeps its original name)."""
    return OUT if n == 1 else SAMPLES / f"claims_blind_r{n}.jsonl"


def earlier_records(n: int) -> set[str]:
    """Record ids of every committed round before ``n`` (skipped by round ``n``'s draw)."""
    out: set[str] = set()
    for k in range(1, n):
        with round_path(k).open(encoding="utf-8") as fh:
            out |= {str(json.loads(line)["record_id"]) for line in fh if line.strip()}
    return out


SIZE = 150
MIN_CHARS, MAX_CHARS = 3, 600


def sentence_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def draw(
    data_dir: Path, size: int = SIZE, seed: int = DRAW_SEED, skip: frozenset[str] = frozenset()
) -> list[dict[str, object]]:
    """The seeded draw described in the module docstring; records in ``skip`` are never visited."""
    recs = read_allsides_records(data_dir / "allsides" / ALLSIDES_FILE)
    mask = media_split([r["source"] for r in recs], SPLIT_SEED)
    rng = np.random.default_rng(seed)
    nlp = Pipeline(stages=["nlp"])
    rows: list[dict[str, object]] = []
    for i in rng.permutation(np.flatnonzero(mask)):
        text = recs[i]["content"]
        if not text.strip() or str(recs[i]["id"]) in skip:
            continue
        art = nlp(Article(id=content_id(text), text=text))
        cands = [
            (s.start, s.end)
            for s in art.sentences
            if MIN_CHARS <= s.end - s.start <= MAX_CHARS and any(c.isalpha() for c in text[s.start : s.end])
        ]
        if not cands:
            continue
        s, e = cands[int(rng.integers(len(cands)))]
        rows.append({"record_id": recs[i]["id"], "start": s, "end": e, "sha": sentence_sha(text[s:e])})
        if len(rows) == size:
            break
    rows.sort(key=lambda r: (str(r["record_id"]), int(str(r["start"]))))
    return [{"sample": n, **r} for n, r in enumerate(rows)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=None, help="benchmark data (default: ../shared/data)")
    ap.add_argument("--check", action="store_true", help="redraw and compare with the committed sample")
    ap.add_argument("--round", type=int, default=1, choices=sorted(ROUNDS), help="which round (default 1)")
    args = ap.parse_args()
    out = round_path(args.round)
    data_dir = args.data_dir or default_data_dir()
    if not (data_dir / "allsides" / ALLSIDES_FILE).is_file():
        print(f"error: {data_dir / 'allsides' / ALLSIDES_FILE} not found", file=sys.stderr)
        return 2
    skip = frozenset(earlier_records(args.round))
    lines = [json.dumps(r, sort_keys=False) + "\n" for r in draw(data_dir, seed=ROUNDS[args.round], skip=skip)]
    if args.check:
        same = out.is_file() and out.read_text(encoding="utf-8") == "".join(lines)
        print("same as committed" if same else "DIFFERS from committed sample")
        return 0 if same else 1
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_text("".join(lines), encoding="utf-8")
    tmp.replace(out)  # never a half-written sample
    print(
        f"wrote {len(lines)} rows to {out.relative_to(ROOT)} (seed {ROUNDS[args.round]}, {len(skip)} records skipped)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
