"""Blind precision sample of the quotes stage (issue 19): a seeded draw of quotations the reports would show,
predicted on AllSides articles of the validation outlets (``split == "valid"`` in
``../shared/data/allsides/media_train_valid.jsonl``).

Only record ids, offsets (into the record's ``content_original``), kind, speaker and cue are written — never
article text; ``show`` prints an item in context from ../shared for the judge. Judging: docs/quotes_judging.md.

    .venv/bin/python scripts/draw_quote_sample.py draw            # writes benchmarks/quotes_sample/sample.jsonl
    .venv/bin/python scripts/draw_quote_sample.py show 17         # item 17 with its sentence(s), for judging
    .venv/bin/python scripts/draw_quote_sample.py score FILE [--second FILE_B]  # precision (and agreement)

From round 8 (session 9) the draw samples quotation *events*: a quotation its cue interrupts is one item (its first
part, with ``parts``), not one item per part; and it skips the articles of the earlier samples in the same folder.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "allsides" / "media_train_valid.jsonl"
OUT = Path(__file__).resolve().parents[1] / "benchmarks" / "quotes_sample" / "sample.jsonl"
SEED = 19
ARTICLES = 150  # validation-outlet articles analysed (seeded order), then quotations drawn from them
PER_ARTICLE = 3  # at most this many drawn quotations per article, so no article dominates
SIZE = 200


def valid_records(path: Path) -> dict[str, dict[str, Any]]:
    out = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d.get("split") == "valid" and (d.get("content_original") or "").strip():
                out[str(d["ID"])] = d
    return out


def event_parts(quotes: list[Any], q: Any) -> list[list[int]]:
    """The other shown parts of a quotation its cue interrupts (``parts``: "X, experts said, Y" from round 3,
    "“A,” she said, “b”" from round 6): one sentence in two spans, both marked in a report; the judge sees
    them together."""
    from newsprism.quotes.confidence import shown

    spans = {(s, e) for s, e in q.parts or []}
    return [[o.start, o.end] for o in quotes if o is not q and (o.start, o.end) in spans and shown(o)]


def used_articles(out: Path) -> set[str]:
    """Record ids of the earlier samples beside ``out`` (``sample*.jsonl``, ``out`` itself left out)."""
    used: set[str] = set()
    for f in sorted(out.parent.glob("sample*.jsonl")):
        if f.resolve() != out.resolve():
            used |= {
                str(r["record_id"]) for r in map(json.loads, f.read_text(encoding="utf-8").splitlines()) if "n" in r
            }
    return used


def later_part(quotes: list[Any], q: Any) -> bool:
    """A further part of an interrupted quotation: its event is drawn once, as its first part (round 8 on)."""
    return any(s < q.start for s, _ in event_parts(quotes, q))


def draw(path: Path, out: Path, seed: int, size: int) -> int:
    from newsprism.model import Article
    from newsprism.pipeline import Pipeline
    from newsprism.quotes.confidence import shown, threshold

    records = valid_records(path)
    used = used_articles(out)
    ids = sorted(records)
    random.Random(seed).shuffle(ids)
    ids = [i for i in ids if i not in used]
    pipe = Pipeline(stages=["nlp", "quotes"])
    pool: list[dict[str, Any]] = []
    arts = pipe.pipe(Article(id=i, text=records[i]["content_original"]) for i in ids[:ARTICLES])
    for art in arts:
        for q in art.quotes:
            if not shown(q) or later_part(art.quotes, q):
                continue
            item = {
                "record_id": art.id,
                "outlet": records[art.id].get("source"),
                "start": q.start,
                "end": q.end,
                "kind": q.kind,
                "speaker": q.speaker.name if q.speaker else None,
                "speaker_start": q.speaker.start if q.speaker else None,
                "speaker_end": q.speaker.end if q.speaker else None,
                "cue_start": q.cue_start,
                "cue_end": q.cue_end,
                "speech_act": q.speech_act,
                "confidence": q.confidence,
            }
            parts = event_parts(art.quotes, q)
            if parts:
                item["parts"] = parts
            pool.append(item)
    random.Random(seed).shuffle(pool)
    taken: dict[str, int] = {}
    sample: list[dict[str, Any]] = []
    for item in pool:
        if taken.get(item["record_id"], 0) < PER_ARTICLE and len(sample) < size:
            taken[item["record_id"]] = taken.get(item["record_id"], 0) + 1
            sample.append({"n": len(sample) + 1, **item})
    commit = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=False).stdout.strip()
    meta = {
        "meta": True,
        "seed": seed,
        "articles": ARTICLES,
        "per_article": PER_ARTICLE,
        "pool": len(pool),
        "unit": "event (an interrupted quotation's parts are one item)",
        "skipped_articles": len(used),
        "threshold": threshold(),
        "commit": commit,
        "offsets": "into content_original of the AllSides record with this ID",
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for row in [meta, *sample]:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(sample)


def show(path: Path, sample: Path, n: int) -> str:
    """Item ``n`` in context: the paragraph(s) around it with the quotation, speaker and cue bracketed."""
    rows = [json.loads(x) for x in sample.read_text(encoding="utf-8").splitlines()]
    item = next(r for r in rows if r.get("n") == n)
    text = valid_records(path)[item["record_id"]]["content_original"]
    marks = [(item["start"], "⟦"), (item["end"], "⟧")]
    for ps, pe in item.get("parts", []):  # the other part(s) of a split indirect quotation
        marks += [(ps, "⟦"), (pe, "⟧")]
    if item["speaker_start"] is not None:
        marks += [(item["speaker_start"], "{"), (item["speaker_end"], "}")]
    if item["cue_start"] is not None:
        marks += [(item["cue_start"], "<"), (item["cue_end"], ">")]
    lo = max(0, text.rfind("\n", 0, max(0, min(p for p, _ in marks) - 300)))
    hi = text.find("\n", max(p for p, _ in marks) + 200)
    hi = len(text) if hi < 0 else hi
    piece = text[lo:hi]
    for p, m in sorted(marks, reverse=True):
        piece = piece[: p - lo] + m + piece[p - lo :]
    head = f"#{n} {item['kind']} speaker={item['speaker']!r} act={item['speech_act']} conf={item['confidence']}"
    return head + "\n" + piece.strip()


def _rows(judgements: Path) -> list[dict[str, Any]]:
    rows = [json.loads(x) for x in judgements.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [r for r in rows if not r.get("meta")]


def _all_right(r: dict[str, Any]) -> bool:
    return bool(r.get("real_quote") and r.get("right_span") and r.get("right_speaker"))


def kappa(a: list[bool], b: list[bool]) -> float:
    """Cohen's kappa of two judges' yes/no answers on the same items (1.0 when both are constant and equal)."""
    n = len(a)
    agree = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pa, pb = sum(a) / n, sum(b) / n
    chance = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if chance == 1 else (agree - chance) / (1 - chance)


def agreement(first: Path, second: Path) -> str:
    """Raw agreement and Cohen's kappa of two judges on the items both judged (all three right, and each count)."""
    a = {r["n"]: r for r in _rows(first)}
    b = {r["n"]: r for r in _rows(second)}
    shared = sorted(set(a) & set(b))
    if not shared:
        return "no shared items"
    out = [f"{len(shared)} shared items:"]
    for name, get in [("all three", _all_right), *((k, lambda r, k=k: bool(r.get(k))) for k in COUNTS)]:
        xa, xb = [get(a[n]) for n in shared], [get(b[n]) for n in shared]
        raw = sum(x == y for x, y in zip(xa, xb, strict=True)) / len(shared)
        out.append(f"{name} raw {raw:.2f} kappa {kappa(xa, xb):.2f}")
    return " ".join(out)


COUNTS = ("real_quote", "right_span", "right_speaker")


def score(judgements: Path) -> str:
    """Share of items judged right on all three counts, with a 95% Wilson interval."""
    rows = _rows(judgements)
    ok = sum(map(_all_right, rows))
    n = len(rows)
    if not n:
        return "no judgements"
    p, z = ok / n, 1.96
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    parts = " ".join(
        f"{k}={sum(bool(r.get(k)) for r in rows) / n:.3f}" for k in ("real_quote", "right_span", "right_speaker")
    )
    return f"{ok}/{n} = {p:.3f} all right (95% CI {centre - half:.3f}-{centre + half:.3f}); {parts}"


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--seed", type=int, default=SEED)
    d.add_argument("--size", type=int, default=SIZE)
    d.add_argument("--out", type=Path, default=OUT)
    s = sub.add_parser("show")
    s.add_argument("n", type=int)
    s.add_argument("--sample", type=Path, default=OUT)
    j = sub.add_parser("score")
    j.add_argument("judgements", type=Path)
    j.add_argument("--second", type=Path, default=None, help="a second judge's file: its score and the agreement")
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args()
    if args.command == "draw":
        print(f"{draw(args.data, args.out, args.seed, args.size)} quotations written to {args.out}")
    elif args.command == "show":
        print(show(args.data, args.sample, args.n))
    else:
        print(score(args.judgements))
        if args.second is not None:
            print("second judge:", score(args.second))
            print(agreement(args.judgements, args.second))


if __name__ == "__main__":
    main()
