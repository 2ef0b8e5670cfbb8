"""Attribution on PolNeAR: source, cue and content span P/R/F1 (exact and overlap), plus all-span F1.

Split (seeded, ``ctx.seed``): the articles of PolNeAR ``train`` and ``dev`` are pooled, sorted by name,
shuffled with ``random.Random(seed)`` and the first ``VALIDATION_SHARE`` are the validation split
(the only articles rules were checked against; nothing is trained). ``ctx.quick`` scores the first
``QUICK_ARTICLES`` of it. ``ctx.split == "test"`` scores every article of ``polnear/test``.

Spans are compared after stripping quote marks, punctuation and spaces at both edges (PolNeAR content
spans include the marks, ours do not). Exact = same boundaries; overlap = any character in common
(as citron reports). Precision counts matched predicted spans, recall matched gold spans.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from newsprism.bench.registry import BenchContext, Metric, evaluator, hash_files
from newsprism.datasets.polnear import KINDS, articles, load
from newsprism.errors import BenchError
from newsprism.metrics import SpanCounts
from newsprism.model import Article, Quote

TASK = "quotes"
VALIDATION_SHARE = 0.2
QUICK_ARTICLES = 25
CUE_WINDOW = 300  # characters around a quote searched for its cue word when no cue offsets are given
REFERENCES = {  # citron (BBC R&D) on PARC3, from its README
    "source_f1_exact": 0.82,
    "content_f1_exact": 0.59,
    "all_f1_overlap": 0.83,
}


def split_files(ctx: BenchContext) -> list[tuple[Path, Path]]:
    root = ctx.path("polnear")
    if ctx.split == "test":
        files = list(articles(root / "test").values())
    else:
        pool = {**articles(root / "train"), **articles(root / "dev")}
        names = sorted(pool)
        random.Random(ctx.seed).shuffle(names)
        files = [pool[n] for n in names[: max(1, int(len(names) * VALIDATION_SHARE))]]
        if ctx.quick:
            files = files[:QUICK_ARTICLES]
    if not files:
        raise BenchError("E050", task=TASK, path=str(root))
    return files


def predicted_spans(art: Article) -> dict[str, list[tuple[int, int]]]:
    """Source (speaker mention), cue and content spans of the ``quotes`` stage output."""
    out: dict[str, list[tuple[int, int]]] = {k: [] for k in KINDS}
    for q in attributions(art.quotes):
        out["content"].append((q.start, q.end))
        src_s, src_e = q.source_start, q.source_end
        if isinstance(src_s, int) and isinstance(src_e, int):  # the whole source phrase, PolNeAR's notion
            out["source"].append((src_s, src_e))
        elif q.speaker is not None and q.speaker.start is not None and q.speaker.end is not None:
            out["source"].append((q.speaker.start, q.speaker.end))
        cue = cue_span(art.text, q)
        if cue is not None:
            out["cue"].append(cue)
    return out


def attributions(quotes: list[Quote]) -> list[Quote]:
    """Quotes that are attributions in PolNeAR's sense: quoted terms and unattributed scare quotes are not, and
    a quote nested inside another (a partial inside an indirect clause) is part of that one attribution, since
    PolNeAR gives each token to at most one attribution."""
    kept = [q for q in quotes if q.kind != "term" and not (q.kind == "partial" and q.speaker is None)]
    return [
        q
        for q in kept
        if not any(
            o is not q and o.start <= q.start and q.end <= o.end and (o.start, o.end) != (q.start, q.end) for o in kept
        )
    ]


def cue_span(text: str, q: Quote) -> tuple[int, int] | None:
    s, e = q.cue_start, q.cue_end
    if isinstance(s, int) and isinstance(e, int):
        return s, e
    if not q.cue:
        return None
    lo, hi = max(0, q.start - CUE_WINDOW), min(len(text), q.end + CUE_WINDOW)
    best = None
    i = text.find(q.cue, lo, hi)
    while i != -1:
        if not (q.start <= i < q.end):
            dist = min(abs(i - q.start), abs(i - q.end))
            if best is None or dist < best[0]:
                best = (dist, i)
        i = text.find(q.cue, i + 1, hi)
    return (best[1], best[1] + len(q.cue)) if best else None


@evaluator(TASK, datasets=("polnear",))
def evaluate(ctx: BenchContext) -> list[Metric]:
    """PolNeAR attribution spans: source/cue/content P/R/F1, exact and overlap; all-span overlap F1."""
    from newsprism.pipeline import Pipeline

    files = split_files(ctx)
    whole = split_files(replace(ctx, quick=False))  # the hash names the split, quick or not
    data_hash = hash_files([p for pair in whole for p in pair])
    docs = [load(t, a) for t, a in files]
    pipe = Pipeline(stages=["nlp", "quotes"])
    counts = {k: SpanCounts() for k in KINDS}
    arts = pipe.pipe(Article(id=d.name, text=d.text) for d in docs)
    for doc, art in zip(docs, arts, strict=True):
        pred = predicted_spans(art)
        for k in KINDS:
            counts[k].add(doc.text, pred[k], doc.spans[k])
    total = SpanCounts()
    for c in counts.values():
        total.merge(c)
    metrics = []
    n = len(docs)
    for k, c in [*counts.items(), ("all", total)]:
        for mode in ("exact", "overlap"):
            p, r, f = c.prf(mode)
            for label, value in (("p", p), ("r", r), ("f1", f)):
                name = f"{k}_{label}_{mode}"
                ref = REFERENCES.get(name)
                metrics.append(
                    Metric(
                        TASK,
                        name,
                        round(value, 4),
                        reference=ref,
                        reference_note="citron, PARC3" if ref else "",
                        n=n,
                        split=ctx.split,
                        data_hash=data_hash,
                    )
                )
    return metrics
