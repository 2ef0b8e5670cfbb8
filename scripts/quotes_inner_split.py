"""Score the quotes extractor on PolNeAR's inner split (rule choices only; never the validation split).

Inner split (docs/quotes.md): PolNeAR train + dev minus the bench's validation articles, sorted, shuffled
with ``random.Random(4)``, the first 400; half A (200) for choices, half B (200) as a check; C (the rest, 340)
is only used by the confidence model (training/quotes.py: fit on A, calibrate on B, check on C).

    .venv/bin/python scripts/quotes_inner_split.py prepare   # parse once, cache spaCy docs (DocBin)
    .venv/bin/python scripts/quotes_inner_split.py score     # all-span and per-kind P/R/F1 on A and B
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from newsprism.bench.registry import BenchContext, default_data_dir
from newsprism.bench.task_quotes import predicted_spans, split_files
from newsprism.datasets.polnear import KINDS, PolnearDoc, articles, load
from newsprism.metrics import SpanCounts
from newsprism.model import Article

INNER_SEED = 4
INNER_SIZE = 400


def inner_docs(parts: str = "AB") -> dict[str, list[PolnearDoc]]:
    """Halves A and B of the inner split (and C, the rest of the training part)."""
    ctx = BenchContext(default_data_dir())
    validation = {t.stem for t, _ in split_files(ctx)}
    root = ctx.path("polnear")
    pool = {**articles(root / "train"), **articles(root / "dev")}
    names = sorted(n for n in pool if n not in validation)
    random.Random(INNER_SEED).shuffle(names)
    half = INNER_SIZE // 2
    cut = {"A": names[:half], "B": names[half:INNER_SIZE], "C": names[INNER_SIZE:]}
    return {k: [load(*pool[n]) for n in cut[k]] for k in parts}


def prepare(cache: Path) -> None:
    from spacy.tokens import DocBin

    from newsprism.options import load_options
    from newsprism.stages.nlp import pipeline

    nlp = pipeline(load_options().spacy_model)
    cache.mkdir(parents=True, exist_ok=True)
    for half, docs in inner_docs("ABC").items():
        if (cache / f"{half}.spacy").exists():
            continue
        db = DocBin(store_user_data=False)
        for doc in nlp.pipe((d.text for d in docs), batch_size=16):
            db.add(doc)
        db.to_disk(cache / f"{half}.spacy")


def parsed(cache: Path, half: str, docs: list[PolnearDoc]) -> list[tuple[PolnearDoc, object]]:
    from spacy.tokens import DocBin

    from newsprism.options import load_options
    from newsprism.stages.nlp import pipeline

    vocab = pipeline(load_options().spacy_model).vocab
    spacy_docs = list(DocBin().from_disk(cache / f"{half}.spacy").get_docs(vocab))
    return list(zip(docs, spacy_docs, strict=True))


def score(cache: Path) -> dict[str, dict[str, float]]:
    from newsprism.quotes.build import quotes_for

    out: dict[str, dict[str, float]] = {}
    for half, docs in inner_docs().items():
        counts = {k: SpanCounts() for k in KINDS}
        for d, sdoc in parsed(cache, half, docs):
            art = Article(id=d.name, text=d.text)
            art.quotes, _ = quotes_for(art, sdoc)  # type: ignore[arg-type]
            pred = predicted_spans(art)
            for k in KINDS:
                counts[k].add(d.text, pred[k], d.spans[k])
        total = SpanCounts()
        for c in counts.values():
            total.merge(c)
        row: dict[str, float] = {}
        for k, c in [*counts.items(), ("all", total)]:
            for mode in ("exact", "overlap"):
                p, r, f = c.prf(mode)
                row.update({f"{k}_p_{mode}": round(p, 4), f"{k}_r_{mode}": round(r, 4), f"{k}_f1_{mode}": round(f, 4)})
        out[half] = row
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=["prepare", "score"])
    ap.add_argument("--cache", type=Path, default=Path("/tmp/newsprism_quotes_inner"))
    args = ap.parse_args()
    if args.command == "prepare":
        prepare(args.cache)
        return
    res = score(args.cache)
    for half, row in res.items():
        print(half, " ".join(f"{k}={row[f'all_{k}']}" for k in ("p_overlap", "r_overlap", "f1_overlap", "f1_exact")))
        for kind in KINDS:
            modes = ("p_exact", "r_exact", "p_overlap", "r_overlap")
            print(f"  {kind:8s}", " ".join(f"{m}={row[f'{kind}_{m}']}" for m in modes))
    print(json.dumps(res))


if __name__ == "__main__":
    main()
