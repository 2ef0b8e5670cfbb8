"""Draw round 5 of the blind number/date conflict sample (issue 26): round 3's method, ``s1`` widened.

    .venv/bin/python scripts/draw_conflict_pairs_r5.py           # writes benchmarks/samples/conflict_pairs_r5.jsonl
    .venv/bin/python scripts/draw_conflict_pairs_r5.py --check   # redraws and compares with the committed file

Same validation triplets (``bench stories``' seeded split, ``SKIPPED`` left out), mentions (spaCy entities and the
regex mentions of ``compare.numbers``), plain value readings, sentence cosines and strata sizes as rounds 3-4
(scripts/draw_conflict_pairs.py), a new seed, and every pair overlapping a round-1 to round-4 pair left out.

Round 4 took the last of ``s1`` (values differ, same counted noun, cosine >= 0.6), so ``s1`` is widened to hold the
candidates of round 5's amount rule as well: two **money** mentions whose plain values differ and whose sentences lie
in two statements the comparison matches as one claim group or as the same event (``compare.align.claim_groups``:
the pair's group id, or the claim-pair scorer's ``related``), whatever their cosine (such pairs below round 2's bar
join the pool too). That is a candidate set wider than what any conflict rule reports: it uses the claims stage and
the claim-pair scorer (the comparison's matching), never a conflict rule's act, thing or confidence test. ``s2`` and
``s3`` are as in rounds 3-4. Rows carry ``stratum`` and ``weight`` (pool / drawn); no prediction is stored.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from draw_conflict_pairs import (
    OUT,
    R2_OUT,
    R3_OUT,
    R3_SIZES,
    R4_OUT,
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

from newsprism.bench.registry import default_data_dir
from newsprism.model import Article

R5_OUT = ROOT / "benchmarks" / "samples" / "conflict_pairs_r5.jsonl"
R5_SEED = 526
EARLIER = (OUT, R2_OUT, R3_OUT, R4_OUT)


def event_spans(arts: list[Article]) -> list[tuple[Ref, Ref]]:
    """The statement pairs the comparison matches as one claim group or the same event: ((article, start, end) x 2)."""
    from newsprism.compare.align import claim_groups
    from newsprism.nlp import embed

    _groups, _units, pairs = claim_groups(arts, lambda texts: embed(texts, name="minilm"))
    out = []
    for ua, ub, group in pairs:
        if group is not None or (ub.article, ub.start) in ua.partial:
            out.append(((ua.article, ua.start, ua.end), (ub.article, ub.start, ub.end)))
    return out


def _inside(m: Ref, span: Ref) -> bool:
    return m[0] == span[0] and span[1] <= m[1] < span[2]


def same_event(a: Ref, b: Ref, spans: list[tuple[Ref, Ref]]) -> bool:
    """Whether mentions ``a`` and ``b`` lie in two statements matched as one claim group or the same event."""
    return any((_inside(a, x) and _inside(b, y)) or (_inside(a, y) and _inside(b, x)) for x, y in spans)


def candidates_r5(arts: list[Article], seen: list[tuple[Ref, Ref]]) -> list[tuple[str, Ref, Ref, bool]]:
    """(stratum, mention a, mention b, s1 only by the widened definition) of one triplet: round 3's bar and strata,
    plus money pairs of one event whose values differ (``s1``, even below the bar); ``seen`` pairs left out."""
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
        if differ and kind == "money" and same_event(a, b, spans):
            out.append(("s1", a, b, old != "s1"))
        elif old is not None:
            out.append((old, a, b, False))
    return out


def draw_round5(data_dir: Path, seed: int = R5_SEED) -> list[dict[str, object]]:
    """Round 5's stratified draw (module docstring)."""
    stories, paths = _analysed(data_dir)
    seen: dict[str, list[tuple[Ref, Ref]]] = {}
    for path in EARLIER:
        for g, pairs in round1_pairs(path).items():
            seen.setdefault(g, []).extend(pairs)
    pools: dict[str, list[tuple[str, Ref, Ref]]] = {k: [] for k in R3_SIZES}
    widened = 0
    for g in sorted(stories):
        for stratum, a, b, wide in candidates_r5(stories[g], seen.get(g, [])):
            pools[stratum].append((g, a, b))
            widened += wide
    print(f"s1: {len(pools['s1'])} pairs, of them {widened} only by the widened definition", file=sys.stderr)
    return _stratified_rows(stories, paths, data_dir, pools, R3_SIZES, seed, carry_over=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=None, help="benchmark data (default: ../shared/data)")
    ap.add_argument("--check", action="store_true", help="redraw and compare with the committed sample")
    ap.add_argument("--seed", type=int, default=R5_SEED, help="draw seed")
    ap.add_argument("--out", type=Path, default=R5_OUT, help="output file")
    args = ap.parse_args()
    data_dir = args.data_dir or default_data_dir()
    if not (data_dir / "basil" / "articles").is_dir():
        print(f"error: {data_dir / 'basil' / 'articles'} not found", file=sys.stderr)
        return 2
    rows: list[dict[str, Any]] = draw_round5(data_dir, args.seed)
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
