"""``newsprism train tone``: the learned tone head (``models/tone/head.json``, issue 20).

Data: tone labels of (sentence, target mention) pairs from the slant TRAINING outlets only — the tuning sample
(docs/tone_tuning_allsides.tsv, 200 rows) and the training sample round 1 (benchmarks/samples/tone_train_r1.tsv,
labels in ``tone_train_labels_<who>.jsonl``; a row two labellers labelled takes the first file's label, by name).
The blind samples (validation outlets) are never read. Features: :func:`newsprism.tone.head.mention_features` on
the sentence parsed as the bench parses it. Model: scikit-learn multinomial logistic regression on standardised
features; its C and class weighting are chosen by cross-validation grouped by OUTLET on the training rows only
(``choose``), and the whole choice is scored by nested cross-validation (``nested_cv``) next to the v2 rule on
the same rows. Rows the stage skips (headline-style sentences) are left out of fitting and count as neutral.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.training.registry import trainer

USE_STATES = True  # the mention's MiniLM encoder state joins the named features (nested CV: docs/models/tone.md)
CS = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3)
WEIGHTINGS = ("none", "sqrt", "balanced")  # class weights: none, sqrt of the balanced weights, balanced
SLACK = 0.03  # a setting qualifies when its CV accuracy >= the rows' majority rate - SLACK (as scripts/tune_tone.py)
FOLDS, INNER_FOLDS, REPS = 5, 4, 3
Grid = tuple[tuple[float, str], ...]
GRID: Grid = tuple((c, w) for c in CS for w in WEIGHTINGS)
Data = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # X, y, outlet, skipped, rule labels


def training_rows(samples: Path | None = None) -> list[tuple[tuple[str, int, int, int, int, str], str]]:
    """(row, tone) of every labelled TRAINING row: the tuning sample, then the labelled rows of round 1."""
    from newsprism.bench.task_tone import SAMPLES, TUNING_SAMPLE, _rows, read_r2_labels, read_tone_sample

    samples = samples or SAMPLES
    rows = read_tone_sample(TUNING_SAMPLE)
    sample = samples / "tone_train_r1.tsv"
    gold: dict[int, str] = {}
    for path in sorted(samples.glob("tone_train_labels_*.jsonl"), reverse=True):
        gold |= read_r2_labels(path)  # reverse name order: the first file by name wins
    if sample.is_file():
        for r in _rows(sample):
            if int(r["row"]) in gold:
                ref = (r["record_id"], int(r["sent_start"]), int(r["sent_end"]), int(r["target_start"]),
                       int(r["target_end"]), r["kind"])  # fmt: skip
                rows.append((ref, gold[int(r["row"])]))
    return rows


def featurize(data_dir: Path, rows: list[tuple[tuple[str, int, int, int, int, str], str]]) -> Data:
    """Features (named, then the mention's encoder state), gold labels, outlet, skipped flag (no tone from the
    stage) and the v2 rule's label per row."""
    from newsprism.bench.task_frames import ALLSIDES_FILE, read_allsides_records
    from newsprism.bench.task_tone import sample_items
    from newsprism.nlp.encoder import encode
    from newsprism.tone.head import mention_features, mention_state, vector
    from newsprism.tone.score import CUE_WEIGHT, tone

    outlets = {r["id"]: r["source"] for r in read_allsides_records(data_dir / "allsides" / ALLSIDES_FILE)}
    items = sample_items(data_dir, rows=rows)
    states = encode([art.text for art, _, _ in items])
    xs, ys, groups, skipped, rule = [], [], [], [], []
    for (ref, _), (art, doc, gold), st in zip(rows, items, states, strict=True):
        ent = art.entities[0]
        got = tone(art, doc)
        named = vector(mention_features(art, doc, ent, 0, len(art.text), CUE_WEIGHT))
        state = mention_state(st, ent.start, ent.end)
        xs.append(np.concatenate([named, state if USE_STATES and state is not None else []]))
        ys.append(gold)
        groups.append(outlets[ref[0]])
        skipped.append(not got)
        rule.append(str(got[0].label) if got else "neutral")
    return np.array(xs), np.array(ys), np.array(groups), np.array(skipped), np.array(rule)


def _weights(y: np.ndarray, kind: str) -> dict[str, float] | None:
    if kind == "none":
        return None
    classes, counts = np.unique(y, return_counts=True)
    bal = len(y) / (len(classes) * counts)
    return {str(c): float(w if kind == "balanced" else np.sqrt(w)) for c, w in zip(classes, bal, strict=True)}


def _sig(v: float) -> float:
    """``v`` to 7 significant digits (small JSON, no scale rounded to 0)."""
    return float(f"{float(v):.7g}")


def fit(x: np.ndarray, y: np.ndarray, c: float, weighting: str) -> dict[str, Any]:
    """A multinomial logistic regression on standardised ``x``, as the JSON the stage reads."""
    from sklearn.linear_model import LogisticRegression

    from newsprism.tone.head import CLASSES, FEATURES

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=c, class_weight=_weights(y, weighting), max_iter=5000)
    lr.fit((x - mean) / scale, y)
    order = [list(lr.classes_).index(k) for k in CLASSES]
    return {
        "features": list(FEATURES),
        "state_dim": x.shape[1] - len(FEATURES),
        "classes": list(CLASSES),
        "mean": [_sig(v) for v in mean],
        "scale": [_sig(v) for v in scale],
        "coef": [[_sig(v) for v in lr.coef_[i]] for i in order],
        "intercept": [_sig(lr.intercept_[i]) for i in order],
        "C": c,
        "class_weight": weighting,
    }


def predict(model: dict[str, Any], x: np.ndarray, skipped: np.ndarray) -> np.ndarray:
    from newsprism.tone.head import probabilities

    labels = np.array(model["classes"])[probabilities(model, x).argmax(axis=1)]
    return np.where(skipped, "neutral", labels)


def _folds(y: np.ndarray, groups: np.ndarray, k: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import StratifiedGroupKFold

    return list(StratifiedGroupKFold(k, shuffle=True, random_state=seed).split(y, y, groups))


def cv_predictions(data: Data, idx: np.ndarray, c: float, weighting: str, k: int, seed: int) -> np.ndarray:
    """Held-out predictions for rows ``idx`` (grouped by outlet, ``k`` folds), fitting on unskipped rows."""
    x, y, groups, skipped, _ = data
    pred = np.empty(len(idx), dtype=object)
    for tr, te in _folds(y[idx], groups[idx], k, seed):
        fit_rows = idx[tr][~skipped[idx[tr]]]
        pred[te] = predict(fit(x[fit_rows], y[fit_rows], c, weighting), x[idx[te]], skipped[idx[te]])
    return pred


def choose(data: Data, idx: np.ndarray, seed: int, grid: Grid = GRID) -> tuple[tuple[float, str], list[dict[str, Any]]]:
    """(C, weighting) of ``grid`` for rows ``idx`` by ``INNER_FOLDS``-fold CV grouped by outlet: the highest
    macro-F1 among the settings whose accuracy is at least the majority rate - ``SLACK`` (ties: higher accuracy,
    smaller C)."""
    from newsprism.bench.task_tone import scores

    y = data[1][idx]
    floor = max(float(np.mean(y == k)) for k in np.unique(y)) - SLACK
    table, best = [], None
    for c, w in grid:
        acc, f1 = scores(list(y), list(cv_predictions(data, idx, c, w, INNER_FOLDS, seed)))
        table.append({"C": c, "class_weight": w, "accuracy": round(acc, 4), "macro_f1": round(f1, 4)})
        key = (acc >= floor, round(f1, 6), acc, -c)
        if best is None or key > best[0]:
            best = (key, (c, w))
    assert best is not None
    return best[1], table


def nested_cv(
    data: Data, seed: int, grid: Grid = GRID, reps: int = REPS, part: np.ndarray | None = None
) -> dict[str, Any]:
    """Outer ``FOLDS``-fold CV grouped by outlet (``reps`` shuffles), the setting chosen by ``choose`` inside each
    outer training part: mean accuracy / macro-F1 of the pooled held-out predictions, and the v2 rule's on the
    same rows; with ``part`` (a row mask) the same again on those rows only (``part_*``)."""
    _, y, groups, skipped, rule = data
    preds, chosen = [], []
    for rep in range(reps):
        pred = np.empty(len(y), dtype=object)
        for tr, te in _folds(y, groups, FOLDS, seed + rep):
            (c, w), _ = choose(data, tr, seed + rep, grid)
            chosen.append(f"C={c},{w}")
            fit_rows = tr[~skipped[tr]]
            pred[te] = predict(fit(data[0][fit_rows], y[fit_rows], c, w), data[0][te], skipped[te])
        preds.append(pred)
    out = _compare(y, preds, rule, "")
    if part is not None and part.any():
        out |= _compare(y[part], [p[part] for p in preds], rule[part], "part_")
    return out | {"chosen_in_outer_folds": sorted(set(chosen), key=chosen.count, reverse=True)}


def _compare(y: np.ndarray, preds: list[np.ndarray], rule: np.ndarray, prefix: str) -> dict[str, Any]:
    """Head (mean over repetitions), rule and majority-class scores of gold ``y``."""
    from newsprism.bench.task_tone import scores

    head = [scores(list(y), list(p)) for p in preds]
    rule_acc, rule_f1 = scores(list(y), list(rule))
    major = max(np.unique(y), key=lambda k: int(np.sum(y == k)))
    return {
        f"{prefix}rows": len(y),
        f"{prefix}head_accuracy": round(float(np.mean([a for a, _ in head])), 4),
        f"{prefix}head_macro_f1": round(float(np.mean([f for _, f in head])), 4),
        f"{prefix}head_macro_f1_reps": [round(f, 4) for _, f in head],
        f"{prefix}rule_accuracy": round(rule_acc, 4),
        f"{prefix}rule_macro_f1": round(rule_f1, 4),
        f"{prefix}majority_accuracy": round(float(np.mean(y == major)), 4),
    }


@trainer("tone")
def train(data_dir: Path, out_dir: Path, seed: int) -> dict[str, float]:
    """Tone head: multinomial logistic regression over the stage's stance/VADER features (tone training labels)."""
    from collections import Counter

    from newsprism.bench.task_tone import TUNING_SAMPLE, read_tone_sample

    rows = training_rows()
    data = featurize(data_dir, rows)
    idx = np.arange(len(rows))
    (c, w), table = choose(data, idx, seed)
    nested = nested_cv(data, seed, part=idx >= len(read_tone_sample(TUNING_SAMPLE)))  # part: round-1 rows
    fit_rows = idx[~data[3]]
    model = fit(data[0][fit_rows], data[1][fit_rows], c, w)
    counts = dict(Counter(map(str, data[1])))
    model["trained_on"] = (
        f"{len(rows)} labelled rows of the slant TRAINING outlets ({len(set(data[2]))} outlets): the tone tuning "
        f"sample and the labelled rows of benchmarks/samples/tone_train_r1.tsv; labels {counts}"
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "head.json").write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    report = {"rows": len(rows), "chosen": {"C": c, "class_weight": w}, "nested_cv": nested, "choice_cv": table}
    (out_dir / "scores.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return {k: float(v) for k, v in nested.items() if isinstance(v, (int, float))}
