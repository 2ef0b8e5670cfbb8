"""Slant presentation: measured signals first, no lean line, the classifier line and why a label was withheld."""

from __future__ import annotations

import pytest

from newsprism.model import Article, Sentence, Slant, SlantPhrase, Technique, make_span
from newsprism.report import slant as present


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
    assert "short text" in reason
    assert ("low confidence (0.50" in reason) if min_conf <= 1 else ("no confidence is enough" in reason)
    assert present.classifier_line(short) == "Outlet-style classifier: uncertain (right 0.50, center 0.30, left 0.20)"
    long_low = _slant("uncertain", 0.5, int(min_words) + 100)
    assert "short text" not in (present.uncertain_reason(long_low) or "")
    assert present.uncertain_reason(_slant("right", 0.9, 900)) is None


def test_a_classifier_that_never_names_a_side_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(present, "thresholds", lambda: (300, 1.01))  # the shipped word model (issue 20)
    reason = present.uncertain_reason(_slant("uncertain", 0.45, 900)) or ""
    assert "no confidence is enough" in reason and "low confidence" not in reason and "1.01" not in reason


def test_phrases_strongest_either_side_and_counts() -> None:
    slant = _slant("uncertain", 0.5, 20)
    v = present.view(Article(id="x", text="t", slant=slant))
    assert [p.text for p in v.phrases] == ["illegal aliens", "voter", "Amnesty"]
    assert [p.side for p in v.phrases] == ["right", "left", "right"]
    assert v.phrase_list() == "“illegal aliens” ×3, “voter”, “Amnesty”"
    assert v.phrase_list(2) == "“illegal aliens” ×3, “voter”, …"


def _measured_article() -> Article:
    text = "The regime lies. Taxes rose. A radical plan. Rain fell."
    art = Article(id="m", text=text)
    art.sentences = [
        Sentence(start=a, end=b, bias=p) for a, b, p in ((0, 16, 0.9), (17, 28, 0.1), (29, 44, 0.6), (45, 55, 0.2))
    ]
    art.techniques = [
        make_span(art, 4, 10, Technique, technique="Loaded_Language", score=0.8, explanation="e"),
        make_span(art, 31, 38, Technique, technique="Name_Calling,Labeling", score=0.7, explanation="e"),
        make_span(art, 17, 28, Technique, technique="Doubt", score=0.7, explanation="e"),
    ]
    art.slant = Slant(label="uncertain", score=0.7, confidence=0.4, hyperpartisan=0.72, words=11)
    return art


def test_measured_lines_lead_and_no_lean_line() -> None:
    art = _measured_article()
    v = present.view(art)
    val = present.validation()
    assert v.measured == [
        f"Hyperpartisan probability 0.72 (validation accuracy {val['hyperpartisan_accuracy']:.2f})",
        f"Biased sentences (BABE model): 2 of 4 (50%; validation macro-F1 {val['babe_macro_f1']:.2f})",
        "Loaded language: 2 spans (techniques stage)",
    ]
    assert v.not_shown.startswith("Lean: not shown — no lexicon or classifier here tells left from right")
    assert f"AUC {val['lexicon_auc_right_vs_left']:.2f}" in v.not_shown
    assert f"classifier AUC {val['allsides_auc_right_vs_left']:.2f}; a lean needs 0.70" in v.not_shown
    line = present.one_line(art)
    assert line.startswith("hyperpartisan 0.72 · biased sentences 2/4 · loaded language 2 · lean not shown")
    # a score of +0.70 is never put into words: no band, no "leans"
    assert "lean" not in " ".join(v.measured).lower() and "leans" not in line and "right" not in line


def test_validation_numbers_come_from_the_pinned_floors() -> None:
    from newsprism.bench.gate import load_floors

    spec = load_floors("slant")
    assert spec is not None
    assert present.validation()["babe_macro_f1"] == spec["metrics"]["babe_macro_f1"]["full"]["measured"]
