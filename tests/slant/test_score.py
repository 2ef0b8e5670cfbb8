"""Calibrated confidences and the `uncertain` label of the shipped slant models."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.model import Article, content_id

TEXT = " ".join(
    ["The administration announced a new border policy on Monday, and lawmakers from both parties reacted."] * 30
)


@pytest.fixture()
def cal(monkeypatch: pytest.MonkeyPatch) -> dict[str, dict[str, float]]:
    from newsprism.slant import score

    c = {k: dict(v) for k, v in score.calibration().items()}
    monkeypatch.setattr(score, "calibration", lambda: c)
    return c


def test_shipped_calibration_is_complete() -> None:
    from newsprism.slant.score import calibration

    c = calibration()
    assert c["allsides"]["temperature"] > 0 and c["allsides"]["min_words"] >= 0
    assert c["allsides"]["min_confidence"] > 0
    for name in ("hyperpartisan", "babe"):
        assert 0 <= c[name]["w_emb"] <= 1 and c[name]["temperature"] > 0


def test_confidence_is_the_temperature_scaled_probability() -> None:
    from newsprism.slant.calibration import apply_temperature
    from newsprism.slant.score import allsides_model, allsides_proba, calibration

    raw = allsides_model().predict_proba([TEXT])
    p = allsides_proba([TEXT])
    assert np.allclose(p, apply_temperature(raw, calibration()["allsides"]["temperature"]))
    assert p.argmax() == raw.argmax()


def test_label_withheld_when_confidence_is_low_or_text_is_short(cal: dict[str, dict[str, float]]) -> None:
    from newsprism.slant.score import slant

    a = Article(id=content_id(TEXT), text=TEXT)
    cal["allsides"].update(min_confidence=0.0, min_words=0)
    s = slant(a)
    assert s.label in {"left", "center", "right"}
    cal["allsides"]["min_confidence"] = s.confidence + 0.01
    assert slant(a).label == "uncertain"
    cal["allsides"].update(min_confidence=0.0, min_words=10_000)
    assert slant(a).label == "uncertain"


def test_minilm_weight_moves_the_probability(cal: dict[str, dict[str, float]]) -> None:
    from newsprism.slant.score import babe_proba, model

    texts = ["The radical senator's disastrous scheme will destroy the economy.", "The bill passed 52 to 48."]
    cal["babe"].update(w_char=0.0, w_emb=0.0, stack=0.0, temperature=1.0)
    assert np.allclose(babe_proba(texts), model("babe").predict_proba(texts)[:, 1])
    cal["babe"]["w_emb"] = 1.0
    assert not np.allclose(babe_proba(texts), model("babe").predict_proba(texts)[:, 1])


def test_lexicon_score_subtracts_the_center_but_no_match_stays_zero() -> None:
    from newsprism.slant.score import lexicon_center, lexicon_score

    assert lexicon_score([(0, 5, 2.0)], center=0.05) == 2.0 / 22.0 - 0.05
    assert lexicon_score([], center=0.3) == 0.0  # no evidence either way
    assert lexicon_score([(0, 5, -200.0)], center=0.5) == -1.0  # clipped
    assert 0.0 < lexicon_center() < 1.0  # the shipped lexicon has more right than left phrases
