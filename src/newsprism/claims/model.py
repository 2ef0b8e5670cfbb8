"""The shipped claim models: two stacked logistic-regression heads (check-worthiness, subjectivity).

Each head has base logistic regressions over one feature kind each (TF-IDF word 1-2 grams, TF-IDF character
2-5 grams, MiniLM sentence embeddings) and a meta logistic regression over the base logits (stacking: the
meta weights were fitted on out-of-fold base logits of the training part). Everything is stored as JSON +
.npy (loaded with allow_pickle=False; no pickle, no sklearn object)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.claims import features as F
from newsprism.errors import ModelError

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "claims"
TASKS = ("checkworthiness", "subjectivity")
PREFIX = {"checkworthiness": "cw", "subjectivity": "subj"}
KINDS = ("word", "char", "embed")
EMBED_DIM = 384


@dataclass
class BaseModel:
    """One logistic regression over one feature kind ("word" | "char" TF-IDF, or "embed" MiniLM)."""

    kind: str
    coef: np.ndarray
    intercept: float
    terms: list[str] = field(default_factory=list)
    idf: np.ndarray | None = None
    info: dict[str, Any] = field(default_factory=dict)  # training settings (C, extra-data weight), for the card
    _vec: Any = field(default=None, repr=False, compare=False)  # the fixed-vocabulary vectorizer, built once

    def logit(self, texts: list[str], emb: np.ndarray | None) -> np.ndarray:
        if self.kind == "embed":
            x: Any = emb if emb is not None else F.embeddings(texts, cache=False)
        else:
            assert self.idf is not None
            if self._vec is None:
                self._vec = F.vectorizer(self.terms, self.kind)
            x = F.tfidf(texts, self.terms, self.idf, self.kind, self._vec)
        return np.asarray(x @ self.coef.astype(np.float32), dtype=np.float64).ravel() + self.intercept

    def save(self, path: Path, stem: str) -> dict[str, Any]:
        np.save(path / f"{stem}_coef.npy", self.coef.astype(np.float32), allow_pickle=False)
        if self.kind != "embed" and self.idf is not None:
            (path / f"{stem}_vocab.json").write_text(json.dumps(self.terms, ensure_ascii=False), encoding="utf-8")
            np.save(path / f"{stem}_idf.npy", self.idf.astype(np.float32), allow_pickle=False)
        return {"kind": self.kind, "stem": stem, "intercept": self.intercept, **self.info}

    @classmethod
    def load(cls, path: Path, meta: dict[str, Any]) -> BaseModel:
        kind, stem = str(meta["kind"]), str(meta["stem"])
        if kind not in KINDS:
            raise ValueError(f"unknown feature kind {kind!r}")
        terms: list[str] = []
        idf = None
        if kind != "embed":
            terms = json.loads((path / f"{stem}_vocab.json").read_text(encoding="utf-8"))
            idf = np.load(path / f"{stem}_idf.npy", allow_pickle=False)
            if idf.shape != (len(terms),):
                raise ValueError(f"{stem}_idf.npy has shape {idf.shape}, expected ({len(terms)},)")
        coef = np.load(path / f"{stem}_coef.npy", allow_pickle=False)
        width = EMBED_DIM if kind == "embed" else len(terms)
        if coef.shape != (width,):
            raise ValueError(f"{stem}_coef.npy has shape {coef.shape}, expected ({width},)")
        info = {k: v for k, v in meta.items() if k not in ("kind", "stem", "intercept")}
        return cls(kind, coef, float(meta["intercept"]), terms, idf, info)


@dataclass
class StackedHead:
    """Probability = sigmoid(meta_coef · [base logits] + meta_intercept); positive at ``threshold``."""

    bases: list[BaseModel]
    meta_coef: np.ndarray
    meta_intercept: float
    threshold: float

    def base_logits(self, texts: list[str], emb: np.ndarray | None = None) -> np.ndarray:
        if self.needs_embeddings and emb is None and texts:
            emb = F.embeddings(texts, cache=False)
        return np.column_stack([b.logit(texts, emb) for b in self.bases])

    def predict(self, texts: list[str], emb: np.ndarray | None = None) -> np.ndarray:
        """Probability of the positive class for each text (``emb``: precomputed MiniLM vectors)."""
        if not texts:
            return np.zeros(0, dtype=np.float32)
        z = self.base_logits(texts, emb) @ self.meta_coef.astype(np.float64) + self.meta_intercept
        return (1.0 / (1.0 + np.exp(-z))).astype(np.float32)

    @property
    def needs_embeddings(self) -> bool:
        return any(b.kind == "embed" for b in self.bases)

    @property
    def kinds(self) -> list[str]:
        return [b.kind for b in self.bases]

    def save(self, path: Path, prefix: str) -> dict[str, Any]:
        bases = [b.save(path, f"{prefix}_{b.kind}") for b in self.bases]
        return {
            "bases": bases,
            "meta_coef": [float(v) for v in self.meta_coef],
            "meta_intercept": self.meta_intercept,
            "threshold": self.threshold,
        }

    @classmethod
    def load(cls, path: Path, meta: dict[str, Any]) -> StackedHead:
        bases = [BaseModel.load(path, m) for m in meta["bases"]]
        coef = np.asarray(meta["meta_coef"], dtype=np.float64)
        if not bases or coef.shape != (len(bases),):
            raise ValueError(f"meta_coef has shape {coef.shape}, expected ({len(bases)},)")
        return cls(bases, coef, float(meta["meta_intercept"]), float(meta["threshold"]))


@dataclass
class ClaimsModel:
    heads: dict[str, StackedHead]
    meta: dict[str, Any]

    @property
    def needs_embeddings(self) -> bool:
        return any(h.needs_embeddings for h in self.heads.values())

    def score(self, texts: list[str], emb: np.ndarray | None = None) -> dict[str, np.ndarray]:
        """{"checkworthiness": p, "subjectivity": p} for each text; embeds once (unless ``emb`` is given)."""
        if emb is None and texts and self.needs_embeddings:
            emb = F.embeddings(texts, cache=False)
        return {task: head.predict(texts, emb) for task, head in self.heads.items()}

    def save(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        for old in [*path.glob("cw_*"), *path.glob("subj_*")]:
            old.unlink()  # artifacts of an earlier layout must not linger beside the new ones
        heads = {task: head.save(path, PREFIX[task]) for task, head in self.heads.items()}
        meta = {**self.meta, "heads": heads}
        (path / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path = MODEL_DIR) -> ClaimsModel:
        try:
            meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
            heads = {task: StackedHead.load(path, meta["heads"][task]) for task in TASKS}
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelError("E081", path=path, reason=str(exc)) from exc
        return cls(heads, meta)


@lru_cache(maxsize=1)
def shipped() -> ClaimsModel:
    """The model in src/newsprism/models/claims (refitted on all labelled rows), loaded once."""
    return ClaimsModel.load(MODEL_DIR)
