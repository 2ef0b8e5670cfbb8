"""How every report shows an article's slant: the wording (lexicon score and its phrases) first, the classifier second.

The classifier label is withheld as ``uncertain`` for almost every article (docs/slant.md), so the reports lead
with what can be checked on the page: the partisan phrases the log-odds lexicon found, and their balance
(``score`` in [-1, 1], negative = left), put into words by :func:`lean`. The classifier's probabilities follow,
with the reason a label was withheld.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.model import Slant

# Verbal bands on |score| (docs/slant.md, "Presentation"). score = sum z / (sum |z| + 20) - center, so (center
# aside) one right-coded phrase alone (z 2.0-2.5) moves it by 0.09-0.11, and 0.3 needs a net z of about 8.6.
SLIGHT = 0.1
CLEAR = 0.3
# Measured on the AllSides validation outlets (seed 13, 1,346 articles; `newsprism bench slant`, lexicon_auc, and
# scripts/slant_lexicon_check.py): with the center subtracted the median article scores -0.03 (left -0.05, right
# -0.07), and the score does not separate right from left articles there (AUC 0.52; 0.82 on the training outlets
# the lexicon was learnt from). Shown under the headline.
CAVEAT = (
    "Counts partisan-coded phrases, not the article's politics: 0 is a typical training article, and on outlets "
    "the lexicon was not built from the score does not tell left from right articles apart."
)
CLASSIFIER_NAME = "Outlet-style classifier"


def lean(score: float) -> str:
    """Verbal band of a lexicon score: ``left`` / ``right`` side, ``slightly`` under :data:`CLEAR`, none under
    :data:`SLIGHT` (negative = left)."""
    side = "right" if score > 0 else "left"
    if abs(score) < SLIGHT:
        return "no clear lean"
    if abs(score) < CLEAR:
        return f"slightly {side}"
    return side


def lean_headline(score: float) -> str:
    """``Wording leans right: +0.70`` / ``Wording leans slightly left: -0.15`` / ``No clear lean in its wording``."""
    band = lean(score)
    if band == "no clear lean":
        return f"No clear lean in its wording: {score:+.2f}"
    return f"Wording leans {band}: {score:+.2f}"


@dataclass
class Phrase:
    """One evidence phrase: its first occurrence, z-score (positive = right) and number of occurrences."""

    text: str
    start: int
    end: int
    weight: float
    count: int

    @property
    def side(self) -> str:
        return "right" if self.weight > 0 else "left"

    @property
    def label(self) -> str:
        return f"“{self.text}”" + (f" ×{self.count}" if self.count > 1 else "")


@dataclass
class SlantView:
    """Everything a report says about one article's slant, in the order it is shown."""

    score: float
    lean: str
    headline: str
    phrases: list[Phrase]
    classifier: str
    reason: str | None
    hyperpartisan: float | None
    label: str

    def phrase_list(self, limit: int = 6) -> str:
        """``“illegal aliens” ×3, “amnesty”, …`` (strongest first) or ``no partisan phrases found``."""
        if not self.phrases:
            return "no partisan phrases found"
        more = ", …" if len(self.phrases) > limit else ""
        return ", ".join(p.label for p in self.phrases[:limit]) + more

    @property
    def sides(self) -> str:
        """``5 right-coded and 1 left-coded phrases listed`` (the evidence keeps the strongest 25 phrases)."""
        right = sum(p.weight > 0 for p in self.phrases)
        return f"{right} right-coded and {len(self.phrases) - right} left-coded phrases listed"


def thresholds() -> tuple[float, float] | None:
    """(min_words, min_confidence) of the shipped classifier (models/slant/calibration.json), None if unreadable."""
    try:
        from newsprism.slant.score import calibration

        cal = calibration()["allsides"]
        return cal["min_words"], cal["min_confidence"]
    except (OSError, KeyError, ValueError):
        return None


def probabilities(slant: Slant) -> dict[str, float]:
    """The classifier's class probabilities by label ({} when the record has none)."""
    return slant.probabilities.model_dump() if slant.probabilities is not None else {}


def classifier_line(slant: Slant) -> str:
    """``Outlet-style classifier: uncertain (right 0.50, center 0.30, left 0.20)``, most probable class first."""
    probs = probabilities(slant)
    if probs:
        detail = ", ".join(f"{k} {v:.2f}" for k, v in sorted(probs.items(), key=lambda kv: -kv[1]))
    else:
        detail = f"confidence {slant.confidence:.2f}"
    return f"{CLASSIFIER_NAME}: {slant.label} ({detail})"


def uncertain_reason(slant: Slant) -> str | None:
    """Why the label was withheld (short text / low confidence, with the shipped thresholds); None when labelled."""
    if slant.label != "uncertain":
        return None
    limits = thresholds()
    words = slant.words
    if limits is None:
        return "Label withheld: the classifier is not confident enough to name a side."
    min_words, min_conf = limits
    why = []
    if words is not None and words < min_words:
        why.append(f"short text ({words} words, a label needs {int(min_words)})")
    if slant.confidence < min_conf:
        why.append(f"low confidence ({slant.confidence:.2f}, a label needs {min_conf:.2f})")
    if not why:
        return "Label withheld when the article was analysed (thresholds have changed since)."
    return (
        "Label withheld: "
        + " and ".join(why)
        + "; on outlets it was not trained on, the classifier is rarely reliable enough to name a side."
    )


def phrases_of(slant: Slant) -> list[Phrase]:
    """The evidence phrases, strongest |z| first (the stage's order, re-sorted in case a record was edited)."""
    return [Phrase(e.text, e.start, e.end, e.weight, e.count) for e in slant.strongest_phrases()]


def view(slant: Slant) -> SlantView:
    return SlantView(
        score=slant.score,
        lean=lean(slant.score),
        headline=lean_headline(slant.score),
        phrases=phrases_of(slant),
        classifier=classifier_line(slant),
        reason=uncertain_reason(slant),
        hyperpartisan=slant.hyperpartisan,
        label=slant.label,
    )


def one_line(slant: Slant, limit: int = 3) -> str:
    """The CLI summary: ``wording leans right (+0.70: “illegal aliens” ×3, “amnesty”, …), classifier uncertain``."""
    v = view(slant)
    band = "no clear lean in wording" if v.lean == "no clear lean" else f"wording leans {v.lean}"
    phrases = f": {v.phrase_list(limit)}" if v.phrases and limit > 0 else ""
    return f"{band} ({v.score:+.2f}{phrases}), classifier {v.label}"
