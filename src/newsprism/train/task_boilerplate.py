"""``newsprism train boilerplate``: the line classifier behind boilerplate removal."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from newsprism.ingest.boilerplate import LineModel, line_features, split_lines
from newsprism.ingest.extraction_data import Page, line_labels, load_pages, split_pages
from newsprism.train.registry import trainer


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
    from newsprism.ingest.extraction_data import corpus_f1

    best, best_f1 = (0.5, 0.0), -1.0
    texts = [(p.plain.read_text(encoding="utf-8", errors="replace"), p.body) for p in pages]
    for smooth in (0.0, 0.3, 0.5, 0.7):
        for thr in np.arange(0.2, 0.75, 0.05):
            m = LineModel(model.mean, model.scale, model.coef, model.intercept, float(thr), smooth)
            f1 = corpus_f1([(strip_boilerplate_with(t, m)[0], b) for t, b in texts])[2]
            if f1 > best_f1:
                best, best_f1 = (round(float(thr), 2), smooth), f1
    return best


@trainer("boilerplate")
def train_boilerplate(data_dir: Path, out_dir: Path, seed: int) -> dict[str, float]:
    """Boilerplate line classifier (logistic regression on layout features) from the extraction pages."""
    from newsprism.bench.task_extraction import score_plain

    train, valid = split_pages(load_pages(data_dir), seed=seed)
    model = fit_line_model(train, seed)
    thr, smooth = tune_threshold(model, train)
    model = LineModel(model.mean, model.scale, model.coef, model.intercept, thr, smooth)
    out_dir.mkdir(parents=True, exist_ok=True)
    data = model.to_json() | {"seed": seed, "train_pages": len(train), "validation_pages": len(valid)}
    (out_dir / "line_model.json").write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    p, r, f1 = score_plain(valid, model)
    return {"plain_precision": p, "plain_recall": r, "plain_f1": f1, "threshold": thr, "smooth": smooth}
