"""``newsprism bench slant``: shipped slant models scored on the seeded validation splits (no retraining)."""

from __future__ import annotations

import numpy as np
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score

from newsprism.bench.heldout import heldout_dir
from newsprism.bench.registry import BenchContext, Metric, evaluator, hash_files

SPLIT_SEED = 13  # the seed the shipped models were trained with
# validation: the held-out models (fitted on the training part; validation rows/outlets never seen); test: the
# shipped models, refitted on every labelled row with the same choices


def _sub(idx: np.ndarray, n: int, quick: bool, seed: int) -> np.ndarray:
    if not quick or len(idx) <= n:
        return idx
    return np.sort(np.random.default_rng(seed).choice(idx, n, replace=False))


def _baseline(
    rows: list[dict[str, object]], val: np.ndarray, y: np.ndarray, shipped: float, ctx: BenchContext, h: str
) -> list[Metric]:
    """The plain TF-IDF word 1-2-gram + LR baseline on the same validation rows (C from outlet-grouped inner CV of
    the training part), and the shipped model's margin over it. Since issue 20 the shipped AllSides classifier IS
    this baseline, fitted by the same code (`slant.baseline`) on the same rows, so the margin is 0 by construction;
    the row stays to show it (and to catch a stored model that drifts from the code)."""
    from newsprism.datasets import slant as data
    from newsprism.slant.baseline import MIN_DF, validation_predictions

    texts = [str(r["text"]) for r in rows]
    mask = data.media_split([str(r["source"]) for r in rows], SPLIT_SEED)
    labels = np.array([int(r["label"]) for r in rows])  # type: ignore[call-overload]
    c, inner, pred_all = validation_predictions(texts, labels, [str(r["source"]) for r in rows], mask, SPLIT_SEED)
    pos = {int(i): k for k, i in enumerate(np.flatnonzero(mask))}
    pred = pred_all[[pos[int(i)] for i in val]]
    base = float(f1_score(y, pred, average="macro"))
    note = f"TF-IDF word 1-2-gram (min_df {MIN_DF}) + LR, C {c:g} (inner CV {inner[c]:.3f}), same rows"
    verdict = "is" if shipped == base else "beats" if shipped > base else "does NOT beat"
    return [
        Metric("slant", "allsides_baseline_macro_f1", base, None, note, len(val), ctx.split, h),
        Metric("slant", "allsides_margin_over_baseline", shipped - base, 0.0,
               f"shipped − baseline: the shipped model {verdict} the baseline on these rows", len(val), ctx.split, h),
    ]  # fmt: skip


@evaluator("slant", datasets=("allsides", "hyperpartisan", "babe"))
def bench_slant(ctx: BenchContext) -> list[Metric]:
    """AllSides media-split macro-F1 (shipped model, TF-IDF+LR baseline) and left-vs-right AUC, phrase-lexicon AUC
    (right vs left articles), hyperpartisan accuracy, BABE macro-F1 (split == "test": every row)."""
    from newsprism.datasets import slant as data
    from newsprism.slant.features import MAX_SENTENCES, doc_vector, split_sentences
    from newsprism.slant.score import MODEL_DIR, allsides_proba, babe_proba, hyperpartisan_proba, sentence_bias_of

    out: list[Metric] = []
    root = ctx.data_dir
    rows = data.read_allsides(root / "allsides")
    test = ctx.split == "test"
    # test: the shipped models (refitted on every labelled row); validation: those fitted on the training part
    models = MODEL_DIR if test else heldout_dir("slant")
    val = np.flatnonzero(data.media_split([str(r["source"]) for r in rows], SPLIT_SEED) | test)
    val = _sub(val, 300, ctx.quick, ctx.seed)
    y = np.array([int(rows[i]["label"]) for i in val])  # type: ignore[call-overload]
    proba = allsides_proba([str(rows[i]["text"]) for i in val], model_dir=models)
    pred = proba.argmax(1)
    h = hash_files([data.data_file(root / "allsides", "media_train_valid.jsonl", "*.jsonl")])
    shipped = float(f1_score(y, pred, average="macro"))
    out.append(Metric("slant", "allsides_media_macro_f1", shipped, 0.54,
                      "TF-IDF+LR media split (BERT 0.355)", len(val), ctx.split, h))  # fmt: skip
    sides = y != 1  # left and right articles: does P(right) - P(left) rank right above left (the lean a report shows)?
    auc = float(roc_auc_score(y[sides] == 2, (proba[:, 2] - proba[:, 0])[sides]))
    out.append(Metric("slant", "allsides_auc_right_vs_left", auc, 0.5, "chance; a lean needs >= 0.70 (issue 20)",
                      int(sides.sum()), ctx.split, h))  # fmt: skip
    if not test:  # the baseline is fitted on the training part: scoring it on every row would score training rows
        out += _baseline(rows, val, y, shipped, ctx, h)
    # the phrase lexicon (learnt on training outlets only, never refitted): does its score rank right above left?
    from newsprism.slant.score import lexicon_center, lexicon_score, phrase_matches, phrases

    lex, center = phrases(), lexicon_center()
    lr = [i for i in val if int(rows[i]["label"]) != 1]  # type: ignore[call-overload]
    s = [lexicon_score(phrase_matches(str(rows[i]["text"]), lex), center) for i in lr]
    auc = roc_auc_score([int(rows[i]["label"]) == 2 for i in lr], s)  # type: ignore[call-overload]
    out.append(Metric("slant", "lexicon_auc_right_vs_left", float(auc), 0.5, "chance (no published lexicon AUC)",
                      len(lr), ctx.split, h))  # fmt: skip
    hp = data.read_hyperpartisan(root / "hyperpartisan")
    hv = _sub(np.flatnonzero(data.seeded_split(len(hp), SPLIT_SEED) | test), 129, ctx.quick, ctx.seed)
    hy = np.array([int(hp[i]["label"]) for i in hv])  # type: ignore[call-overload,unused-ignore]
    htexts = [str(hp[i]["text"]) for i in hv]
    svs = data.sentence_vectors(htexts, "hyperpartisan")  # regex sentences, cached
    dv = np.stack([doc_vector(v) for v in svs])
    sb = sentence_bias_of([split_sentences(t)[:MAX_SENTENCES] for t in htexts], svs, models)  # pooled by the head
    hpred = hyperpartisan_proba(htexts, dv, model_dir=models, sentence_bias=sb) > 0.5
    h = hash_files(sorted((root / "hyperpartisan").glob("*.xml")))
    out.append(Metric("slant", "hyperpartisan_accuracy", float(accuracy_score(hy, hpred)), 0.822,
                      "SemEval-2019 winner (test)", len(hv), ctx.split, h))  # fmt: skip
    bb = list(data.read_babe(root / "babe"))
    bv = np.flatnonzero(data.seeded_split(len(bb), SPLIT_SEED) | test)
    by = np.array([int(bb[i]["label"]) for i in bv])  # type: ignore[call-overload]
    bpred = babe_proba([str(bb[i]["text"]) for i in bv], model_dir=models) > 0.5
    h = hash_files([data.data_file(root / "babe", "babe_train.csv", "*.csv")])
    out.append(Metric("slant", "babe_macro_f1", float(f1_score(by, bpred, average="macro")), 0.804,
                      "BABE paper (Spinde et al. 2021)", len(bv), ctx.split, h))  # fmt: skip
    return out
