"""Span re-scorer: logistic regression over span features -> P(model span overlaps a gold PTC span).

Trained on out-of-fold spans (k-fold over the training articles: each fold's spans come from a tagger that
never saw that fold), so its probabilities match the spans a tagger produces on unseen text. It serves two
purposes: the calibrated ``score`` of model spans, and a filter (spans below ``meta["rescore_cut"]`` are
dropped). Weights are a handful of floats stored in ``meta.json`` (no pickle).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from newsprism.techniques.features import Tok

FEATURES = (
    "logit_mean_p",  # logit of the span's mean token probability
    "max_logit",  # highest token logit (sparse + gate)
    "min_logit",  # lowest token logit
    "log_tokens",
    "log_chars",
    "gate",  # mean sentence-gate logit (0 without a gate)
    "has_quote_mark",
    "adj_share",
    "noun_share",
    "propn_share",
    "verb_share",
    "stop_share",
    "position",  # span start / article length
    "sentence_share",  # span length / its sentence's length
    "exclamation",
    "all_caps",
    "sparse",  # mean sparse-feature logit (without the gate)
    "in_long_quote",  # inside a quotation of more than LONG_QUOTE words
)


def logit(p: float) -> float:
    """log(p / (1 - p)) with p clipped to [1e-6, 1 - 1e-6]."""
    q = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(q / (1 - q))


def span_vector(
    text: str,
    toks: Sequence[Tok],
    sparse: np.ndarray,
    gate: np.ndarray,
    gate_weight: float,
    start: int,
    end: int,
    sentences: Sequence[tuple[int, int]],
    quoted: Sequence[tuple[int, int]],
) -> list[float]:
    """The :data:`FEATURES` of span [start, end): ``sparse``/``gate`` are per-token logits (gate unweighted)."""
    idx = [i for i, t in enumerate(toks) if t.start >= start and t.end <= end]
    if not idx:
        idx = [i for i, t in enumerate(toks) if t.start < end and start < t.end]
    sub = [toks[i] for i in idx]
    n = max(len(sub), 1)
    lg = sparse[idx] + gate_weight * gate[idx] if idx else np.zeros(1, dtype=np.float32)
    mean_p = float(np.mean(1.0 / (1.0 + np.exp(-lg))))
    sent = next(((s, e) for s, e in sentences if s <= start < e), (start, end))
    span = text[start:end]
    return [
        logit(mean_p),
        float(lg.max()),
        float(lg.min()),
        math.log(n),
        math.log(max(end - start, 1)),
        float(gate[idx].mean()) if idx else 0.0,
        float(any(c in span for c in '"“”')),
        sum(t.pos == "ADJ" for t in sub) / n,
        sum(t.pos == "NOUN" for t in sub) / n,
        sum(t.pos == "PROPN" for t in sub) / n,
        sum(t.pos == "VERB" for t in sub) / n,
        sum(t.stop for t in sub) / n,
        start / max(len(text), 1),
        (end - start) / max(sent[1] - sent[0], 1),
        float("!" in span),
        float(span.isupper()),
        float(sparse[idx].mean()) if idx else 0.0,
        float(any(qs <= start and end <= qe for qs, qe in quoted)),
    ]


@dataclass(frozen=True)
class Rescorer:
    """Standardised logistic regression over :data:`FEATURES`."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    bias: float

    def prob(self, x: Sequence[float]) -> float:
        z = self.bias + sum(c * (v - m) / s for c, v, m, s in zip(self.coef, x, self.mean, self.scale, strict=True))
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(FEATURES),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": list(self.coef),
            "bias": self.bias,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Rescorer:
        if list(d.get("features", [])) != list(FEATURES):
            raise ValueError("re-scorer features differ from this version's FEATURES")
        return cls(tuple(d["mean"]), tuple(d["scale"]), tuple(d["coef"]), float(d["bias"]))

    @classmethod
    def fit(cls, x: np.ndarray, y: Sequence[int], c: float = 1.0) -> Rescorer:
        from sklearn.linear_model import LogisticRegression

        x = np.asarray(x, dtype=np.float64)
        mean = x.mean(axis=0)
        scale = x.std(axis=0)
        scale[scale < 1e-9] = 1.0
        clf = LogisticRegression(C=c, max_iter=2000).fit((x - mean) / scale, list(y))
        return cls(
            tuple(float(v) for v in mean),
            tuple(float(v) for v in scale),
            tuple(float(v) for v in clf.coef_[0]),
            float(clf.intercept_[0]),
        )
