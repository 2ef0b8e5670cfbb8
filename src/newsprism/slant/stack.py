"""Stacked heads of the binary slant models (issue 20, session 10).

A logistic regression over the logit of the word/char/MiniLM probability average and a few measured features:

- **BABE** (sentence bias): a biased-word lexicon — for each word, the share of BABE training sentences holding it
  whose annotators marked it as biased (``biased_words``), ``marked / (seen + k)`` for words seen in at least
  ``min_seen`` sentences; features = the sentence's highest rate and its number of words rated above
  `LEX_THRESHOLD`.
- **hyperpartisan**: the article's sentence-bias (BABE) probabilities pooled over its first `POOL_SENTENCES`
  sentences (mean, max, mean of the top 3, share >= 0.5) — the values the stage already computes for
  ``sentences[i].bias``, so no extra encoder pass.

Stored as JSON (no pickle): standardisation, coefficients, intercept; the lexicon as ``{word: rate}``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsprism.slant.features import MAX_SENTENCES

WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
LEX_THRESHOLD = 0.3  # a word "rated biased" when at least this share of its training sentences marked it
POOL_SENTENCES = MAX_SENTENCES  # the sentences the document vector reads


def tokens(text: str) -> list[str]:
    """Lower-cased words (letters, inner apostrophes and hyphens)."""
    return [w.lower() for w in WORD.findall(text.replace("\u2019", "'"))]


def lexicon_rates(texts: Sequence[str], marked: Sequence[Iterable[str]], k: float, min_seen: int) -> dict[str, float]:
    """Per word: (training sentences whose ``marked`` words hold it) / (sentences holding it + ``k``), for words in
    at least ``min_seen`` sentences; only non-zero rates are kept."""
    seen: dict[str, int] = {}
    hits: dict[str, int] = {}
    for text, words in zip(texts, marked, strict=True):
        for w in set(tokens(text)):
            seen[w] = seen.get(w, 0) + 1
        for w in {m.lower() for m in words}:
            hits[w] = hits.get(w, 0) + 1
    return {w: round(hits[w] / (n + k), 4) for w, n in seen.items() if n >= min_seen and hits.get(w)}


def lexicon_features(texts: Sequence[str], rates: dict[str, float]) -> np.ndarray:
    """(n, 2): each text's highest word rate and its number of words rated above `LEX_THRESHOLD`."""
    out = np.zeros((len(texts), 2))
    for i, t in enumerate(texts):
        r = [rates.get(w, 0.0) for w in tokens(t)]
        out[i] = (max(r, default=0.0), sum(x > LEX_THRESHOLD for x in r))
    return out


def pooled(probs: Sequence[np.ndarray]) -> np.ndarray:
    """(n, 4): mean, max, mean of the top 3 and share >= 0.5 of each article's first `POOL_SENTENCES` sentence-bias
    probabilities (an article without sentences counts as one sentence at 0.5)."""
    out = np.zeros((len(probs), 4))
    for i, p in enumerate(probs):
        q = np.asarray(p, dtype=np.float64)[:POOL_SENTENCES]
        q = q if len(q) else np.array([0.5])
        out[i] = (q.mean(), q.max(), np.sort(q)[-3:].mean(), float((q >= 0.5).mean()))
    return out


def logit(p: np.ndarray) -> np.ndarray:
    q = np.clip(np.asarray(p, dtype=np.float64), 1e-6, 1 - 1e-6)
    return np.asarray(np.log(q / (1 - q)))


@dataclass
class Stacker:
    """P(1) = sigmoid(((x - mean) / scale) @ coef + intercept), x = [logit(P of the average), extra features]."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def proba(self, p_mix: np.ndarray, extra: np.ndarray) -> np.ndarray:
        x = np.column_stack([logit(p_mix), np.asarray(extra, dtype=np.float64)])
        z = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        return np.asarray(1.0 / (1.0 + np.exp(-z)))

    def save(self, path: Path, **meta: object) -> None:
        d = {"mean": self.mean.tolist(), "scale": self.scale.tolist(), "coef": self.coef.tolist()}
        path.write_text(json.dumps({**d, "intercept": self.intercept, **meta}, indent=1), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Stacker:
        d = json.loads(path.read_text(encoding="utf-8"))
        arr = {k: np.asarray(d[k], dtype=np.float64) for k in ("mean", "scale", "coef")}
        return cls(arr["mean"], arr["scale"], arr["coef"], float(d["intercept"]))
