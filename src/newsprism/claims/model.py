"""The shipped claim models: two logistic regressions (check-worthiness, subjectivity) over TF-IDF
and/or MiniLM features, stored as JSON + .npy (loaded with allow_pickle=False; no pickle)."""

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


@dataclass
class LinearHead:
    """One binary logistic regression over the features named by ``kind``."""

    kind: str  # "tfidf" | "embed" | "both"
    coef: np.ndarray
    intercept: float
    threshold: float
    terms: list[str] = field(default_factory=list)
    idf: np.ndarray | None = None

    def predict(self, texts: list[str], emb: np.ndarray | None = None) -> np.ndarray:
        """Probability of the positive class for each text (``emb``: precomputed MiniLM vectors)."""
        if not texts:
            return np.zeros(0, dtype=np.float32)
        sx = F.tfidf(texts, self.terms, self.idf) if self.kind in ("tfidf", "both") and self.idf is not None else None
        dx = None
        if self.kind in ("embed", "both"):
            dx = emb if emb is not None else F.embeddings(texts, cache=False)
        x = F.combine(self.kind, sx, dx)
        z = np.asarray(x @ self.coef.astype(np.float32)).ravel() + self.intercept
        return (1.0 / (1.0 + np.exp(-z))).astype(np.float32)

    @property
    def needs_embeddings(self) -> bool:
        return self.kind in ("embed", "both")

    def save(self, path: Path, prefix: str) -> dict[str, Any]:
        np.save(path / f"{prefix}_coef.npy", self.coef.astype(np.float32), allow_pickle=False)
        if self.terms and self.idf is not None:
            (path / f"{prefix}_vocab.json").write_text(json.dumps(self.terms, ensure_ascii=False), encoding="utf-8")
            np.save(path / f"{prefix}_idf.npy", self.idf.astype(np.float32), allow_pickle=False)
        return {"kind": self.kind, "intercept": self.intercept, "threshold": self.threshold}

    @classmethod
    def load(cls, path: Path, prefix: str, meta: dict[str, Any]) -> LinearHead:
        kind = str(meta["kind"])
        terms: list[str] = []
        idf = None
        if kind in ("tfidf", "both"):
            terms = json.loads((path / f"{prefix}_vocab.json").read_text(encoding="utf-8"))
            idf = np.load(path / f"{prefix}_idf.npy", allow_pickle=False)
        coef = np.load(path / f"{prefix}_coef.npy", allow_pickle=False)
        width = (len(terms) if kind != "embed" else 0) + (384 if kind != "tfidf" else 0)
        if coef.shape != (width,):
            raise ValueError(f"{prefix}_coef.npy has shape {coef.shape}, expected ({width},)")
        return cls(kind, coef, float(meta["intercept"]), float(meta["threshold"]), terms, idf)


@dataclass
class ClaimsModel:
    heads: dict[str, LinearHead]
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
        heads = {task: head.save(path, PREFIX[task]) for task, head in self.heads.items()}
        meta = {**self.meta, "heads": heads}
        (path / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path = MODEL_DIR) -> ClaimsModel:
        try:
            meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
            heads = {task: LinearHead.load(path, PREFIX[task], meta["heads"][task]) for task in TASKS}
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError("E081", path=path, reason=str(exc)) from exc
        return cls(heads, meta)


@lru_cache(maxsize=1)
def shipped() -> ClaimsModel:
    """The model in src/newsprism/models/claims, loaded once."""
    return ClaimsModel.load(MODEL_DIR)
