"""Story grouping on BASIL: pairwise and B-cubed precision/recall/F1 over all articles mixed together.

Split (seeded, ``ctx.seed``): the BASIL triplets are shuffled and cut in half; the first half is the
tuning half (where ``THRESHOLD``/``ENTITY_WEIGHT`` were chosen), the second half is validation and is
the only one scored here. ``ctx.split == "test"`` scores every triplet found in ``ctx.data_dir``.
Grouping sees only title, body text and date (never BASIL's ``main-entities``/``main-event``).
Full runs also score the number/date conflicts on the blind labelled pairs (:mod:`newsprism.bench.stories_conflicts`)
and the claim-pair scorer on the blind labelled validation claim pairs (:mod:`newsprism.bench.stories_claims`).
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

from newsprism.bench.registry import BenchContext, Metric, evaluator, hash_files
from newsprism.errors import BenchError
from newsprism.metrics import bcubed_prf, pairwise_prf
from newsprism.model import Article

TASK = "stories"
QUICK_TRIPLETS = 20


def basil_files(data_dir: Path) -> list[Path]:
    root = data_dir / "basil" / "articles"
    files = sorted(root.glob("*/*.json"))
    if not files:
        raise BenchError("E050", task=TASK, path=str(root))
    return files


def basil_article(path: Path) -> tuple[Article, str]:
    """An Article (title, body, date, outlet) and its gold story (triplet-uuid)."""
    d = json.loads(path.read_text(encoding="utf-8"))
    paras = d.get("body-paragraphs") or []
    body = "\n\n".join(" ".join(p) if isinstance(p, list) else str(p) for p in paras)
    art = Article(
        id=path.stem,  # the file name is unique; some records carry a placeholder uuid
        title=d.get("title"),
        outlet=d.get("source"),
        published=d.get("date"),
        text=body,
    )
    return art, str(d["triplet-uuid"])


def split_triplets(triplets: list[str], seed: int) -> tuple[list[str], list[str]]:
    """(tune, validation): a seeded shuffle of the sorted triplet ids, cut in half."""
    ids = sorted(triplets)
    random.Random(seed).shuffle(ids)
    half = len(ids) // 2
    return ids[:half], ids[half:]


def load_split(ctx: BenchContext) -> tuple[list[Article], list[str], list[Path]]:
    files = basil_files(ctx.data_dir)
    rows = [basil_article(p) for p in files]
    if ctx.split == "test":
        keep = {g for _, g in rows}
    else:
        _, val = split_triplets(sorted({g for _, g in rows}), ctx.seed)
        if ctx.quick:
            val = val[:QUICK_TRIPLETS]
        keep = set(val)
    sel = [(a, g, p) for (a, g), p in zip(rows, files, strict=True) if g in keep]
    return [a for a, _, _ in sel], [g for _, g, _ in sel], [p for _, _, p in sel]


@evaluator(TASK, datasets=("basil",))
def evaluate_stories(ctx: BenchContext) -> list[Metric]:
    """Story grouping on BASIL triplets: pairwise and B-cubed P/R/F1 (batch), F1 for StoryIndex and undated."""
    from newsprism.compare.features import story_features
    from newsprism.compare.grouping import group_features

    articles, gold, _paths = load_split(ctx)
    feats = story_features(articles, cache_name="basil-stories")
    data_hash = hash_files(basil_files(ctx.data_dir))
    pred = group_features(feats)
    stream = group_features(feats, exact_max=0)
    n = len(articles)
    values = dict(
        zip(
            ("pairwise_precision", "pairwise_recall", "pairwise_f1"),
            pairwise_prf(pred, gold),
            strict=True,
        )
    )
    values.update(zip(("bcubed_precision", "bcubed_recall", "bcubed_f1"), bcubed_prf(pred, gold), strict=True))
    values["stream_pairwise_f1"] = pairwise_prf(stream, gold)[2]
    values["stream_bcubed_f1"] = bcubed_prf(stream, gold)[2]
    undated = group_features([replace(f, day=None) for f in feats])  # as for plain text files without dates
    values["undated_pairwise_f1"] = pairwise_prf(undated, gold)[2]
    values["undated_bcubed_f1"] = bcubed_prf(undated, gold)[2]
    from newsprism.bench.stories_claims import evaluate_claim_pairs
    from newsprism.bench.stories_conflicts import evaluate_conflicts

    return (
        [
            Metric(task=TASK, name=name, value=round(v, 4), n=n, split=ctx.split, data_hash=data_hash)
            for name, v in values.items()
        ]
        + evaluate_conflicts(ctx)
        + evaluate_claim_pairs(ctx)
    )
