"""Train the claim models: compare TF-IDF vs MiniLM vs both with LogisticRegression, keep the best per task.

Validation (seeded, never used for fitting): ClaimBuster 20% by sentence; CLEF 2019 whole debates (20%);
subjectivity dev_en.tsv. Training sets: ClaimBuster rest (+ CLEF 2019 training debates as a TF-IDF
variant) for check-worthiness; train_en.tsv, optionally + BABE opinion labels, for subjectivity.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.claims import data as D
from newsprism.claims import features as F
from newsprism.claims.metrics import best_f1_threshold, f1_at, macro_f1, mean_average_precision
from newsprism.claims.model import ClaimsModel, LinearHead

log = logging.getLogger(__name__)
KINDS = ("tfidf", "embed", "both")
C_GRID = (0.5, 2.0, 8.0, 32.0)


def _fit(kind: str, train: list[D.Example], c: float, seed: int, emb: np.ndarray | None) -> LinearHead:
    from sklearn.linear_model import LogisticRegression

    texts = [r.text for r in train]
    terms: list[str] = []
    idf = None
    sx = None
    if kind in ("tfidf", "both"):
        terms, idf = F.fit_tfidf(texts)
        sx = F.tfidf(texts, terms, idf)
    x = F.combine(kind, sx, emb)
    y = np.array([r.label for r in train])
    clf = LogisticRegression(C=c, max_iter=2000, solver="liblinear", class_weight="balanced", random_state=seed)
    clf.fit(x, y)
    return LinearHead(kind, clf.coef_.ravel().astype(np.float32), float(clf.intercept_[0]), 0.5, terms, idf)


_TABLE: dict[str, np.ndarray] = {}


def warm_embeddings(groups: list[list[D.Example]]) -> None:
    """Embed whole data files once (cached as .npy under /tmp/newsprism-cache) and index rows by text."""
    for rows in groups:
        texts = [r.text for r in rows]
        if all(F.normalise(t) in _TABLE for t in texts):
            continue
        arr = F.embeddings(texts)
        for t, v in zip(texts, arr, strict=True):
            _TABLE[F.normalise(t)] = v


def _emb(rows: list[D.Example], kind: str) -> np.ndarray | None:
    if kind not in ("embed", "both"):
        return None
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


def score_checkworthiness(head: LinearHead, cb_val: list[D.Example], clef_val: list[D.Example]) -> dict[str, float]:
    """ClaimBuster F1 (positive class, at the head's threshold) and CLEF 2019 MAP over debates."""
    p_cb = head.predict([r.text for r in cb_val], _emb(cb_val, head.kind))
    y_cb = np.array([r.label for r in cb_val])
    p_clef = head.predict([r.text for r in clef_val], _emb(clef_val, head.kind))
    return {
        "claimbuster_f1": f1_at(y_cb, p_cb, head.threshold),
        "clef2019_map": mean_average_precision(
            [r.group for r in clef_val], [r.label for r in clef_val], p_clef.tolist()
        ),
    }


def score_subjectivity(head: LinearHead, val: list[D.Example]) -> dict[str, float]:
    p = head.predict([r.text for r in val], _emb(val, head.kind))
    return {"subjectivity_macro_f1": macro_f1(np.array([r.label for r in val]), p >= head.threshold)}


def train(data_dir: Path, out_dir: Path, seed: int, kinds: tuple[str, ...] = KINDS) -> dict[str, float]:
    sets = load_sets(data_dir, seed)
    if any(k != "tfidf" for k in kinds):
        warm_embeddings([sets["cb_all"], sets["subj_train"], sets["subj_val"], sets["babe"], sets["clef_val"]])
    comparison: dict[str, dict[str, float]] = {}
    # check-worthiness: ClaimBuster training part (+ CLEF 2019 training debates, TF-IDF only: embedding
    # 13k more debate lines is too slow on a shared 2-core box); select on ClaimBuster F1
    best_cw: tuple[float, LinearHead, dict[str, float], str] | None = None
    cw_variants = {"claimbuster": sets["cb_train"], "claimbuster+clef2019": sets["cb_train"] + sets["clef_train"]}
    for name, rows in cw_variants.items():
        for kind in kinds:
            if name != "claimbuster" and kind != "tfidf":
                continue
            emb = _emb(rows, kind)
            for c in C_GRID:
                head = _fit(kind, rows, c, seed, emb)
                p = head.predict([r.text for r in sets["cb_val"]], _emb(sets["cb_val"], kind))
                head.threshold = best_f1_threshold(np.array([r.label for r in sets["cb_val"]]), p)
                scores = score_checkworthiness(head, sets["cb_val"], sets["clef_val"])
                comparison[f"checkworthiness/{name}/{kind}/C={c}"] = {**scores, "threshold": head.threshold}
                log.info("checkworthiness %s %s C=%s %s", name, kind, c, scores)
                if best_cw is None or scores["claimbuster_f1"] > best_cw[0]:
                    best_cw = (scores["claimbuster_f1"], head, scores, name)
    # subjectivity: train_en (+ BABE opinion as a variant); select on dev macro-F1
    best_subj: tuple[float, LinearHead, dict[str, float], str] | None = None
    variants = {"checkthat": sets["subj_train"]}
    if sets["babe"]:
        variants["checkthat+babe"] = sets["subj_train"] + sets["babe"]
    for name, rows in variants.items():
        for kind in kinds:
            emb = _emb(rows, kind)
            for c in C_GRID:
                head = _fit(kind, rows, c, seed, emb)
                p = head.predict([r.text for r in sets["subj_val"]], _emb(sets["subj_val"], kind))
                head.threshold = 0.5
                scores = score_subjectivity(head, sets["subj_val"])
                comparison[f"subjectivity/{name}/{kind}/C={c}"] = scores
                log.info("subjectivity %s %s C=%s %s", name, kind, c, scores)
                if best_subj is None or scores["subjectivity_macro_f1"] > best_subj[0]:
                    best_subj = (scores["subjectivity_macro_f1"], head, scores, name)
                del p
    assert best_cw is not None and best_subj is not None
    meta = {
        "seed": seed,
        "validation": {
            "claimbuster": "seeded 20% by sentence",
            "clef2019_debates": D.validation_debates(
                D.read_clef2019(D.checkworthiness_dir(data_dir) / D.CLEF2019), seed
            ),
            "subjectivity": "dev_en.tsv",
        },
        "checkworthiness_training": best_cw[3],
        "subjectivity_training": best_subj[3],
        "scores": {**best_cw[2], **best_subj[2]},
        "comparison": comparison,
    }
    model = ClaimsModel({"checkworthiness": best_cw[1], "subjectivity": best_subj[1]}, meta)
    model.save(out_dir)
    (out_dir / "scores.json").write_text(json.dumps(meta["scores"], indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return {**best_cw[2], **best_subj[2]}
