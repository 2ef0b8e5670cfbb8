"""The span calibrator of the linear techniques model (issue 27): one calibrated ``score`` per detection.

Every detection (lexicon, repetition or model span) gets P(span overlaps a gold PTC span) from a small model over
what the detector already knows of it: its source, its rule's or Platt score, the re-scorer's span features
(token logits, sentence gate, length, POS shares, quoting, position: :mod:`newsprism.techniques.rescore`), the TC
classifier's confidence (top probability, margin over the second) and its technique. A span is shown when that
score reaches the calibrator's cut. Weights are JSON (``models/techniques/shown_calibrator.json``, written by
``newsprism train techniques-calibrator``: :mod:`newsprism.training.techniques_calibrator`), no pickle; without
the file the detector keeps its per-source scores.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsprism.quotes.confidence import tree_value
from newsprism.techniques import TECHNIQUES
from newsprism.techniques.rescore import FEATURES as SPAN_FEATURES
from newsprism.techniques.rescore import logit

SOURCES = ("lexicon", "repetition", "model")
FEATURES = (
    *(f"source_{s}" for s in SOURCES),
    "base_score",  # the per-source score: lexicon row precision, repetition precision, Platt of a model span
    "base_logit",
    *(f"span_{f}" for f in SPAN_FEATURES),
    "tc_top",  # the TC classifier's highest probability
    "tc_margin",  # ... minus its second highest
    "tc_log_top",
    *(f"technique_{t}" for t in TECHNIQUES),  # the detection's technique (lexicon row's, rule's or TC's)
)


def features(source: str, base: float, span_x: Sequence[float], tc: Sequence[float], technique: str) -> list[float]:
    """The :data:`FEATURES` of one detection: ``span_x`` its re-scorer features, ``tc`` its TC probabilities."""
    top = [*sorted((float(p) for p in tc), reverse=True), 0.0, 0.0]
    return [
        *(float(source == s) for s in SOURCES),
        float(base),
        logit(base),
        *(float(v) for v in span_x),
        top[0],
        top[0] - top[1],
        math.log(top[0] + 1e-6),
        *(float(technique == t) for t in TECHNIQUES),
    ]


class Calibrator:
    """Gradient-boosted trees (``trees``) or a standardised logistic regression (``coef``), then Platt scaling."""

    def __init__(self, data: dict[str, Any]) -> None:
        if list(data.get("features", [])) != list(FEATURES):
            raise ValueError("calibrator features differ from this version's FEATURES")
        self.data = data
        self.cut = float(data["shown_threshold"])

    def prob(self, vec: Sequence[float]) -> float:
        """Calibrated P(the detection overlaps a gold span) from its :func:`features`."""
        d, x = self.data, list(vec)
        if "trees" in d:
            z = float(d["intercept"]) + sum((tree_value(t, x) for t in d["trees"]), 0.0)
        else:
            z = float(d["intercept"]) + sum(
                c * (v - m) / s for c, v, m, s in zip(d["coef"], x, d["mean"], d["scale"], strict=True)
            )
        t = float(d.get("platt_a", 1.0)) * z + float(d.get("platt_b", 0.0))
        return 1.0 / (1.0 + math.exp(-max(-35.0, min(35.0, t))))


def read_calibrator(path: Path) -> Calibrator | None:
    """The calibrator in ``path`` (None when the file is absent)."""
    if not path.exists():
        return None
    return Calibrator(json.loads(path.read_text(encoding="utf-8")))
