"""Draw round 6 of the blind number/date conflict sample (issue 26): round 5's method, ``s1`` widened to all kinds.

    .venv/bin/python scripts/draw_conflict_pairs_r6.py           # writes benchmarks/samples/conflict_pairs_r6.jsonl
    .venv/bin/python scripts/draw_conflict_pairs_r6.py --check   # redraws and compares with the committed file

Same validation triplets, mentions, plain value readings, sentence cosines, ``s2``/``s3`` and strata sizes as rounds
3-5 (scripts/draw_conflict_pairs.py, scripts/draw_conflict_pairs_r5.py), a new seed, and every pair overlapping a
round-1 to round-5 pair left out.

Round 5 drew every money pair of one event (its ``s1``), so ``s1`` is widened again, in the same rule-free way, from
money to every quantity type: two mentions of one type whose plain values differ and whose sentences lie in two
statements the comparison matches as one claim group or the same event (``compare.align.claim_groups``), where two
numbers must also have the same counted word (the word after both, or the same parsed lemma; money, percents and
dates as in rounds 3-5: the same unless both parses name two nouns). Pairs below round 2's bar join the pool too. It
uses the claims stage and the claim-pair scorer (the comparison's matching), never a conflict rule's test. Rows carry
``stratum`` and ``weight`` (pool / drawn); no prediction is stored.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from draw_conflict_pairs import (
    R3_SIZES,
    ROOT,
    Ref,
    _analysed,
    _cross_pairs,
    _stratified_rows,
    counted_lemma,
    date_value,
    round1_pairs,
    stratum_r2,
    stratum_r3,
    values_differ,
)
from draw_conflict_pairs_r5 import EARLIER, R5_OUT, event_spans, same_event

from newsprism.bench.registry import default_data_dir
from newsprism.model import Article

R6_OUT = ROOT / "benchmarks" / "samples" / "conflict_pairs_r6.jsonl"
R6_SEED = 626
EARLIER_R6 = (*EARLIER, R5_OUT)


def candidates_r6(arts: list[Article], seen: list[tuple[Ref, Ref]]) -> list[tuple[str, Ref, Ref, bool]]:
    """(stratum, mention a, mention b, s1 only by the widened definition) of one triplet: round 3's bar and strata,
    plus pairs of one type and thing in statements of one event whose values differ (``s1``, even below the bar);
    ``seen`` pairs left out."""
    from newsprism.nlp import load_spacy

    nlp = load_spacy()
    docs = {a.id: nlp(a.text) for a in arts}
    by_id = {a.id: a for a in arts}
    spans = event_spans(arts)
    out = []
    for x, y, cos in _cross_pairs(arts, seen):
        (a, kind, _, after_a), (b, _, _, after_b) = x, y
        noun_a, noun_b = counted_lemma(docs[a[0]], a[1], a[2]), counted_lemma(docs[b[0]], b[1], b[2])
        same_noun = (after_a is not None and after_a == after_b) or (noun_a is not None and noun_a == noun_b)
        above_bar = stratum_r2(kind, same_noun, cos) is not None
        if kind != "number" and (noun_a is None or noun_b is None):
            same_noun = True  # money, percent, date: the unit is the thing unless both parses name a noun
        text_a, text_b = (by_id[m[0]].text[m[1] : m[2]] for m in (a, b))
        if kind == "date":
            text_a, text_b = date_value(text_a, by_id[a[0]].published), date_value(text_b, by_id[b[0]].published)
        differ = values_differ(kind, text_a, text_b)
        old = stratum_r3(differ, same_noun, cos) if above_bar else None
        if differ and same_noun and same_event(a, b, spans):
            out.append(("s1", a, b, old != "s1"))
        elif old is not None:
            out.append((old, a, b, False))
    return out


def draw_round6(data_dir: Path, seed: int = R6_SEED) -> list[dict[str, object]]:
    """Round 6's stratified draw (module docstring)."""
    stories, paths = _analysed(data_dir)
    seen: dict[str, list[tuple[Ref, Ref]]] = {}
    for path in EARLIER_R6:
        for g, pairs in round1_pairs(path).items():
            seen.setdefault(g, []).extend(pairs)
    pools: dict[str, list[tuple[str, Ref, Ref]]] = {k: [] for k in R3_SIZES}
    widened = 0
    for g in sorted(stories):
        for stratum, a, b, wide in candidates_r6(stories[g], seen.get(g, [])):
            pools[stratum].append((g, a, b))
            widened += wide
    print(f"s1: {len(pools['s1'])} pairs, of them {widened} only by the widened definition", file=sys.stderr)
    return _stratified_rows(stories, paths, data_dir, pools, R3_SIZES, seed, carry_over=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=None, help="benchmark data (default: ../shared/data)")
    ap.add_argument("--check", action="store_true", help="redraw and compare with the committed sample")
    ap.add_argument("--seed", type=int, default=R6_SEED, help="draw seed")
    ap.add_argument("--out", type=Path, default=R6_OUT, help="output file")
    args = ap.parse_args()
    data_dir = args.data_dir or default_data_dir()
    if not (data_dir / "basil" / "articles").is_dir():
        print(f"error: {data_dir / 'basil' / 'articles'} not found", file=sys.stderr)
        return 2
    rows: list[dict[str, Any]] = draw_round6(data_dir, args.seed)
    lines = [json.dumps(r) + "\n" for r in rows]
    if args.check:
        same = args.out.is_file() and args.out.read_text(encoding="utf-8") == "".join(lines)
        print("same as committed" if same else "DIFFERS from committed sample")
        return 0 if same else 1
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text("".join(lines), encoding="utf-8")
    tmp.replace(args.out)  # never a half-written sample
    print(f"wrote {len(lines)} rows to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
