"""Train the slant models: AllSides article classifier, hyperpartisan, BABE sentence bias (the partisan phrase
lexicon: :mod:`newsprism.training.slant_phrases`).

Every choice (features, C, model averaging, temperature, `uncertain` thresholds) is made on 5-fold cross-validation
INSIDE the training part (``inner``): for AllSides the folds are grouped by outlet (`StratifiedGroupKFold`, in
:mod:`newsprism.slant.baseline`, whose TF-IDF word 1-2-gram + LR model is the AllSides classifier since issue 20),
so held-out outlets are unseen as in the media split. The validation part is scored once
at the end, for every grid entry (reported, never used to choose). ``scores.json`` records both.

Two sets of weights are written: ``heldout_dir`` (``benchmarks/models/slant``, bench only) holds the models fitted on
the training part only (what ``newsprism bench slant`` scores on the validation split: its outlets/rows were never
seen), ``out_dir`` holds the same chosen configurations refitted on ALL labelled rows (training + validation),
which the stage uses and ``bench --split test`` scores. For the AllSides media split this nearly doubles the
outlets a model learns from.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

from newsprism import metrics
from newsprism.datasets import slant as data
from newsprism.slant import baseline, classifier
from newsprism.slant.calibration import apply_temperature
from newsprism.training import calibration, text_classifier
from newsprism.training import slant_stack as stacking
from newsprism.training.registry import trainer
from newsprism.training.slant_phrases import build_phrases

log = logging.getLogger(__name__)

INNER_FOLDS = 5
TARGET_ACCURACY = 0.6  # a shown left/center/right label must be right this often on inner held-out outlets
CONF_GRID = tuple(round(0.35 + 0.05 * i, 2) for i in range(11))  # 0.35 .. 0.85
NEVER = 1.01  # min_confidence when no threshold reaches TARGET_ACCURACY: the label is always `uncertain`
CALIBRATION_CAP = 100.0  # outlet weight cap for calibration and thresholds (as for training)
WORDS_GRID = (25, 50, 100, 150, 200, 300)  # 99% of AllSides articles have >= 300 words: the grid stops there
SELECTIVE_TAUS = (0.4, 0.5, 0.6, 0.7)  # reported selective accuracies
WORDS_TOLERANCE = 0.02  # shortest length whose inner macro-F1 is within this of the full articles'
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*[A-Za-z]")


@dataclass(frozen=True)
class TextSpec:
    """One TF-IDF + LR configuration of the hyperpartisan / BABE inner-CV grids."""

    clean: bool  # neutral_text first (outlet names, datelines, bylines removed)
    ngram_max: int
    c: float
    char: bool = False  # character 2..ngram_max-grams (char_wb) instead of words

    @property
    def name(self) -> str:
        grams = f"char 2-{self.ngram_max}gram" if self.char else f"1-{self.ngram_max}gram"
        return f"{'clean' if self.clean else 'raw'} {grams} C={self.c:g}"


HP_GRID = (TextSpec(False, 2, 8.0), TextSpec(False, 1, 8.0), TextSpec(False, 1, 32.0), TextSpec(True, 2, 8.0))
HP_EMB_C = (1.0, 4.0, 16.0)
BABE_GRID = (TextSpec(False, 2, 1.0), TextSpec(False, 2, 4.0), TextSpec(False, 1, 4.0))
BABE_EMB_C = (0.3, 1.0, 3.0)
CHAR_GRID = (
    TextSpec(False, 5, 1.0, char=True),
    TextSpec(False, 5, 4.0, char=True),
    TextSpec(False, 5, 16.0, char=True),
)
# (w_char, w_emb) of the probability average; the word model gets the rest
MIX_GRID = tuple((a, b) for a in (0.0, 0.2, 0.3, 0.5) for b in (0.0, 0.2, 0.3, 0.5, 0.7, 1.0) if a + b <= 1.0)


def inner_folds(y: np.ndarray, seed: int, groups: np.ndarray | None = None) -> list[tuple[np.ndarray, np.ndarray]]:
    """5 stratified folds of the training part; with ``groups`` (BABE: the source article, hyperpartisan: the
    publisher's domain) no group is split across folds, so held-out rows come from unseen articles/publishers."""
    if groups is None:
        return list(StratifiedKFold(INNER_FOLDS, shuffle=True, random_state=seed).split(np.zeros(len(y)), y))
    sgk = StratifiedGroupKFold(INNER_FOLDS, shuffle=True, random_state=seed)
    return list(sgk.split(np.zeros(len(y)), y, groups))


def fit_spec(x: sparse.csr_matrix, y: np.ndarray, spec: TextSpec) -> classifier.LinearText:
    return text_classifier.fit_counts(x, y, c=spec.c, ngram_max=spec.ngram_max, clean=spec.clean, char=spec.char)


class Grid:
    """Inner-CV out-of-fold probabilities of every grid entry, then one fit on the whole training part (each fit is
    made once: the training-part fits are kept by entry name)."""

    def __init__(self, texts: list[str], y: np.ndarray, tr: np.ndarray, seed: int, groups: np.ndarray | None = None):
        self.texts, self.y, self.tr = texts, y, tr
        self.folds = inner_folds(y[tr], seed, None if groups is None else groups[tr])
        self._x: dict[tuple[bool, int, bool], sparse.csr_matrix] = {}
        self.oof: dict[str, np.ndarray] = {}
        self._fits: dict[str, classifier.LinearText] = {}

    def x(self, spec: TextSpec) -> sparse.csr_matrix:
        key = (spec.clean, spec.ngram_max, spec.char)
        if key not in self._x:
            self._x[key] = classifier.counts(self.texts, spec.ngram_max, clean=spec.clean, char=spec.char)
        return self._x[key]

    def run(self, spec: TextSpec) -> np.ndarray:
        x, ytr = self.x(spec)[self.tr], self.y[self.tr]
        oof = np.zeros((len(self.tr), len(np.unique(self.y))))
        for a, b in self.folds:
            oof[b] = fit_spec(x[a], ytr[a], spec).proba_from_counts(x[b])
        self.oof[spec.name] = oof
        return oof

    def fit(self, spec: TextSpec) -> classifier.LinearText:
        if spec.name not in self._fits:
            self._fits[spec.name] = fit_spec(self.x(spec)[self.tr], self.y[self.tr], spec)
        return self._fits[spec.name]

    def fit_all(self, spec: TextSpec) -> classifier.LinearText:
        """``spec`` refitted on every labelled row (training + validation part): the shipped final model."""
        return fit_spec(self.x(spec), self.y, spec)


def embedding_oof(e: np.ndarray, y: np.ndarray, folds: list[tuple[np.ndarray, np.ndarray]], c: float) -> np.ndarray:
    oof = np.zeros(len(y))
    for a, b in folds:
        oof[b] = _emb_lr(e[a], y[a], c).predict_proba(e[b])[:, 1]
    return oof


def _emb_lr(e: np.ndarray, y: np.ndarray, c: float) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(e, y)


def truncate(text: str, n_words: int) -> str:
    """``text`` up to the end of its ``n_words``-th word."""
    ends = [m.end() for m in _WORD.finditer(text)]
    return text if len(ends) <= n_words else text[: ends[n_words - 1]]


def outlet_cap(groups: np.ndarray, cap: float = CALIBRATION_CAP) -> np.ndarray:
    """Row weights for calibration: an outlet with more than ``cap`` articles weighs ``cap`` in all."""
    _, inv, cnt = np.unique(groups, return_inverse=True, return_counts=True)
    return np.asarray(np.minimum(1.0, cap / cnt[inv]), dtype=np.float64)


def choose_min_confidence(p: np.ndarray, y: np.ndarray, w: np.ndarray | None = None) -> float:
    """Smallest tau on `CONF_GRID` whose confident predictions reach `TARGET_ACCURACY` (inner OOF, calibrated);
    `NEVER` when none does (the label is then always `uncertain`)."""
    for tau in CONF_GRID:
        acc, cov = metrics.selective_accuracy(p, y, tau, w)
        if acc >= TARGET_ACCURACY and cov > 0:
            return float(tau)
    return NEVER


def _allsides(
    rows: list[dict[str, object]], tr: np.ndarray, va: np.ndarray, seed: int, out_dir: Path, heldout_dir: Path
) -> dict[str, Any]:
    """The TF-IDF word 1-2-gram + LR leaning classifier (`slant.baseline`): C on outlet-grouped inner CV, then the
    temperature and `uncertain` thresholds on its out-of-fold probabilities; training-part fit to ``heldout_dir``,
    the same C refitted on every row to ``out_dir``."""
    texts = [str(r["text"]) for r in rows]
    y = np.array([int(r["label"]) for r in rows])  # type: ignore[call-overload]
    groups = np.array([str(r["source"]) for r in rows])
    x_tr, ytr = [texts[i] for i in tr], y[tr]
    cv = baseline.inner_cv(x_tr, ytr, groups[tr].tolist(), seed)
    model = baseline.fit(x_tr, ytr, cv.c)
    model.save(heldout_dir, "allsides")
    baseline.fit(texts, y, cv.c).save(out_dir, "allsides")
    pv = model.predict_proba([texts[i] for i in va])
    # calibration rows weighted by outlet (<= CALIBRATION_CAP articles each): one outlet is 35% of the training part
    w = outlet_cap(groups[tr])
    t, fitted = calibration.choose_temperature(cv.oof, ytr, cv.folds, w)
    cal = apply_temperature(cv.oof, t)
    min_words, by_words = _min_words(cv, x_tr, ytr, w)
    return {
        "chosen": f"raw word 1-2-gram TF-IDF (min_df {baseline.MIN_DF}) + LR C={cv.c:g}, balanced",
        "inner_macro_f1": {f"C={c:g}": f for c, f in cv.inner_macro_f1.items()},
        "vocabulary": len(model.terms),
        "temperature": t,
        "min_confidence": choose_min_confidence(cal, ytr, w),
        "min_words": min_words,
        "inner_nll": {"raw": calibration.nll(cv.oof, ytr, w), "cross_fitted_T": calibration.nll(fitted, ytr, w)},
        "inner_ece": {"raw": metrics.ece(cv.oof, ytr, w), "cross_fitted_T": metrics.ece(fitted, ytr, w)},
        "inner_selective": {str(x): metrics.selective_accuracy(cal, ytr, x, w) for x in SELECTIVE_TAUS},
        "inner_truncated_macro_f1": by_words,
        **_allsides_validation(cv.oof, ytr, pv, y[va], outlet_cap(groups[va]), t),
        "val_macro_f1": float(f1_score(y[va], pv.argmax(1), average="macro")),
    }


def _min_words(cv: baseline.InnerCV, x_tr: list[str], ytr: np.ndarray, w: np.ndarray) -> tuple[int, dict[str, Any]]:
    """Thin evidence: held-out inner articles cut to their first n words; the shortest n whose macro-F1 is within
    WORDS_TOLERANCE of the full texts' is the minimum length for a label. Returns it and the macro-F1 per n."""
    full = float(f1_score(ytr, cv.oof.argmax(1), average="macro", sample_weight=w))
    by_words: dict[str, Any] = {"full": full}
    min_words = 0
    for n in WORDS_GRID:
        p = np.zeros_like(cv.oof)
        for m, (_, b) in zip(cv.fold_models, cv.folds, strict=True):
            p[b] = m.predict_proba([truncate(x_tr[i], n) for i in b])
        by_words[str(n)] = float(f1_score(ytr, p.argmax(1), average="macro", sample_weight=w))
        if by_words[str(n)] >= full - WORDS_TOLERANCE and not min_words:
            min_words = n
    return min_words or WORDS_GRID[-1], by_words


def _allsides_validation(
    oof: np.ndarray, ytr: np.ndarray, pv: np.ndarray, yva: np.ndarray, wv: np.ndarray, t: float
) -> dict[str, Any]:
    """Calibration of the AllSides classifier on validation (reported, never used to choose)."""
    pv_cal = apply_temperature(pv, t)
    t_unweighted = calibration.fit_temperature(oof, ytr)
    return {
        "val_ece": {"raw": metrics.ece(pv, yva), "calibrated": metrics.ece(pv_cal, yva)},
        "val_ece_outlet_weighted": {"raw": metrics.ece(pv, yva, wv), "calibrated": metrics.ece(pv_cal, yva, wv)},
        "val_nll": {"raw": calibration.nll(pv, yva), "calibrated": calibration.nll(pv_cal, yva)},
        "val_selective": {str(x): metrics.selective_accuracy(pv_cal, yva, x) for x in SELECTIVE_TAUS},
        "unweighted_alternative": {
            "temperature": t_unweighted,
            "val_ece": metrics.ece(apply_temperature(pv, t_unweighted), yva),
        },
    }


@dataclass
class BinaryTask:
    """One binary slant model: data, grids, metric, the stacked head's candidates (`training.slant_stack`)."""

    name: str
    texts: list[str]
    y: np.ndarray
    groups: np.ndarray  # inner folds never split a group (BABE: source article; hyperpartisan: publisher domain)
    specs: tuple[TextSpec, ...]
    emb_c: tuple[float, ...]
    vectors: Callable[[], np.ndarray]
    metric: Callable[[np.ndarray, np.ndarray], float]
    balanced_head: bool  # class-balanced stacked head (macro-F1) or not (accuracy)
    previous: tuple[str, str, float, float, float]  # before session 10: word spec, char spec, MiniLM C, w_char, w_emb
    extras: Callable[[np.ndarray, np.ndarray, list[tuple[np.ndarray, np.ndarray]]], list[stacking.Extra]]


def _binary(task: BinaryTask, seed: int, out_dir: Path, heldout_dir: Path) -> dict[str, Any]:
    """Word TF-IDF grid, char TF-IDF grid, MiniLM-vector LR grid, the best of each averaged with weights from
    `MIX_GRID`, then the stacked head when it beats the average, all on grouped inner CV; then calibration.
    Validation is scored for every entry, never used to choose."""
    texts, y, metric = task.texts, task.y, task.metric
    va = data.seeded_split(len(texts), seed)
    tr, vi = np.flatnonzero(~va), np.flatnonzero(va)
    ytr = y[tr]
    grid = Grid(texts, y, tr, seed, task.groups)
    report: dict[str, Any] = {"grid": {}, "inner_folds": "StratifiedGroupKFold (grouped)"}
    val: dict[str, np.ndarray] = {}
    for spec in task.specs + CHAR_GRID:
        oof = grid.run(spec)[:, 1]
        val[spec.name] = grid.fit(spec).proba_from_counts(grid.x(spec)[vi])[:, 1]
        report["grid"][spec.name] = {"inner": metric(ytr, oof), "val": metric(y[vi], val[spec.name])}
    best = max(task.specs, key=lambda s: report["grid"][s.name]["inner"])
    best_char = max(CHAR_GRID, key=lambda s: report["grid"][s.name]["inner"])
    e = task.vectors()
    emb_oof, emb_fits = _embedding_grid(e, y, tr, vi, grid.folds, task.emb_c, metric, report, val)
    best_c = max(task.emb_c, key=lambda c: report["grid"][f"MiniLM LR C={c:g}"]["inner"])
    pw, pc, pcc, pwc, pwe = task.previous
    prev = _mix((grid.oof[pw][:, 1], grid.oof[pc][:, 1], emb_oof[pcc]), pwc, pwe)
    report["previous_inner"] = metric(ytr, prev)  # the configuration shipped before, on the same grouped folds
    parts_oof = (grid.oof[best.name][:, 1], grid.oof[best_char.name][:, 1], emb_oof[best_c])
    parts_val = (val[best.name], val[best_char.name], val[f"emb {best_c:g}"])
    w_char, w_emb = _choose_mix(parts_oof, parts_val, ytr, y[vi], metric, report)
    oof, pv = _mix(parts_oof, w_char, w_emb), _mix(parts_val, w_char, w_emb)
    report["mix_inner"] = metric(ytr, oof)
    head = stacking.choose(
        oof, pv, task.extras(tr, vi, grid.folds), (ytr, y[vi]), grid.folds, metric, task.balanced_head, report
    )
    stack = head is not None and head.inner > report["mix_inner"]
    if head is not None and stack:
        oof, pv = head.oof, head.stacker.proba(pv, head.extra.val)
    t, fitted = calibration.choose_temperature(oof, ytr, grid.folds)
    finals = ((heldout_dir, grid.fit, emb_fits[best_c], False), (out_dir, grid.fit_all, _emb_lr(e, y, best_c), True))
    for where, fit, emb, all_rows in finals:
        _save_binary(where, task.name, fit(best), fit(best_char) if w_char > 0 else None, emb)
        _save_head(where, task.name, head if stack else None, all_rows)
    chosen = f"{best.name} + {best_char.name} + MiniLM LR C={best_c:g}, w_char={w_char:g}, w_emb={w_emb:g}"
    report.update(
        chosen=chosen + (f"; stacked head: {head.extra.name}, C={head.c:g}" if head is not None and stack else ""),
        w_char=w_char,
        w_emb=w_emb,
        stack=float(stack),
        temperature=t,
        inner=metric(ytr, oof),
        val=metric(y[vi], pv),
        inner_nll={"raw": calibration.nll(oof, ytr), "cross_fitted_T": calibration.nll(fitted, ytr)},
        inner_ece={"raw": metrics.ece(oof, ytr), "cross_fitted_T": metrics.ece(fitted, ytr)},
        val_ece={"raw": metrics.ece(pv, y[vi]), "calibrated": metrics.ece(apply_temperature(pv, t), y[vi])},
    )
    return report


def _save_head(where: Path, name: str, head: stacking.StackChoice | None, all_rows: bool) -> None:
    """``name``_stack.json (the stacked head fitted on the training part's out-of-fold average, reused for the
    all-rows refit as the temperatures are) and the head's own files; stale ones are removed."""
    path = where / f"{name}_stack.json"
    if head is None:
        path.unlink(missing_ok=True)
        if name == "babe":
            (where / "babe_lexicon.json").unlink(missing_ok=True)
        return
    head.stacker.save(path, features=["logit of the average", head.extra.name], c=head.c)
    head.extra.save(where, all_rows)


def _mix(parts: tuple[np.ndarray, np.ndarray, np.ndarray], wc: float, we: float) -> np.ndarray:
    """P(1) averaged: word model ``1 - wc - we``, char model ``wc``, MiniLM model ``we``."""
    return np.asarray((1 - wc - we) * parts[0] + wc * parts[1] + we * parts[2])


def _choose_mix(
    parts_oof: tuple[np.ndarray, np.ndarray, np.ndarray],
    parts_val: tuple[np.ndarray, np.ndarray, np.ndarray],
    ytr: np.ndarray,
    yva: np.ndarray,
    metric: Callable[[np.ndarray, np.ndarray], float],
    report: dict[str, Any],
) -> tuple[float, float]:
    """The `MIX_GRID` weights with the best inner score (ties go to the simpler mix: fewer and smaller extra
    weights); every entry's inner and validation score goes to ``report["grid"]``."""
    for wc, we in MIX_GRID:
        report["grid"][f"average w_char={wc:g} w_emb={we:g}"] = {
            "inner": metric(ytr, _mix(parts_oof, wc, we)),
            "val": metric(yva, _mix(parts_val, wc, we)),
        }
    return max(
        MIX_GRID, key=lambda w: (report["grid"][f"average w_char={w[0]:g} w_emb={w[1]:g}"]["inner"], -w[0] - w[1])
    )


def _embedding_grid(
    e: np.ndarray,
    y: np.ndarray,
    tr: np.ndarray,
    vi: np.ndarray,
    folds: list[tuple[np.ndarray, np.ndarray]],
    emb_c: tuple[float, ...],
    metric: Callable[[np.ndarray, np.ndarray], float],
    report: dict[str, Any],
    val: dict[str, np.ndarray],
) -> tuple[dict[float, np.ndarray], dict[float, LogisticRegression]]:
    """MiniLM-vector LR per C in ``emb_c``: inner OOF P(1) and training-part fits; adds each entry's inner and
    validation score to ``report["grid"]`` and its validation P(1) to ``val``."""
    emb_oof: dict[float, np.ndarray] = {}
    emb_fits: dict[float, LogisticRegression] = {}
    for c in emb_c:
        emb_oof[c] = embedding_oof(e[tr], y[tr], folds, c)
        emb_fits[c] = _emb_lr(e[tr], y[tr], c)
        val[f"emb {c:g}"] = emb_fits[c].predict_proba(e[vi])[:, 1]
        report["grid"][f"MiniLM LR C={c:g}"] = {
            "inner": metric(y[tr], emb_oof[c]),
            "val": metric(y[vi], val[f"emb {c:g}"]),
        }
    return emb_oof, emb_fits


def _save_binary(
    where: Path, name: str, word: classifier.LinearText, char: classifier.LinearText | None, emb: LogisticRegression
) -> None:
    """``name``.npz (word TF-IDF), ``name``_char.npz (only when mixed in) and ``name``_emb.npz into ``where``."""
    word.save(where / f"{name}.npz")
    char_path = where / f"{name}_char.npz"
    if char is not None:
        char.save(char_path)
    elif char_path.exists():
        char_path.unlink()  # a stale file from an earlier choice
    np.savez_compressed(
        where / f"{name}_emb.npz", coef=emb.coef_.astype(np.float32), intercept=emb.intercept_.astype(np.float32)
    )


def _accuracy(y: np.ndarray, p: np.ndarray) -> float:
    return float(accuracy_score(y, p > 0.5))


def _macro_f1(y: np.ndarray, p: np.ndarray) -> float:
    return float(f1_score(y, p > 0.5, average="macro"))


def babe_task(data_dir: Path) -> BinaryTask:
    """BABE sentences (rows as `datasets.slant.read_babe`) with their source article and annotated biased words."""
    import ast
    import csv

    texts, labels, groups, marked = [], [], [], []
    with data.data_file(data_dir / "babe", "babe_train.csv", "*.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter=";"):
            if row.get("label_bias") not in ("Biased", "Non-biased"):
                continue
            texts.append(row["text"])
            labels.append(int(row["label_bias"] == "Biased"))
            groups.append(row.get("news_link") or row["text"])
            words = row.get("biased_words") or "[]"
            marked.append([str(w) for w in ast.literal_eval(words)] if words.startswith("[") else [])

    def extras(tr: np.ndarray, vi: np.ndarray, folds: list[tuple[np.ndarray, np.ndarray]]) -> list[stacking.Extra]:
        return stacking.lexicon_extras(texts, marked, tr, vi, folds)

    previous = ("raw 1-2gram C=4", "raw char 2-5gram C=1", 1.0, 0.2, 0.5)
    return BinaryTask("babe", texts, np.array(labels), np.array(groups), BABE_GRID, BABE_EMB_C,
                      lambda: data.text_vectors(texts, "babe"), _macro_f1, True, previous, extras)  # fmt: skip


def hp_domains(data_dir: Path) -> np.ndarray:
    """Publisher domain of each hyperpartisan article (ground-truth ``url``), in `read_hyperpartisan`'s order."""
    from urllib.parse import urlparse

    from lxml import etree

    root = data_dir / "hyperpartisan"
    truth_file = data.data_file(root, "ground-truth-training-byarticle-20181122.xml", "ground-truth-*byarticle*.xml")
    dom = {}
    for _, el in etree.iterparse(str(truth_file), tag="article"):
        dom[el.get("id")] = urlparse(el.get("url") or "").netloc.lower().removeprefix("www.")
        el.clear()
    ids = []
    for _, el in etree.iterparse(str(data.data_file(root, "articles-training-byarticle-20181122.xml",
                                                    "articles-*byarticle*.xml")), tag="article"):  # fmt: skip
        ids.append(el.get("id"))
        el.clear()
    return np.array([dom[i] for i in ids])


def hp_task(data_dir: Path, babe_cal: dict[str, float], heldout_dir: Path) -> BinaryTask:
    """Hyperpartisan articles; the stacked head's candidate = their first sentences' BABE probabilities pooled,
    from the training-part BABE model in ``heldout_dir`` (another data set: no hyperpartisan row is seen)."""
    from newsprism.slant.features import MAX_SENTENCES, doc_vector, split_sentences
    from newsprism.slant.score import sentence_bias_of
    from newsprism.slant.stack import pooled

    hp = data.read_hyperpartisan(data_dir / "hyperpartisan")
    texts = [str(r["text"]) for r in hp]
    sv = data.sentence_vectors(texts, "hyperpartisan")

    def extras(tr: np.ndarray, vi: np.ndarray, folds: list[tuple[np.ndarray, np.ndarray]]) -> list[stacking.Extra]:
        sents = [split_sentences(t)[:MAX_SENTENCES] for t in texts]
        f = pooled(sentence_bias_of(sents, sv, heldout_dir, babe_cal))
        return [stacking.Extra("pooled sentence bias", f[tr], f[vi], stacking.no_files)]

    previous = ("raw 1-1gram C=32", "raw char 2-5gram C=4", 16.0, 0.5, 0.3)
    y = np.array([int(r["label"]) for r in hp])  # type: ignore[call-overload]
    return BinaryTask("hyperpartisan", texts, y, hp_domains(data_dir), HP_GRID, HP_EMB_C,
                      lambda: np.stack([doc_vector(v) for v in sv]), _accuracy, False, previous, extras)  # fmt: skip


def train_binary(data_dir: Path, out_dir: Path, seed: int, heldout_dir: Path) -> dict[str, Any]:
    """BABE first (the hyperpartisan head pools its sentence probabilities), then hyperpartisan."""
    report: dict[str, Any] = {"babe": _binary(babe_task(data_dir), seed, out_dir, heldout_dir)}
    babe_cal = {n: report["babe"][n] for n in CAL_KEYS}
    report["hyperpartisan"] = _binary(hp_task(data_dir, babe_cal, heldout_dir), seed, out_dir, heldout_dir)
    return report


CAL_KEYS = ("w_char", "w_emb", "stack", "temperature")


@trainer("slant", heldout=True)
def train(data_dir: Path, out_dir: Path, seed: int, heldout_dir: Path) -> dict[str, float]:
    """Partisan phrases (log-odds), AllSides media-split classifier, hyperpartisan, BABE sentence bias."""
    out_dir.mkdir(parents=True, exist_ok=True)
    heldout_dir.mkdir(parents=True, exist_ok=True)
    rows = data.read_allsides(data_dir / "allsides")
    val = data.media_split([str(r["source"]) for r in rows], seed)
    tr_idx, va_idx = np.flatnonzero(~val), np.flatnonzero(val)
    build_phrases(rows, [int(i) for i in tr_idx], out_dir / "phrases.json")
    report: dict[str, Any] = {"seed": seed, "allsides": _allsides(rows, tr_idx, va_idx, seed, out_dir, heldout_dir)}
    report.update(train_binary(data_dir, out_dir, seed, heldout_dir))
    a = report["allsides"]
    cal = {
        "allsides": {k: a[k] for k in ("temperature", "min_confidence", "min_words")},
        **{k: {n: report[k][n] for n in CAL_KEYS} for k in ("hyperpartisan", "babe")},
    }
    (out_dir / "calibration.json").write_text(json.dumps(cal, indent=1), encoding="utf-8")
    scores = {
        "allsides_media_macro_f1": float(a["val_macro_f1"]),
        "allsides_val_articles": float(len(va_idx)),
        "hyperpartisan_accuracy": float(report["hyperpartisan"]["val"]),
        "babe_macro_f1": float(report["babe"]["val"]),
    }
    (out_dir / "scores.json").write_text(json.dumps({**report, "scores": scores}, indent=1), encoding="utf-8")
    return scores
