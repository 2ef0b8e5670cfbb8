"""``newsprism train techniques-calibrator``: the linear model's span calibrator and shown cut (issue 27).

Protocol, on the PTC training part only (split seed 13; validation is not read):

1. Out-of-fold detections: the 297 training articles in the 5 article folds of the re-scorer (seed 99). For each
   fold a tagger + gate (:func:`newsprism.training.techniques.fold_models`), a TC classifier (shipped C and class
   weight, state span vectors) and per-row lexicon scores are fitted on the other four folds; the fold's
   articles are then decoded with the shipped settings. Every detection gets its calibrator features
   (:func:`newsprism.techniques.shown.features`) and label (overlaps a gold SI span).
2. Kind (logistic regression or trees) and precision target by nested article-grouped CV (:func:`choose`,
   :func:`nested`: calibrator and cut chosen on four folds, precision counted on the fifth).
3. The calibrator is fitted on all out-of-fold detections; its cut is chosen on 5-fold article-grouped
   cross-fitted scores of the same detections (:func:`cross_fitted`): the lowest cut whose shown spans reach
   the target precision (:func:`newsprism.training.techniques_shown.choose_cut`).
"""

from __future__ import annotations

import json
import random
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from newsprism.training.registry import trainer

if TYPE_CHECKING:
    from newsprism.datasets.ptc import PtcArticle
    from newsprism.techniques import neutral as lex
    from newsprism.techniques.features import Tok
    from newsprism.techniques.model import TechniquesModel
    from newsprism.techniques.states import LineStates

KIND = "lr"  # default kind (standardised logistic regression; "gb": gradient-boosted trees, TREES)
TARGET = 0.66  # default precision the cut is chosen for on cross-fitted out-of-fold scores
TREES: dict[str, Any] = {
    "n_estimators": 100,
    "max_depth": 3,
    "learning_rate": 0.05,
    "subsample": 0.8,
    "min_samples_leaf": 20,
    "random_state": 0,
}
KINDS = ("lr", "gb")
TARGETS = (0.60, 0.62, 0.64, 0.66, 0.68, 0.70)
FOLD_FLOOR = 0.60  # the aim, required of every held-out fold (about the size of the validation split)
FOLDS, FOLD_SEED = 5, 99  # the re-scorer's article folds (training.techniques.fold_models)
PROTOCOL = "out-of-fold detections of the 297 PTC training articles (5 article folds), cut on cross-fitted scores"

Table = tuple[np.ndarray, np.ndarray, np.ndarray]  # features, labels, fold of each detection


def detection_rows(
    model: TechniquesModel,
    arts: list[PtcArticle],
    toks: dict[str, list[Tok]],
    entries: tuple[lex.Entry, ...],
    states: dict[str, LineStates],
    lexicon_scores: dict[str, float] | None,
) -> list[tuple[list[float], int]]:
    """(calibrator features, overlaps a gold SI span) of every detection ``model`` (no calibrator) makes."""
    from dataclasses import replace

    from newsprism.bench.task_techniques import detector_inputs
    from newsprism.techniques.model import detect
    from newsprism.techniques.shown import features

    probe = replace(model, calibrator=None)
    out = []
    for a in arts:
        text, tk, sents, vectors = detector_inputs(probe, a, toks)
        enc = [x for _, x in states[a.id]]
        rows: list[Any] = []
        detect(
            probe,
            text,
            tk,
            sents,
            entries,
            sentence_vectors=vectors,
            encodings=enc,
            lexicon_scores=lexicon_scores,
            trace=rows,
        )
        for d, x, tc in rows:
            y = int(any(d.start < ge and gs < d.end for gs, ge in a.si))
            out.append((features(d.source, d.score, x, tc, d.technique), y))
    return out


def oof_table(data_dir: Path, seed: int = 13, log: Any = print, model_dir: Path | None = None) -> Table:
    """Calibrator features, labels and folds of the out-of-fold detections of the training articles, decoded
    with the settings of the linear model in ``model_dir`` (default the shipped one)."""
    from newsprism.datasets.ptc import load_ptc, split, tokenize
    from newsprism.techniques import neutral as lex
    from newsprism.techniques.lexicon_scores import build_scores
    from newsprism.techniques.model import TechniquesModel, shipped_model
    from newsprism.techniques.states import ptc_states
    from newsprism.training.techniques import SI_C, _fit_tc, fold_models
    from newsprism.training.techniques_lexicon import row_counts
    from newsprism.training.techniques_tc import tc_data

    t0 = time.time()
    shipped = shipped_model() if model_dir is None else TechniquesModel.load(model_dir)
    train_arts, _ = split(load_ptc(data_dir), seed)
    toks, states = tokenize(train_arts), ptc_states(train_arts)
    entries, rows_lex = lex.load_lexicon(None), tuple(lex.read_tsv(lex.LEXICON_PATH))
    xs, ys, fs = [], [], []
    for f, (m, held) in enumerate(fold_models(train_arts, toks, entries, SI_C, FOLDS, FOLD_SEED)):
        held_ids = {a.id for a in held}
        fit = [a for a in train_arts if a.id not in held_ids]
        x_tc, y_tc = tc_data(fit, toks, states, shipped.wide_states)
        tc = _fit_tc(x_tc, y_tc, float(shipped.meta["tc_C"]), shipped.meta.get("tc_class_weight"))
        meta = dict(shipped.meta, gate_bias=m.meta["gate_bias"])
        fm = TechniquesModel(m.si_coef, m.si_bias, tc[0], tc[1], tc[2], meta, tc[3], m.si_gate_coef)
        scores = {k: float(v["score"]) for k, v in build_scores(row_counts(fit, rows_lex))["rows"].items()}
        for x, y in detection_rows(fm, held, toks, entries, states, scores):
            xs.append(x)
            ys.append(y)
            fs.append(f)
        log(f"fold {f}: {len(ys)} detections ({time.time() - t0:.0f}s)")
    return np.asarray(xs), np.asarray(ys), np.asarray(fs)


def fit(x: np.ndarray, y: np.ndarray, kind: str = KIND) -> dict[str, Any]:
    """Calibrator weights (JSON-ready) fitted on ``x``, ``y``; no Platt step or cut yet."""
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    from newsprism.techniques.shown import FEATURES
    from newsprism.training.trees import trees_json

    if kind == "lr":
        mean, scale = x.mean(axis=0), x.std(axis=0)
        scale[scale < 1e-9] = 1.0
        lr = LogisticRegression(C=1.0, max_iter=3000).fit((x - mean) / scale, y)
        return {
            "features": list(FEATURES),
            "coef": [float(v) for v in lr.coef_[0]],
            "mean": [float(v) for v in mean],
            "scale": [float(v) for v in scale],
            "intercept": float(lr.intercept_[0]),
        }
    gb = GradientBoostingClassifier(**TREES).fit(x, y)
    trees, intercept = trees_json(gb, float(TREES["learning_rate"]), x[0])
    return {"features": list(FEATURES), "trees": trees, "intercept": intercept}


def predict(model: dict[str, Any], x: np.ndarray) -> np.ndarray:
    """Probabilities of a fitted calibrator (with its Platt step and any cut, as at run time)."""
    from newsprism.techniques.shown import Calibrator

    cal = Calibrator({"shown_threshold": 0.5, **model})
    return np.asarray([cal.prob(row) for row in x])


def cross_fitted(x: np.ndarray, y: np.ndarray, folds: np.ndarray, kind: str = KIND) -> np.ndarray:
    """Each detection's probability from a calibrator fitted on the other folds' detections."""
    out = np.zeros(len(y))
    for f in np.unique(folds):
        te = folds == f
        out[te] = predict(fit(x[~te], y[~te], kind), x[te])
    return out


def nested(
    x: np.ndarray, y: np.ndarray, folds: np.ndarray, kind: str, targets: tuple[float, ...]
) -> list[dict[str, Any]]:
    """Held-out precision of the whole procedure, per target: for each fold, the calibrator and its cut (on
    cross-fitted scores of the other folds) are chosen without it; its shown detections are counted."""
    from newsprism.training.techniques_shown import choose_cut

    runs = []
    for f in np.unique(folds):
        te = folds == f
        inner = cross_fitted(x[~te], y[~te], folds[~te], kind)
        runs.append(
            (
                te,
                [("", float(s), int(t)) for s, t in zip(inner, y[~te], strict=True)],
                predict(fit(x[~te], y[~te], kind), x[te]),
            )
        )
    out = []
    for target in targets:
        per = []
        for te, scored, held in runs:
            cut = choose_cut(scored, target)["threshold"]
            sel = held >= cut
            per.append({"cut": round(float(cut), 4), "shown": int(sel.sum()), "hits": int(y[te][sel].sum())})
        shown, hits = sum(p["shown"] for p in per), sum(p["hits"] for p in per)
        out.append(
            {"kind": kind, "target": target, "shown": shown, "precision": hits / shown if shown else 0.0, "folds": per}
        )
    return out


def calibrate(
    x: np.ndarray, y: np.ndarray, folds: np.ndarray, kind: str = KIND, target: float = TARGET
) -> dict[str, Any]:
    """The shipped calibrator: fitted on every detection, cut chosen on cross-fitted scores at ``target``."""
    from newsprism.training.techniques_shown import by_method, choose_cut

    model = fit(x, y, kind)
    scores = cross_fitted(x, y, folds, kind)
    src = ["lexicon" if r[0] else "repetition" if r[1] else "model" for r in x]
    scored = [(m, float(s), int(t)) for m, s, t in zip(src, scores, y, strict=True)]
    choice = choose_cut(scored, target)
    model["shown_threshold"] = choice["threshold"]
    model["shown_choice"] = {**choice, "protocol": PROTOCOL, "by_method": by_method(scored, choice["threshold"])}
    return model


def write(model: dict[str, Any], model_dir: Path) -> None:
    """The calibrator file, and its cut in the model's meta.json (other keys untouched)."""
    from newsprism.techniques.model import CALIBRATOR_FILE

    (model_dir / CALIBRATOR_FILE).write_text(json.dumps(model, indent=None) + "\n", encoding="utf-8")
    meta_path = model_dir / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["shown_threshold"] = model["shown_threshold"]
    meta["shown_choice"] = model["shown_choice"]
    meta_path.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def choose(x: np.ndarray, y: np.ndarray, folds: np.ndarray, log: Any = print) -> tuple[str, float, list[Any]]:
    """Kind and target by nested CV: per kind the lowest of :data:`TARGETS` whose every held-out fold shows
    precision >= :data:`FOLD_FLOOR`; the kind that then shows the most held-out detections."""
    runs = [r for kind in KINDS for r in nested(x, y, folds, kind, TARGETS)]
    for r in runs:
        worst = min(f["hits"] / f["shown"] if f["shown"] else 0.0 for f in r["folds"])
        r["worst_fold"] = round(worst, 4)
        log(f"nested {r['kind']} {r['target']}: {r['shown']} shown at {r['precision']:.4f}, worst fold {worst:.3f}")
    ok = {}
    for r in runs:
        if r["worst_fold"] >= FOLD_FLOOR and r["kind"] not in ok:
            ok[r["kind"]] = r
    if not ok:
        return KIND, TARGET, runs
    best = max(ok.values(), key=lambda r: r["shown"])
    return str(best["kind"]), float(best["target"]), runs


def fit_calibrator(data_dir: Path, model_dir: Path, seed: int = 13, log: Any = print) -> dict[str, Any]:
    """The whole protocol for the linear model in ``model_dir``: out-of-fold table, nested choice, fit, cut; writes
    the calibrator file and the cut into ``model_dir``. Returns the shown choice."""
    x, y, folds = oof_table(data_dir, seed, log, model_dir)
    kind, aim, runs = choose(x, y, folds, log)
    model = calibrate(x, y, folds, kind, aim)
    model["nested_cv"] = [{k: r[k] for k in ("kind", "target", "shown", "precision", "worst_fold")} for r in runs]
    write(model, model_dir)
    choice: dict[str, Any] = model["shown_choice"]
    log(json.dumps({"kind": kind, **choice}))
    return choice


@trainer("techniques-calibrator")
def train_calibrator(data_dir: Path, out_dir: Path, seed: int) -> dict[str, float]:
    """The linear techniques model's span calibrator and shown cut (out-of-fold training detections; no refit)."""
    from newsprism.techniques.model import MODEL_DIR

    root = data_dir / "ptc" if (data_dir / "ptc").is_dir() else data_dir
    target = MODEL_DIR if out_dir.name == "techniques-calibrator" else out_dir
    random.seed(seed)
    c = fit_calibrator(root, target, seed)
    return {"shown_threshold": float(c["threshold"]), "n": float(c["n"]), "precision": float(c["precision"])}
