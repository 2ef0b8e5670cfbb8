"""``newsprism train quotes``: the quotation confidence model (``models/quotes/confidence.json``).

Data: PolNeAR's training part only — train + dev minus the bench's validation split — sorted, shuffled with
``random.Random(INNER_SEED)``: the first 200 articles fit the logistic regression, the next 200 calibrate it
(Platt scaling), the rest (about 340) only measure it. Splits are by article, so no article's quotes sit on
both sides. A candidate is labelled right when its content and a gold content span (both trimmed as the
bench trims them) share at least half of each: a real attribution with the right span. Quoted terms are not
scored.
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsprism.metrics import trim_span
from newsprism.quotes.confidence import FEATURES, features, nested, probability, vector
from newsprism.training.registry import trainer

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc

    from newsprism.datasets.polnear import PolnearDoc

INNER_SEED = 4  # the inner split of docs/quotes.md (rule choices use its first 400 articles)
FIT, CALIBRATE = 200, 200
THRESHOLD = 0.5  # reports show a quotation when it is more likely right than wrong
C = 1.0


def inner_parts(data_dir: Path, seed: int = 13) -> dict[str, list[PolnearDoc]]:
    """fit / calibrate / check parts of PolNeAR's training part (the bench's validation split left out)."""
    from newsprism.bench.registry import BenchContext
    from newsprism.bench.task_quotes import split_files
    from newsprism.datasets.polnear import articles, load

    ctx = BenchContext(data_dir, seed=seed)
    validation = {t.stem for t, _ in split_files(replace(ctx, quick=False))}
    root = ctx.path("polnear")
    pool = {**articles(root / "train"), **articles(root / "dev")}
    names = sorted(n for n in pool if n not in validation)
    random.Random(INNER_SEED).shuffle(names)
    cuts = {"fit": names[:FIT], "calibrate": names[FIT : FIT + CALIBRATE], "check": names[FIT + CALIBRATE :]}
    return {k: [load(*pool[n]) for n in v] for k, v in cuts.items()}


def labelled(pairs: Iterable[tuple[PolnearDoc, Doc]]) -> tuple[list[list[float]], list[int]]:
    """Feature vectors and labels (right content span) of every extracted quotation."""
    from newsprism.quotes.extract import extract

    xs: list[list[float]] = []
    ys: list[int] = []
    for d, sdoc in pairs:
        gold = [g for sp in d.spans["content"] if (g := trim_span(d.text, sp))]
        quotes = [c for c in extract(d.text, sdoc)[0] if c.kind != "term"]
        for c in quotes:
            if nested(c, quotes):
                continue  # part of the attribution around it (PolNeAR gives each token to one attribution)
            span = trim_span(d.text, (c.start, c.end))
            xs.append(vector(features(c, d.text)))
            ys.append(int(span is not None and any(_same_span(span, g) for g in gold)))
    return xs, ys


def _same_span(pred: tuple[int, int], gold: tuple[int, int]) -> bool:
    """Right span: the two share at least half of each (the seed gold's tolerance, both ways)."""
    ov = min(pred[1], gold[1]) - max(pred[0], gold[0])
    return ov >= 0.5 * (gold[1] - gold[0]) and ov >= 0.5 * (pred[1] - pred[0])


def fit(train: tuple[list[list[float]], list[int]], calib: tuple[list[list[float]], list[int]]) -> dict[str, Any]:
    """Logistic regression on ``train``, Platt scaling of its score on ``calib``."""
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=C, max_iter=2000)
    lr.fit(train[0], train[1])
    z = lr.decision_function(calib[0]).reshape(-1, 1)
    platt = LogisticRegression(C=1e6, max_iter=2000).fit(z, calib[1])
    return {
        "features": list(FEATURES),
        "coef": [round(float(w), 6) for w in lr.coef_[0]],
        "intercept": round(float(lr.intercept_[0]), 6),
        "platt_a": round(float(platt.coef_[0][0]), 6),
        "platt_b": round(float(platt.intercept_[0]), 6),
        "threshold": THRESHOLD,
    }


def measure(model: dict[str, Any], data: tuple[list[list[float]], list[int]]) -> dict[str, float]:
    """Brier score, expected calibration error (10 bins), AUC, and precision/recall/share kept at the threshold."""
    from sklearn.metrics import brier_score_loss, roc_auc_score

    xs, ys = data
    ps = [probability(model, x) for x in xs]
    bins: dict[int, list[tuple[float, int]]] = {}
    for p, y in zip(ps, ys, strict=True):
        bins.setdefault(min(9, int(p * 10)), []).append((p, y))
    ece = sum(abs(sum(p for p, _ in b) - sum(y for _, y in b)) for b in bins.values()) / len(ps)
    kept = [y for p, y in zip(ps, ys, strict=True) if p >= model["threshold"]]
    return {
        "n": float(len(ys)),
        "base_precision": round(sum(ys) / len(ys), 4),
        "brier": round(float(brier_score_loss(ys, ps)), 4),
        "ece": round(ece, 4),
        "auc": round(float(roc_auc_score(ys, ps)), 4),
        "precision_shown": round(sum(kept) / len(kept), 4) if kept else 0.0,
        "recall_shown": round(sum(kept) / sum(ys), 4) if sum(ys) else 0.0,
        "share_shown": round(len(kept) / len(ys), 4),
    }


def train_parsed(parts: dict[str, list[tuple[PolnearDoc, Doc]]]) -> tuple[dict[str, Any], dict[str, float]]:
    """The model and its measurements on the check part, from parsed fit / calibrate / check parts."""
    data = {k: labelled(v) for k, v in parts.items()}
    model = fit(data["fit"], data["calibrate"])
    scores = measure(model, data["check"])
    model["trained_on"] = (
        f"PolNeAR training part without the bench validation split: fit {len(parts['fit'])} articles, "
        f"calibrate {len(parts['calibrate'])}, check {len(parts['check'])} (random.Random({INNER_SEED}))"
    )
    model["check"] = scores
    return model, scores


def save(model: dict[str, Any], out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "confidence.json").write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")


@trainer("quotes")
def train(data_dir: Path, out_dir: Path, seed: int) -> dict[str, float]:
    """Quotation confidence: logistic regression over candidate features, Platt-calibrated (PolNeAR training part)."""
    from newsprism.options import load_options
    from newsprism.stages.nlp import pipeline

    nlp = pipeline(load_options().spacy_model)
    split = inner_parts(data_dir, seed)  # ``seed`` is the bench's validation-split seed, left out here
    parts = {k: list(zip(v, nlp.pipe(d.text for d in v), strict=True)) for k, v in split.items()}
    model, scores = train_parsed(parts)
    save(model, out_dir)
    return scores
