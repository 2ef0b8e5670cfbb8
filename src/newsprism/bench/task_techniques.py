"""``newsprism bench techniques``: SI F1 (partial overlap) and TC micro-F1 on the PTC validation split."""

from __future__ import annotations

import random

from newsprism.bench.registry import BenchContext, Metric, evaluator, hash_files

PUBLISHED = {
    "si_f1": (0.47, "SemEval-2020 Task 11 strong dev-set system SI F1"),
    "tc_micro_f1": (0.68, "SemEval-2020 Task 11 strong dev-set system TC micro-F1 (mid test systems 0.582)"),
}
QUICK_ARTICLES = 30


@evaluator("techniques", datasets=("ptc",))
def bench_techniques(ctx: BenchContext) -> list[Metric]:
    """PTC span identification F1 and technique classification micro-F1 of the shipped model."""
    from newsprism.datasets.ptc import data_files, load_ptc, split
    from newsprism.techniques import neutral as lex
    from newsprism.techniques.model import shipped_model
    from newsprism.training.techniques import evaluate, tokenize

    root = ctx.path("ptc") if ctx.path("ptc").is_dir() else ctx.data_dir
    arts = load_ptc(root)
    model = shipped_model()
    if ctx.split != "test":
        arts = split(arts, int(model.meta.get("seed", 13)), float(model.meta.get("valid_share", 0.2)))[1]
    if ctx.quick:
        arts = sorted(random.Random(ctx.seed).sample(arts, min(QUICK_ARTICLES, len(arts))), key=lambda a: a.id)
    scores = evaluate(model, arts, tokenize(arts), lex.load_lexicon(None))
    data_hash = hash_files(data_files(root))
    out = []
    for name in ("si_f1", "si_precision", "si_recall", "tc_micro_f1"):
        ref, note = PUBLISHED.get(name, (None, ""))
        n = int(scores["tc_n"]) if name.startswith("tc") else len(arts)
        out.append(Metric("techniques", name, round(scores[name], 4), ref, note, n, ctx.split, data_hash))
    return out
