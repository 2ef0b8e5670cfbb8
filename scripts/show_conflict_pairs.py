"""Print the blind conflict sample for a human labeller: each pair's two sentences, the mention in [[ ]].

    .venv/bin/python scripts/show_conflict_pairs.py              # every pair (labeller a)
    .venv/bin/python scripts/show_conflict_pairs.py --every 3    # pairs whose number is a multiple of 3 (labeller b)
    .venv/bin/python scripts/show_conflict_pairs.py --pair 17    # one pair
    .venv/bin/python scripts/show_conflict_pairs.py --context 1  # also one sentence before and after each
    .venv/bin/python scripts/show_conflict_pairs.py --sample benchmarks/samples/conflict_pairs_r2.jsonl  # round 2
    .venv/bin/python scripts/show_conflict_pairs.py --sample benchmarks/samples/conflict_pairs_r3.jsonl  # round 3

The text is read from the shared BASIL files (../shared/data/basil, never the repo); a body whose hash differs
from the sample's ``sha`` is reported and skipped. Shows the outlet, the article's date and title, nothing that any
rule predicted (nor a row's ``stratum`` or ``weight``). Labelling guide: docs/conflicts_judging.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import textwrap
from pathlib import Path

from newsprism.bench.registry import default_data_dir
from newsprism.bench.task_stories import basil_article

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "benchmarks" / "samples" / "conflict_pairs.jsonl"


def _article(data_dir: Path, record: str, cache: dict[str, tuple[str, str, str, str]]) -> tuple[str, str, str, str]:
    """(body, outlet, date, title) of one BASIL record."""
    if record not in cache:
        path = data_dir / record
        art, _ = basil_article(path)
        cache[record] = (art.text, art.outlet or "?", art.published or "no date", art.title or "")
    return cache[record]


def _context(text: str, start: int, end: int, n: int) -> tuple[int, int]:
    """Widen [start, end) by ``n`` sentences each side (a rough split on '. ' and line breaks)."""
    for _ in range(n):
        cut = max(text.rfind(". ", 0, max(start - 2, 0)), text.rfind("\n", 0, max(start - 1, 0)))
        start = cut + 1 if cut >= 0 else 0
        nxt = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
        end = min(nxt) + 1 if nxt else len(text)
    return start, end


def render(side: dict[str, int | str], data_dir: Path, cache: dict[str, tuple[str, str, str, str]], n: int) -> str:
    text, outlet, date, title = _article(data_dir, str(side["record"]), cache)
    if hashlib.sha256(text.encode("utf-8")).hexdigest()[:12] != side["sha"]:
        return f"  !! {side['record']}: article text changed (sha mismatch); skip this pair"
    s, e = _context(text, int(side["start"]), int(side["end"]), n)
    ms, me = int(side["mention_start"]), int(side["mention_end"])
    shown = " ".join((text[s:ms] + "[[" + text[ms:me] + "]]" + text[me:e]).split())
    head = f"  {outlet.upper()}  published {date}  — {title}"
    return head + "\n" + textwrap.fill(shown, 110, initial_indent="    ", subsequent_indent="    ")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=None, help="benchmark data (default: ../shared/data)")
    ap.add_argument("--sample", type=Path, default=SAMPLE, help="the sample file (default: round 1)")
    ap.add_argument("--every", type=int, default=1, help="only pairs whose number is a multiple of this")
    ap.add_argument("--pair", type=int, default=None, help="only this pair")
    ap.add_argument("--context", type=int, default=0, help="sentences of context before and after")
    args = ap.parse_args()
    data_dir = args.data_dir or default_data_dir()
    if not (data_dir / "basil").is_dir():
        print(f"error: {data_dir / 'basil'} not found", file=sys.stderr)
        return 2
    cache: dict[str, tuple[str, str, str, str]] = {}
    for line in args.sample.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        n = int(row["pair"])
        if (args.pair is not None and n != args.pair) or (args.pair is None and n % args.every):
            continue
        print(f"=== pair {n}  (story {str(row['story'])[:8]})")
        print("A" + render(row["a"], data_dir, cache, args.context)[1:])
        print("B" + render(row["b"], data_dir, cache, args.context)[1:])
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
