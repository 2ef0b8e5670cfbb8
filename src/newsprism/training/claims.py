"""Train the claim models: stacked logistic regressions, every choice made by inner cross-validation.

Validation (seeded, never used for any choice): ClaimBuster 20% by sentence; CLEF 2019 whole debates (20%);
subjectivity dev_en.tsv. Everything else — the C of each base model, the extra-data weight (BABE opinion
labels for subjectivity), which feature kinds are stacked, the decision threshold — is chosen on stratified
5-fold cross-validation inside the training part (``inner``). The chosen head and the measured alternatives
are then scored once on validation for the model card; the validation numbers choose nothing.

A head: one logistic regression per feature kind (TF-IDF word 1-2 grams, TF-IDF char 2-5 grams, MiniLM) and
a meta logistic regression over their logits, fitted on the out-of-fold logits of the training part.
"""

from __future__ import annotations

import itertools
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.claims import features as F
from newsprism.claims.model import KINDS, BaseModel, ClaimsModel, StackedHead
from newsprism.datasets import claims as D
from newsprism.metrics import f1_at, macro_f1, mean_average_precision
from newsprism.training.registry import trainer

log = logging.getLogger(__name__)
THRESHOLDS = np.round(np.arange(0.05, 0.96, 0.01), 2)
INNER_FOLDS = 5
META_C = 1.0


@dataclass(frozen=True)
class Spec:
    """One base model candidate: feature kind, inverse regularisation C, weight of the extra rows."""

    kind: str
    c: float
    extra_weight: float = 0.0

    @property
    def name(self) -> str:
        return f"{self.kind}/C={self.c:g}/extra={self.extra_weight:g}"


@dataclass
class TaskSetup:
    task: str
    metric: str  # "f1" (positive class) or "macro_f1"
    grid: tuple[Spec, ...]
    repeats: int  # inner CV repeats (subjectivity is small: 3 x 5 folds)
    concat_c: tuple[float, ...]  # the previous design (word TF-IDF | MiniLM concatenated), measured alongside


CHECKWORTHINESS = TaskSetup(
    "checkworthiness",
    "f1",
    tuple(Spec(k, c) for k in KINDS for c in (2.0, 8.0)),
    1,
    (2.0, 8.0),
)
SUBJECTIVITY = TaskSetup(
    "subjectivity",
    "macro_f1",
    tuple(Spec(k, c, w) for k in KINDS for c in (0.5, 2.0) for w in (0.0, 0.3)),
    3,
    (0.5, 2.0),
)


# --- embeddings of the data files (cached under /tmp/newsprism-cache/claims) -------------------------------

_TABLE: dict[str, np.ndarray] = {}


def warm_embeddings(groups: list[list[D.Example]]) -> None:
    """Embed whole data files once (cached as .npy under /tmp/newsprism-cache) and index rows by text."""
    for rows in groups:
        texts = [r.text for r in rows]
        if not texts or all(F.normalise(t) in _TABLE for t in texts):
            continue
        arr = F.embeddings(texts)
        for t, v in zip(texts, arr, strict=True):
            _TABLE[F.normalise(t)] = v


def _emb(rows: list[D.Example]) -> np.ndarray:
    missing = [r for r in rows if F.normalise(r.text) not in _TABLE]
    if missing:
        warm_embeddings([missing])
    return np.stack([_TABLE[F.normalise(r.text)] for r in rows]) if rows else np.zeros((0, 384), np.float32)


def load_sets(data_dir: Path, seed: int) -> dict[str, Any]:
    cw = D.checkworthiness_dir(data_dir)
    cb_all = D.read_claimbuster(cw / D.CLAIMBUSTER)
    cb_train, cb_val = D.split_claimbuster(cb_all, seed)
    clef_train, clef_val = D.split_clef(D.read_clef2019(cw / D.CLEF2019), seed)
    subj = data_dir / "subjectivity" if (data_dir / "subjectivity").is_dir() else data_dir
    babe_path = data_dir / "babe" / D.BABE
    return {
        "cb_all": cb_all,
        "cb_train": cb_train,
        "cb_val": cb_val,
        "clef_train": clef_train,
        "clef_val": clef_val,
        "subj_train": D.read_subjectivity(subj / D.SUBJ_TRAIN),
        "subj_val": D.read_subjectivity(subj / D.SUBJ_DEV),
        "babe": D.read_babe_opinion(babe_path) if babe_path.is_file() else [],
    }


# --- metrics and thresholds ---------------------------------------------------------------------------------


def task_metric(metric: str, y: np.ndarray, p: np.ndarray, threshold: float) -> float:
    return f1_at(y, p, threshold) if metric == "f1" else macro_f1(y, p >= threshold)


def best_threshold(metric: str, y: np.ndarray, probs: list[np.ndarray]) -> tuple[float, float]:
    """(threshold, mean metric over the repeats) maximising the mean metric; the lowest such threshold."""
    means = [float(np.mean([task_metric(metric, y, p, float(t)) for p in probs])) for t in THRESHOLDS]
    i = int(np.argmax(means))
    return float(THRESHOLDS[i]), means[i]


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-z)))


# --- fitting ------------------------------------------------------------------------------------------------


def sample_weights(y: np.ndarray, domain: np.ndarray) -> np.ndarray:
    """Domain weights (1 for the task's own rows, ``extra_weight`` for extra rows) times balanced class
    weights (each class gets half of the total weight)."""
    sw = domain.astype(np.float64).copy()
    total = sw.sum()
    for c in (0, 1):
        mask = y == c
        if sw[mask].sum() > 0:
            sw[mask] *= total / (2.0 * sw[mask].sum())
    return sw


def _logreg(c: float, seed: int) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=3000, solver="liblinear", random_state=seed)


class Design:
    """Feature matrices of one kind for a training subset (vocabulary fitted on that subset's own rows only)."""

    def __init__(self, kind: str, rows: list[D.Example], extra: list[D.Example]):
        self.kind = kind
        self.terms: list[str] = []
        self.idf: np.ndarray | None = None
        if kind != "embed":
            self.terms, self.idf = F.fit_tfidf([r.text for r in rows], kind)
        self.x = self.matrix(rows)
        self.x_extra = self.matrix(extra) if extra else None

    def matrix(self, rows: list[D.Example]) -> Any:
        if self.kind == "embed":
            return _emb(rows)
        assert self.idf is not None
        return F.tfidf([r.text for r in rows], self.terms, self.idf, self.kind)


def _stack(a: Any, b: Any) -> Any:
    from scipy import sparse

    return sparse.vstack([a, b], format="csr") if sparse.issparse(a) else np.vstack([a, b])


def fit_base(spec: Spec, design: Design, y: np.ndarray, y_extra: np.ndarray, seed: int) -> BaseModel:
    x, yy, dom = design.x, y, np.ones(len(y))
    if spec.extra_weight > 0 and design.x_extra is not None:
        x = _stack(x, design.x_extra)
        yy = np.concatenate([y, y_extra])
        dom = np.concatenate([dom, np.full(len(y_extra), spec.extra_weight)])
    clf = _logreg(spec.c, seed).fit(x, yy, sample_weight=sample_weights(yy, dom))
    info = {"C": spec.c, "extra_weight": spec.extra_weight}
    return BaseModel(
        spec.kind, clf.coef_.ravel().astype(np.float32), float(clf.intercept_[0]), design.terms, design.idf, info
    )


def inner_splits(y: np.ndarray, repeats: int, seed: int) -> list[tuple[int, np.ndarray, np.ndarray]]:
    from sklearn.model_selection import StratifiedKFold

    out: list[tuple[int, np.ndarray, np.ndarray]] = []
    for r in range(repeats):
        folds = StratifiedKFold(INNER_FOLDS, shuffle=True, random_state=seed + r)
        out.extend((r, a, b) for a, b in folds.split(np.zeros(len(y)), y))
    return out


def fit_meta(z: np.ndarray, y: np.ndarray, seed: int) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=META_C, class_weight="balanced", max_iter=1000, random_state=seed).fit(z, y)
    return clf.coef_.ravel().astype(np.float64), float(clf.intercept_[0])


def meta_oof(oof: list[np.ndarray], y: np.ndarray, seed: int) -> list[np.ndarray]:
    """Out-of-fold meta probabilities per repeat (``oof``: per repeat, an (n, bases) matrix of base logits)."""
    from sklearn.model_selection import StratifiedKFold

    out: list[np.ndarray] = []
    for r, z in enumerate(oof):
        p = np.zeros(len(y))
        for a, b in StratifiedKFold(INNER_FOLDS, shuffle=True, random_state=seed + 100 + r).split(z, y):
            coef, icpt = fit_meta(z[a], y[a], seed)
            p[b] = _sigmoid(z[b] @ coef + icpt)
        out.append(p)
    return out


class TaskTrainer:
    """Inner-CV selection and final fit for one head."""

    def __init__(self, setup: TaskSetup, rows: list[D.Example], extra: list[D.Example], seed: int):
        self.setup, self.rows, self.extra, self.seed = setup, rows, extra, seed
        self.y = np.array([r.label for r in rows])
        self.y_extra = np.array([r.label for r in extra], dtype=int)
        self.splits = inner_splits(self.y, setup.repeats, seed)
        self.oof: dict[Spec, np.ndarray] = {}  # (repeats, n) out-of-fold base logits
        self.inner: dict[str, dict[str, float]] = {}

    def _fold_designs(self, kind: str) -> list[Design]:
        return [Design(kind, [self.rows[i] for i in a], self.extra) for _, a, _ in self.splits]

    def run_inner(self, only: list[Spec] | None = None) -> None:
        """Out-of-fold logits of every grid base (or of ``only`` these) over the inner splits."""
        y = self.y
        for kind in KINDS:
            specs = [s for s in self.setup.grid if s.kind == kind and (s.extra_weight == 0 or self.extra)]
            if only is not None:
                specs = [s for s in specs if s in only]
            if not specs:
                continue
            designs = self._fold_designs(kind)
            for spec in specs:
                z = np.zeros((self.setup.repeats, len(y)))
                for (r, a, b), dsg in zip(self.splits, designs, strict=True):
                    base = fit_base(spec, dsg, y[a], self.y_extra, self.seed)
                    z[r, b] = base.logit(
                        [self.rows[i].text for i in b], _emb([self.rows[i] for i in b]) if kind == "embed" else None
                    )
                self.oof[spec] = z
                t, score = best_threshold(self.setup.metric, y, [_sigmoid(v) for v in z])
                self.inner[f"base {spec.name}"] = {"inner": score, "threshold": t}
                log.info("%s inner %s %.4f", self.setup.task, spec.name, score)
            del designs

    def best_spec(self, kind: str) -> Spec | None:
        specs = [s for s in self.oof if s.kind == kind]
        if not specs:
            return None
        return max(specs, key=lambda s: (self.inner[f"base {s.name}"]["inner"], -self.setup.grid.index(s)))

    def stacks(self) -> list[tuple[str, list[Spec], float, float]]:
        """(name, base specs, threshold, inner score) for every non-empty set of feature kinds."""
        best: dict[str, Spec] = {}
        for k in KINDS:
            spec = self.best_spec(k)
            if spec is not None:
                best[k] = spec
        kinds = [k for k in KINDS if k in best]
        out: list[tuple[str, list[Spec], float, float]] = []
        for n in range(1, len(kinds) + 1):
            for combo in itertools.combinations(kinds, n):
                specs = [best[k] for k in combo]
                z = [np.column_stack([self.oof[s][r] for s in specs]) for r in range(self.setup.repeats)]
                probs = meta_oof(z, self.y, self.seed)
                t, score = best_threshold(self.setup.metric, self.y, probs)
                name = "stack " + "+".join(combo)
                self.inner[name] = {
                    "inner": score,
                    "threshold": t,
                    "inner_at_0.5": float(np.mean([task_metric(self.setup.metric, self.y, p, 0.5) for p in probs])),
                }
                log.info("%s inner %s %.4f (t=%.2f)", self.setup.task, name, score, t)
                out.append((name, specs, t, score))
        return out

    def fit_head(self, specs: list[Spec], threshold: float) -> StackedHead:
        bases = []
        for spec in specs:
            bases.append(fit_base(spec, Design(spec.kind, self.rows, self.extra), self.y, self.y_extra, self.seed))
        z = np.vstack([np.column_stack([self.oof[s][r] for s in specs]) for r in range(self.setup.repeats)])
        coef, icpt = fit_meta(z, np.tile(self.y, self.setup.repeats), self.seed)
        return StackedHead(bases, coef, icpt, threshold)

    def concat_baseline(self) -> tuple[float, float, Any]:
        """The previous design — one LR over [word TF-IDF | MiniLM] — on the same inner folds: (C, threshold,
        inner score) of its best C, for comparison only."""
        from scipy import sparse

        best: tuple[float, float, float] | None = None
        words = self._fold_designs("word")
        for c in self.setup.concat_c:
            probs = np.zeros((self.setup.repeats, len(self.y)))
            for (r, a, b), dsg in zip(self.splits, words, strict=True):
                xa = sparse.hstack([dsg.x, sparse.csr_matrix(_emb([self.rows[i] for i in a]))], format="csr")
                rows_b = [self.rows[i] for i in b]
                xb = sparse.hstack([dsg.matrix(rows_b), sparse.csr_matrix(_emb(rows_b))], format="csr")
                clf = _logreg(c, self.seed).fit(xa, self.y[a], sample_weight=sample_weights(self.y[a], np.ones(len(a))))
                probs[r, b] = clf.predict_proba(xb)[:, 1]
            t, score = best_threshold(self.setup.metric, self.y, list(probs))
            self.inner[f"concat word|embed C={c:g}"] = {"inner": score, "threshold": t}
            if best is None or score > best[2]:
                best = (c, t, score)
        assert best is not None
        c, t, _ = best
        dsg = Design("word", self.rows, [])
        x = sparse.hstack([dsg.x, sparse.csr_matrix(_emb(self.rows))], format="csr")
        clf = _logreg(c, self.seed).fit(x, self.y, sample_weight=sample_weights(self.y, np.ones(len(self.y))))

        def predict(rows: list[D.Example]) -> np.ndarray:
            xv = sparse.hstack([dsg.matrix(rows), sparse.csr_matrix(_emb(rows))], format="csr")
            return np.asarray(clf.predict_proba(xv)[:, 1])

        return c, t, predict


def score_checkworthiness(
    predict: Any, threshold: float, cb_val: list[D.Example], clef_val: list[D.Example]
) -> dict[str, float]:
    """ClaimBuster F1 (positive class, at ``threshold``) and CLEF 2019 MAP over debates."""
    y_cb = np.array([r.label for r in cb_val])
    p_clef = predict(clef_val)
    return {
        "claimbuster_f1": f1_at(y_cb, predict(cb_val), threshold),
        "clef2019_map": mean_average_precision(
            [r.group for r in clef_val], [r.label for r in clef_val], np.asarray(p_clef).tolist()
        ),
    }


def score_subjectivity(predict: Any, threshold: float, val: list[D.Example]) -> dict[str, float]:
    y = np.array([r.label for r in val])
    return {"subjectivity_macro_f1": macro_f1(y, np.asarray(predict(val)) >= threshold)}


def _head_predict(head: StackedHead) -> Any:
    return lambda rows: head.predict([r.text for r in rows], _emb(rows) if head.needs_embeddings else None)


def refit_head(
    setup: TaskSetup, rows: list[D.Example], extra: list[D.Example], seed: int, specs: list[Spec], threshold: float
) -> StackedHead:
    """The chosen bases and threshold refitted on ``rows`` (training + validation part): inner out-of-fold logits
    of the chosen bases only, then the meta LR, exactly as the training-part head was fitted."""
    tt = TaskTrainer(setup, rows, extra, seed)
    tt.run_inner(only=specs)
    return tt.fit_head(specs, threshold)


def _train_task(
    setup: TaskSetup, rows: list[D.Example], extra: list[D.Example], seed: int, validate: Any
) -> tuple[StackedHead, str, dict[str, Any], tuple[list[Spec], float]]:
    """Select on inner CV, fit the chosen head; score it and the alternatives once on validation. Also returns
    the choice (base specs, threshold) for `refit_head`."""
    tt = TaskTrainer(setup, rows, extra, seed)
    tt.run_inner()
    stacks = tt.stacks()
    # the choice: best inner score; on a tie the smaller stack (fewer bases) wins
    name, specs, t, _ = max(stacks, key=lambda s: (s[3], -len(s[1])))
    chosen = tt.fit_head(specs, t)
    comparison: dict[str, Any] = {k: dict(v) for k, v in tt.inner.items()}
    for other_name, other_specs, other_t, _ in stacks:
        head = chosen if other_name == name else tt.fit_head(other_specs, other_t)
        comparison[other_name]["validation"] = validate(_head_predict(head), other_t)
        comparison[other_name]["bases"] = [s.name for s in other_specs]
    c, ct, concat_predict = tt.concat_baseline()
    comparison.update({k: dict(v) for k, v in tt.inner.items() if k.startswith("concat")})
    comparison[f"concat word|embed C={c:g}"]["validation"] = validate(concat_predict, ct)
    log.info("%s chosen %s", setup.task, name)
    return chosen, name, comparison, (specs, t)


@trainer("claims", heldout=True)
def train(data_dir: Path, out_dir: Path, seed: int, heldout_dir: Path) -> dict[str, float]:
    """Claim check-worthiness + subjectivity: stacked word/char TF-IDF and MiniLM logistic regressions."""
    sets = load_sets(data_dir, seed)
    warm_embeddings([sets["cb_all"], sets["subj_train"], sets["subj_val"], sets["babe"], sets["clef_val"]])

    def validate_cw(predict: Any, threshold: float) -> dict[str, float]:
        return score_checkworthiness(predict, threshold, sets["cb_val"], sets["clef_val"])

    def validate_subj(predict: Any, threshold: float) -> dict[str, float]:
        return score_subjectivity(predict, threshold, sets["subj_val"])

    cw, cw_name, cw_cmp, cw_choice = _train_task(CHECKWORTHINESS, sets["cb_train"], [], seed, validate_cw)
    subj, subj_name, subj_cmp, subj_choice = _train_task(
        SUBJECTIVITY, sets["subj_train"], sets["babe"], seed, validate_subj
    )
    scores = {**cw_cmp[cw_name]["validation"], **subj_cmp[subj_name]["validation"]}
    meta = {
        "seed": seed,
        "validation": {
            "claimbuster": "seeded 20% by sentence",
            "clef2019_debates": D.validation_debates(
                D.read_clef2019(D.checkworthiness_dir(data_dir) / D.CLEF2019), seed
            ),
            "subjectivity": "dev_en.tsv",
        },
        "selection": (
            f"every choice on stratified {INNER_FOLDS}-fold CV inside the training part (subjectivity repeated "
            f"{SUBJECTIVITY.repeats}x); validation scored once, chooses nothing"
        ),
        "checkworthiness_training": "claimbuster",
        "subjectivity_training": "checkthat" + ("+babe" if any(b.info.get("extra_weight") for b in subj.bases) else ""),
        "chosen": {"checkworthiness": cw_name, "subjectivity": subj_name},
        "scores": scores,
        "comparison": {"checkworthiness": cw_cmp, "subjectivity": subj_cmp},
    }
    # heldout_dir: the training-part heads that the validation numbers describe (bench only); out_dir: the same
    # choices refitted on every labelled row (ClaimBuster training portion whole; subjectivity train + dev)
    ClaimsModel({"checkworthiness": cw, "subjectivity": subj}, meta).save(heldout_dir)
    final = {
        "checkworthiness": refit_head(CHECKWORTHINESS, sets["cb_all"], [], seed, *cw_choice),
        "subjectivity": refit_head(
            SUBJECTIVITY, sets["subj_train"] + sets["subj_val"], sets["babe"], seed, *subj_choice
        ),
    }
    refit = "chosen bases and thresholds refitted on training + validation rows (ClaimBuster all, subj. train+dev)"
    from newsprism.training.claims_kinds import kind_cuts

    cuts = kind_cuts(sets, seed, final["checkworthiness"], subj_choice[0], subj_choice[1])
    ClaimsModel(final, {**meta, "refit": refit, "kind_cuts": cuts}).save(out_dir)
    (out_dir / "scores.json").write_text(json.dumps(scores, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return scores
