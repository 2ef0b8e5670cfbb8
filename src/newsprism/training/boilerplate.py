"""``newsprism train boilerplate``: the line classifier behind boilerplate removal."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from newsprism.datasets.extraction import Page, line_labels, load_pages, split_pages
from newsprism.ingest.boilerplate import LineModel, line_features, split_lines
from newsprism.training.registry import trainer


def page_matrix(pages: list[Page]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and sample weights (longer lines weigh more, as in the shingle metric)."""
    xs: list[np.ndarray] = []
    ys: list[int] = []
    ws: list[float] = []
    for page in pages:
        lines = [ln.text for ln in split_lines(page.plain.read_text(encoding="utf-8", errors="replace"))]
        if not lines:
            continue
        xs.append(line_features(lines))
        ys.extend(line_labels(lines, page.body))
        ws.extend(np.log1p([len(t.split()) for t in lines]) + 0.5)
    return np.vstack(xs), np.asarray(ys), np.asarray(ws)


def fit_line_model(pages: list[Page], seed: int) -> LineModel:
    from sklearn.linear_model import LogisticRegression

    x, y, w = page_matrix(pages)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=1.0, max_iter=2000, random_state=seed)
    clf.fit((x - mean) / scale, y, sample_weight=w)
    return LineModel(mean, scale, clf.coef_[0], float(clf.intercept_[0]), 0.5)


def tune_threshold(model: LineModel, pages: list[Page]) -> tuple[float, float]:
    """Pick (threshold, smoothing) maximising shingle F1 on the TRAINING pages (never validation)."""
    from newsprism.ingest.boilerplate import strip_boilerplate_with
    from newsprism.metrics import corpus_f1

    best, best_f1 = (0.5, 0.0), -1.0
    texts = [(p.plain.read_text(encoding="utf-8", errors="replace"), p.body) for p in pages]
    for smooth in (0.0, 0.3, 0.5, 0.7):
        for thr in np.arange(0.2, 0.75, 0.05):
            m = LineModel(model.mean, model.scale, model.coef, model.intercept, float(thr), smooth)
            f1 = corpus_f1([(strip_boilerplate_with(t, m)[0], b) for t, b in texts])[2]
            if f1 > best_f1:
                best, best_f1 = (round(float(thr), 2), smooth), f1
    return best


def tune_block(pages: list[Page], seed: int, threshold: float, smooth: float) -> tuple[float, float]:
    """Pick (block_threshold, inner_threshold) by shingle F1 on out-of-fold probabilities: an inner 4-fold
    split of the TRAINING pages (each fold scored by a model fitted on the other folds; never validation)."""
    import random

    from newsprism.ingest.boilerplate import strip_boilerplate_with
    from newsprism.metrics import corpus_f1

    order = sorted(pages, key=lambda p: p.id)
    random.Random(seed + 1).shuffle(order)
    k_folds = 4
    folds = [order[k::k_folds] for k in range(k_folds)]
    fold_models = [fit_line_model([p for j, f in enumerate(folds) if j != k for p in f], seed) for k in range(k_folds)]
    texts = [[(p.plain.read_text(encoding="utf-8", errors="replace"), p.body) for p in fold] for fold in folds]
    best, best_f1 = (0.0, 0.0), -1.0
    for block in (0.0, 0.2, 0.25, 0.3, 0.35):
        for inner in (0.1, 0.15, 0.2, threshold) if block > 0 else (0.0,):
            pairs: list[tuple[str, str]] = []
            for m, fold_texts in zip(fold_models, texts, strict=True):
                mk = LineModel(m.mean, m.scale, m.coef, m.intercept, threshold, smooth, block, inner)
                pairs.extend((strip_boilerplate_with(t, mk)[0], b) for t, b in fold_texts)
            f1 = corpus_f1(pairs)[2]
            if f1 > best_f1:
                best, best_f1 = (block, inner), f1
    return best


@trainer("boilerplate")
def train_boilerplate(data_dir: Path, out_dir: Path, seed: int) -> dict[str, float]:
    """Boilerplate line classifier (logistic regression on layout features) from the extraction pages."""
    from newsprism.bench.task_extraction import score_plain

    train, valid = split_pages(load_pages(data_dir), seed=seed)
    model = fit_line_model(train, seed)
    thr, smooth = tune_threshold(model, train)
    block, inner = tune_block(train, seed, thr, smooth)
    model = LineModel(model.mean, model.scale, model.coef, model.intercept, thr, smooth, block, inner)
    out_dir.mkdir(parents=True, exist_ok=True)
    data = model.to_json() | {"seed": seed, "train_pages": len(train), "validation_pages": len(valid)}
    (out_dir / "line_model.json").write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    p, r, f1 = score_plain(valid, model)
    return {
        "plain_precision": p,
        "plain_recall": r,
        "plain_f1": f1,
        "threshold": thr,
        "smooth": smooth,
        "block_threshold": block,
        "inner_threshold": inner,
    }
