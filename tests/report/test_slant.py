"""Slant presentation: verbal bands of the lexicon score, the classifier line and why a label was withheld."""

from __future__ import annotations

import pytest

from newsprism.model import Article, Slant, SlantPhrase, make_span
from newsprism.report import slant as present


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0.0, "no clear lean"),
        (0.099, "no clear lean"),
        (-0.099, "no clear lean"),
        (0.1, "slightly right"),
        (-0.1, "slightly left"),
        (0.29, "slightly right"),
        (-0.29, "slightly left"),
        (0.3, "right"),
        (-0.7, "left"),
        (1.0, "right"),
    ],
)
def test_lean_bands_and_sign(score: float, band: str) -> None:
    assert present.lean(score) == band  # negative = left everywhere


def test_headline_words_and_number() -> None:
    assert present.lean_headline(0.7) == "Wording leans right: +0.70"
    assert present.lean_headline(-0.15) == "Wording leans slightly left: -0.15"
    assert present.lean_headline(0.04) == "No clear lean in its wording: +0.04"


def _slant(label: str, confidence: float, words: int) -> Slant:
    text = "They let illegal aliens in. Illegal aliens again, and illegal aliens. Amnesty for all, said the voter."
    art = Article(id="x", text=text)
    ev = [
        make_span(art, 9, 23, SlantPhrase, weight=3.1, count=3),
        make_span(art, 70, 77, SlantPhrase, weight=2.2, count=1),
        make_span(art, 96, 101, SlantPhrase, weight=-2.5, count=1),
    ]
    probs = {"right": confidence, "center": round((1 - confidence) * 0.6, 2), "left": round((1 - confidence) * 0.4, 2)}
    return Slant(label=label, score=0.7, confidence=confidence, evidence=ev, probabilities=probs, words=words)


def test_uncertain_reason_names_the_thresholds() -> None:
    min_words, min_conf = present.thresholds() or (300, 0.6)
    short = _slant("uncertain", 0.5, int(min_words) - 1)
    reason = present.uncertain_reason(short) or ""
    assert "short text" in reason and "low confidence (0.50" in reason
    assert present.classifier_line(short) == "Outlet-style classifier: uncertain (right 0.50, center 0.30, left 0.20)"
    long_low = _slant("uncertain", 0.5, int(min_words) + 100)
    assert "short text" not in (present.uncertain_reason(long_low) or "")
    assert present.uncertain_reason(_slant("right", max(0.9, min_conf), 900)) is None


def test_phrases_strongest_either_side_and_counts() -> None:
    v = present.view(_slant("uncertain", 0.5, 20))
    assert [p.text for p in v.phrases] == ["illegal aliens", "voter", "Amnesty"]
    assert [p.side for p in v.phrases] == ["right", "left", "right"]
    assert v.phrase_list() == "“illegal aliens” ×3, “voter”, “Amnesty”"
    assert v.sides == "2 right-coded and 1 left-coded phrases listed"
    line = present.one_line(_slant("uncertain", 0.5, 20), limit=2)
    assert line == "wording leans right (+0.70: “illegal aliens” ×3, “voter”, …), classifier uncertain"
