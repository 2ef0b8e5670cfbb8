"""The span calibrator of the linear model (issue 27): features, JSON weights, and how ``detect`` uses it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pytest

from newsprism.techniques import TECHNIQUES
from newsprism.techniques import neutral as lex
from newsprism.techniques.model import CALIBRATOR_FILE, MODEL_DIR, TechniquesModel, detect, shipped_model
from newsprism.techniques.rescore import FEATURES as SPAN_FEATURES
from newsprism.techniques.shown import FEATURES, Calibrator, features, read_calibrator

TEXT = (
    "The corrupt regime is a witch hunt against ordinary patriots. It will destroy our great nation.\n"
    "Officials said the plan was an attack on freedom, and critics called it a disaster."
)


def _lr(coef: dict[str, float], bias: float = 0.0, cut: float = 0.5) -> Calibrator:
    n = len(FEATURES)
    return Calibrator(
        {
            "features": list(FEATURES),
            "coef": [coef.get(f, 0.0) for f in FEATURES],
            "mean": [0.0] * n,
            "scale": [1.0] * n,
            "intercept": bias,
            "shown_threshold": cut,
        }
    )


def test_features_layout() -> None:
    x = features("lexicon", 0.6, [0.5] * len(SPAN_FEATURES), [0.7, 0.2, 0.1], "Doubt")
    assert len(x) == len(FEATURES)
    row = dict(zip(FEATURES, x, strict=True))
    assert (row["source_lexicon"], row["source_repetition"], row["source_model"]) == (1.0, 0.0, 0.0)
    assert row["base_score"] == 0.6 and row["base_logit"] == pytest.approx(np.log(0.6 / 0.4))
    assert row["tc_top"] == pytest.approx(0.7) and row["tc_margin"] == pytest.approx(0.5)
    assert sum(row[f"technique_{t}"] for t in TECHNIQUES) == 1.0 and row["technique_Doubt"] == 1.0


def test_linear_and_tree_probabilities() -> None:
    x = features("model", 0.5, [0.0] * len(SPAN_FEATURES), [1.0], "Slogans")
    assert _lr({"base_score": 2.0}).prob(x) == pytest.approx(1 / (1 + np.exp(-1.0)))
    k = FEATURES.index("source_model")
    tree = {"f": [k, -1, -1], "t": [0.5, 0.0, 0.0], "l": [1, -1, -1], "r": [2, -1, -1], "v": [0.0, -1.0, 2.0]}
    data = {"features": list(FEATURES), "trees": [tree], "intercept": 0.5, "shown_threshold": 0.3}
    assert Calibrator(data).prob(x) == pytest.approx(1 / (1 + np.exp(-2.5)))
    lexicon = features("lexicon", 0.5, [0.0] * len(SPAN_FEATURES), [1.0], "Slogans")
    assert Calibrator(data).prob(lexicon) == pytest.approx(1 / (1 + np.exp(0.5)))


def test_other_feature_set_is_refused(tmp_path: Any) -> None:
    with pytest.raises(ValueError, match="features differ"):
        Calibrator({"features": ["a"], "coef": [1.0], "shown_threshold": 0.5})
    assert read_calibrator(tmp_path / "absent.json") is None


def test_detect_scores_every_detection_with_the_calibrator() -> None:
    """Same spans and techniques with or without the calibrator; each score is the calibrator's probability of
    that detection's features, and shown is score >= the calibrator's cut."""
    from newsprism.datasets.ptc import line_sentences
    from newsprism.nlp.spacy_loader import load_spacy
    from newsprism.techniques.features import tokens_from_doc

    base = replace(shipped_model(), calibrator=None)
    toks = tokens_from_doc(load_spacy()(TEXT))
    sents, entries = line_sentences(TEXT), lex.load_lexicon(None)
    trace: list[Any] = []
    plain = detect(base, TEXT, toks, sents, entries, trace=trace)
    assert {d.source for d in plain} >= {"lexicon", "model"}
    cal = _lr({"base_score": 4.0, "tc_top": 1.0}, bias=-2.0, cut=0.45)
    dets = detect(replace(base, calibrator=cal), TEXT, toks, sents, entries)
    assert [(d.start, d.end, d.technique, d.source) for d in dets] == [
        (d.start, d.end, d.technique, d.source) for d in plain
    ]
    want = {(d.start, d.end): cal.prob(features(d.source, d.score, x, tc, d.technique)) for d, x, tc in trace}
    for d in dets:
        assert d.score == pytest.approx(want[(d.start, d.end)])
        assert d.shown is (d.score >= 0.45)
    assert replace(base, calibrator=cal).shown_threshold == 0.45


def test_shipped_calibrator_is_small_json_and_loaded() -> None:
    path = MODEL_DIR / CALIBRATOR_FILE
    if not path.exists():
        pytest.skip("no calibrator shipped")
    assert path.stat().st_size < 3_000_000
    model = TechniquesModel.load(MODEL_DIR)
    assert model.calibrator is not None
    assert model.shown_threshold == model.calibrator.cut == model.meta["shown_threshold"]


def test_save_keeps_the_calibrator(tmp_path: Any) -> None:
    model = shipped_model()
    assert model.calibrator is not None
    model.save(tmp_path)
    again = TechniquesModel.load(tmp_path)
    assert again.calibrator is not None and again.shown_threshold == model.shown_threshold
    x = features("model", 0.55, [0.1] * len(SPAN_FEATURES), [0.6, 0.3], "Doubt")
    assert again.calibrator.prob(x) == model.calibrator.prob(x)
