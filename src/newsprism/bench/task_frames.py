"""``newsprism bench frames``: agreement of the frames stage with our own labelled seed sentences.

Labels (seed file prefix, sentence start/end, frame) are in docs/frames_sample.tsv; no text is copied.
"""

from __future__ import annotations

import csv
from pathlib import Path

from sklearn.metrics import accuracy_score, f1_score

from newsprism.bench.registry import BenchContext, Metric, evaluator, hash_files

SAMPLE = Path(__file__).resolve().parents[3] / "docs" / "frames_sample.tsv"


@evaluator("frames", datasets=())
def bench_frames(ctx: BenchContext) -> list[Metric]:
    """Sentence-frame accuracy and macro-F1 on our hand-labelled seed sample (Boydstun et al. 15 frames)."""
    from newsprism.model import Article, content_id
    from newsprism.pipeline import Pipeline

    seeds = ctx.data_dir.parent / "seeds"
    with SAMPLE.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    pipe = Pipeline(stages=["nlp", "frames"])
    gold, pred = [], []
    files = {p.name[:3]: p for p in seeds.glob("*.txt")}
    for seed in sorted({r["seed"] for r in rows}):
        text = files[seed].read_text(encoding="utf-8")
        art = pipe(Article(id=content_id(text), text=text))
        by_start = {s.start: s for s in art.sentences}
        for r in rows:
            if r["seed"] == seed and int(r["start"]) in by_start:
                gold.append(r["frame"])
                pred.append(str(getattr(by_start[int(r["start"])], "frame", "other")))
    h = hash_files([SAMPLE, *files.values()])
    return [
        Metric("frames", "sample_accuracy", float(accuracy_score(gold, pred)), None, "own 30-sentence sample",
               len(gold), ctx.split, h),
        Metric("frames", "sample_macro_f1", float(f1_score(gold, pred, average="macro", zero_division=0)), None,
               "own 30-sentence sample", len(gold), ctx.split, h),
    ]  # fmt: skip
