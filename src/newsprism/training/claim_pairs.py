"""``newsprism train compare``: the claim-pair scorer (issue 21) from the blind TRAIN and round-1 labels.

Reads ``benchmarks/samples/claim_pairs_train.jsonl`` with ``claim_pair_labels_train_*.jsonl`` and, since session 10,
round 1 of the validation sample (``claim_pairs_val.jsonl`` with ``claim_pair_labels_val_*.jsonl``: its labels became
tuning data once round 2, ``claim_pairs_val2.jsonl``, was drawn as the new blind evaluation; text from the shared
BASIL files), computes :func:`newsprism.compare.pairs.pair_features`, and fits two L2 logistic regressions on
standardised features: ``same`` (same vs the rest) and ``near`` (same or related vs different). Thresholds come from
out-of-fold probabilities of a repeated stratified 5-fold CV grouped by story (a triplet's pairs never on both sides
of a fold) on those labels: ``same`` takes the lowest
threshold whose out-of-fold precision is >= ``TARGET_PRECISION`` (most recall at that precision), ``near`` the one
with the best F1 (it marks the ``related`` pairs that feed conflicts and narratives); ``partial_threshold``, the
P(same or related) a shown partial match needs, is the lowest whose out-of-fold precision of "same or related" is
>= ``PARTIAL_PRECISION`` (issue 21, session 9). Round 2 (``val2``) is never read.
Writes ``claim_pairs.json`` (JSON, no pickle).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from newsprism.training.registry import trainer

TARGET_PRECISION = 0.85
PARTIAL_PRECISION = 0.85  # partial matches shown: out-of-fold precision of "same or related" on the train labels
MIN_PREDICTED = 5  # a threshold must predict at least this many positives out of fold
CANDIDATE_COS = 0.35  # the samples' low bar: pairs below it were drawn only at random, so the scorer is not used there
C = 1.0
REPEATS = 5


TUNING_SPLITS = ("train", "val")  # the train sample and val round 1; round 2 ("val2") is the blind evaluation


def oof_proba(x: np.ndarray, y: np.ndarray, seed: int, groups: list[str] | None = None) -> np.ndarray:
    """Out-of-fold probabilities, averaged over ``REPEATS`` seeded stratified 5-fold splits (grouped by ``groups``,
    the pairs' stories, when given)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedGroupKFold

    out = np.zeros(len(y))
    ids = groups if groups is not None else [str(i) for i in range(len(y))]
    for r in range(REPEATS):
        folds = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed + r)
        for tr, te in folds.split(x, y, ids):
            mean, scale = _standard(x[tr])
            clf = LogisticRegression(C=C, max_iter=2000).fit((x[tr] - mean) / scale, y[tr])
            out[te] += clf.predict_proba((x[te] - mean) / scale)[:, 1] / REPEATS
    return out


def _standard(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    return mean, scale


def threshold_at_precision(p: np.ndarray, y: np.ndarray, target: float) -> tuple[float, float, float]:
    """(threshold, precision, recall): the lowest threshold with precision >= ``target`` (>= MIN_PREDICTED hits)."""
    best = (1.0, 0.0, 0.0)
    for t in sorted(set(np.round(p, 3).tolist()), reverse=True):
        pred = p >= t
        if pred.sum() < MIN_PREDICTED:
            continue
        prec = float(y[pred].mean())
        if prec >= target:
            best = (float(t), prec, float(y[pred].sum() / max(y.sum(), 1)))
    return best


def threshold_best_f1(p: np.ndarray, y: np.ndarray) -> float:
    best, best_f1 = 0.5, -1.0
    for t in np.arange(0.2, 0.81, 0.02):
        pred = p >= t
        tp = float((pred & (y == 1)).sum())
        f1 = 2 * tp / (pred.sum() + y.sum()) if pred.sum() + y.sum() else 0.0
        if f1 > best_f1:
            best, best_f1 = round(float(t), 2), f1
    return best


def fit(
    x: np.ndarray, labels: list[str], seed: int, groups: list[str] | None = None
) -> tuple[dict[str, object], dict[str, float]]:
    """The model's JSON and the out-of-fold metrics on the tuning labels (folds grouped by ``groups``)."""
    from sklearn.linear_model import LogisticRegression

    from newsprism.compare.pairs import FEATURES, Head, PairModel

    mean, scale = _standard(x)
    z = (x - mean) / scale
    heads: dict[str, Head] = {}
    metrics: dict[str, float] = {}
    for name, pos in (("same", {"same"}), ("near", {"same", "related"})):
        y = np.array([lab in pos for lab in labels], dtype=int)
        clf = LogisticRegression(C=C, max_iter=2000).fit(z, y)
        oof = oof_proba(x, y, seed, groups)
        if name == "same":
            thr, prec, rec = threshold_at_precision(oof, y, TARGET_PRECISION)
            metrics.update(cv_same_precision=prec, cv_same_recall=rec, cv_same_threshold=thr)
        else:
            thr = threshold_best_f1(oof, y)
            partial, prec, rec = threshold_at_precision(oof, y, PARTIAL_PRECISION)
            metrics.update(cv_near_threshold=thr, cv_partial_threshold=partial)
            metrics.update(cv_partial_precision=prec, cv_partial_recall=rec)
        heads[name] = Head(clf.coef_[0], float(clf.intercept_[0]), round(thr, 3))
        metrics[f"n_{name}"] = float(y.sum())
    partial_cut = round(metrics["cv_partial_threshold"], 3)
    model = PairModel(mean, scale, heads["same"], heads["near"], CANDIDATE_COS, partial_cut)
    data = model.to_json()
    data["trained_on"] = (
        "benchmarks/samples/claim_pairs_train.jsonl + claim_pair_labels_train_*.jsonl, claim_pairs_val.jsonl (round 1)"
        " + claim_pair_labels_val_*.jsonl; CV folds grouped by story (issue 21)"
    )
    data["cv"] = {k: round(v, 4) for k, v in metrics.items()}
    assert list(data["features"]) == list(FEATURES)  # type: ignore[call-overload]
    return data, metrics


@trainer("compare")
def train_compare(data_dir: Path, out_dir: Path, seed: int) -> dict[str, float]:
    """Claim-pair scorer of the comparison (same / related), from the blind train and val round-1 claim-pair labels."""
    from newsprism.bench.stories_claims import labelled_matrix, pair_stories
    from newsprism.compare.pairs import pair_features

    rows, labels, groups = [], [], []
    for split in TUNING_SPLITS:
        pairs, texts, cos, gold = labelled_matrix(split, data_dir)
        rows += [pair_features(a, b, float(c)) for (a, b), c in zip(texts, cos, strict=True)]
        labels += gold
        story = pair_stories(split)
        groups += [story[p] for p in pairs]
    if not rows:
        raise ValueError("no labelled claim pairs (benchmarks/samples/claim_pair_labels_train_*.jsonl)")
    data, metrics = fit(np.vstack(rows), labels, seed, groups)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "claim_pairs.json").write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    metrics["n_pairs"] = float(len(rows))
    return metrics
