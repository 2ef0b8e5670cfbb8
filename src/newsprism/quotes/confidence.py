"""Confidence per quotation: a small logistic model over the candidate's features (the pass and reading that
found it, speech-act class, speaker type, cue class, length), Platt-calibrated; weights are JSON
(``models/quotes/confidence.json``, written by ``newsprism train quotes``: fitted on PolNeAR's training part,
calibrated on another part of it, never on the validation split).

Reports show a quotation as speech when :func:`shown` holds: not a quoted term, not a cognition/attitude
attribution (``attitude: true``), not a quotation whose written source resolved to no one (an ambiguous "she", a
shared surname, "supporters") and ``confidence >= threshold`` (the threshold is stored with the weights).
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsprism.lexicons.speech import ACT_CLASSES, LOADED, LOADED_MORE

if TYPE_CHECKING:
    from newsprism.model import Quote
    from newsprism.quotes.candidate import Candidate

MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "quotes" / "confidence.json"
RULES = (
    "direct", "partial", "block", "transcript", "interview", "headline", "clause", "clause_before", "before",
    "comma", "parenthetical", "as_reported", "object", "object_clause", "trailing", "according", "sourceless",
    "nominal", "record",
)  # fmt: skip
SPEAKER_KINDS = ("person", "organization", "outlet", "anonymous", "document", "none")
FEATURES = (
    *(f"rule={r}" for r in RULES),
    *(f"act={a}" for a in (*ACT_CLASSES, "none")),
    *(f"speaker={k}" for k in SPEAKER_KINDS),
    "pronoun_source",
    "loaded_cue",
    "log_words",
    "unclosed",
    "inherited_speaker",
)


def features(c: Candidate, text: str) -> dict[str, float]:
    """Named feature values of a kept, classified and resolved candidate (absent names are 0)."""
    x: dict[str, float] = {f"rule={c.rule}": 1.0}
    x[f"act={c.extra.get('speech_act') or 'none'}"] = 1.0
    x[f"speaker={c.speaker.cluster.kind if c.speaker is not None else 'none'}"] = 1.0
    if c.subj is not None and c.subj.pos_ == "PRON":
        x["pronoun_source"] = 1.0
    if c.cue is not None and c.cue.lemma_.lower() in LOADED | LOADED_MORE:
        x["loaded_cue"] = 1.0
    x["log_words"] = math.log1p(len(text[c.start : c.end].split()))
    if c.extra.get("closed") is False:
        x["unclosed"] = 1.0
    if c.extra.get("inherited_speaker"):
        x["inherited_speaker"] = 1.0
    return x


def nested(c: Candidate, quotes: list[Candidate]) -> Candidate | None:
    """The quotation that ``c`` sits inside (a partial inside an indirect clause), if any."""
    return next(
        (
            o
            for o in quotes
            if o is not c and o.start <= c.start and c.end <= o.end and (o.start, o.end) != (c.start, c.end)
        ),
        None,
    )


def vector(x: dict[str, float]) -> list[float]:
    return [x.get(f, 0.0) for f in FEATURES]


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> dict[str, Any] | None:
    """The shipped weights, or None when they are absent (confidence then stays null)."""
    if not path.exists():
        return None
    model: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if list(model.get("features", [])) != list(FEATURES):
        return None  # weights from another feature set: retrain (newsprism train quotes)
    return model


def probability(model: dict[str, Any], vec: list[float]) -> float:
    """Calibrated probability that the quotation is real with the right span: Platt scaling of the LR score."""
    z = model["intercept"] + sum(w * v for w, v in zip(model["coef"], vec, strict=True))
    t = model["platt_a"] * z + model["platt_b"]
    return 1.0 / (1.0 + math.exp(-max(-35.0, min(35.0, t))))


def threshold() -> float:
    model = load_model()
    return float(model["threshold"]) if model is not None else 0.5


def shown(q: Quote) -> bool:
    """Whether a report shows (and counts) this quotation as speech."""
    if q.kind == "term" or q.attitude:  # cognition/attitude attributions carry attitude: true
        return False
    if q.kind == "indirect" and q.outlet_report:
        return False  # a relay of someone else's reported speech: the inner quotation is shown (session 8)
    if q.unattributed and q.source_start is not None:
        return False  # the text names a source that could not be resolved to one speaker ("she", "supporters")
    if q.unattributed and q.cue is None and not q.interview:
        return False  # nothing attributes it (a run of hearing quotations, "…," an affidavit claims): no one's words
    return q.confidence is None or q.confidence >= threshold()
