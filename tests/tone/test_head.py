"""The learned tone head: features from the parse and quotations, probabilities from JSON weights, and the stage's
label and score taken from the head when one is given."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest

from newsprism.model import Article, content_id
from newsprism.nlp.encoder import SentenceStates
from newsprism.pipeline import Pipeline
from newsprism.tone.head import (
    CLASSES,
    FEATURES,
    head_vector,
    load_head,
    mention_features,
    mention_state,
    probabilities,
    vector,
)
from newsprism.tone.score import CUE_WEIGHT, tone

if TYPE_CHECKING:
    from spacy.tokens import Doc


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(stages=["nlp", "quotes"])


def _parsed(pipe: Pipeline, text: str) -> tuple[Article, Doc]:
    """The article after the nlp and quotes stages, and the nlp stage's parse of its text."""
    from newsprism.options import load_options
    from newsprism.stages.nlp import pipeline

    return pipe(Article(id=content_id(text), text=text)), pipeline(load_options().spacy_model)(text)


def _features(pipe: Pipeline, text: str, name: str) -> dict[str, float]:
    art, doc = _parsed(pipe, text)
    ent = next(e for e in art.entities if e.text == name)
    return mention_features(art, doc, ent, 0, len(text), CUE_WEIGHT)


def _model(**coef: list[float]) -> dict[str, object]:
    """A head whose only weights are ``coef[feature]`` = (negative, neutral, positive) on raw feature values."""
    rows = [[coef.get(f, [0.0, 0.0, 0.0])[k] for f in FEATURES] for k in range(3)]
    return {"features": list(FEATURES), "classes": list(CLASSES), "mean": [0.0] * len(FEATURES),
            "scale": [1.0] * len(FEATURES), "coef": rows, "intercept": [0.0, 0.5, 0.0]}  # fmt: skip


def test_features_read_roles_cues_and_negation(pipe: Pipeline) -> None:
    blamed = _features(pipe, "Critics blamed Senator Tom Reed for the long and costly shutdown.", "Tom Reed")
    assert blamed["patient_neg"] >= 1 and blamed["role_object"] == 1 and blamed["rule_score"] < 0
    assert blamed["person"] == 1 and blamed["quoted_cue_neg"] == 0 and blamed["negation"] == 0
    speaker = _features(pipe, "Tom Reed said the plan would not pass the Senate this year.", "Tom Reed")
    assert speaker["role_speaker"] == 1 and speaker["rule_score"] == 0 and speaker["negation"] == 1
    assert speaker["speech_verb"] == 1 and speaker["mention_subject"] == 1
    assert set(blamed) == set(FEATURES)


def test_a_cue_inside_a_quotation_counts_as_quoted(pipe: Pipeline) -> None:
    text = '"Kamala Harris has failed the country," said Ken Cuccinelli, the former acting deputy secretary.'
    f = _features(pipe, text, "Kamala Harris")
    assert f["agent_neg"] >= 1 and f["quoted_cue_neg"] >= 1 and f["mention_quoted"] == 1 and f["quoted_share"] > 0


def test_probabilities_follow_the_weights() -> None:
    model = _model(patient_neg=[2.0, 0.0, 0.0])
    x = np.zeros((2, len(FEATURES)))
    x[1, FEATURES.index("patient_neg")] = 2.0
    p = probabilities(model, x)
    assert p.shape == (2, 3) and np.allclose(p.sum(axis=1), 1.0)
    assert CLASSES[int(p[0].argmax())] == "neutral" and CLASSES[int(p[1].argmax())] == "negative"


def test_tone_takes_label_and_score_from_the_head(pipe: Pipeline) -> None:
    art, doc = _parsed(pipe, "Voters warmly praised Senator Maria Lopez for her careful and generous plan.")
    rule = tone(art, doc)
    assert rule[0].label == "positive"  # the v2 rule: praise cue and a warm clause
    neutral = tone(art, doc, head=_model())  # a head that always answers neutral
    assert neutral[0].label == "neutral" and neutral[0].score == 0.0
    neg = tone(art, doc, head=_model(person=[5.0, 0.0, 0.0]))
    assert neg[0].label == "negative" and -1 <= neg[0].score < 0


def test_load_head_reads_json_and_a_missing_file_is_none(tmp_path: Path) -> None:
    assert load_head(tmp_path / "absent.json") is None
    path = tmp_path / "head.json"
    path.write_text(json.dumps(_model()), encoding="utf-8")
    model = load_head(path)
    assert model is not None and model["classes"] == list(CLASSES)
    assert vector(dict.fromkeys(FEATURES, 1.0), model["features"]).shape == (len(FEATURES),)


def test_mention_state_averages_the_mentions_wordpieces_and_a_missing_state_adds_nothing() -> None:
    states = SentenceStates(
        states=np.array([[0.0, 0.0], [1.0, 3.0], [3.0, 5.0], [9.0, 9.0], [0.0, 0.0]], dtype=np.float32),
        offsets=np.array([[0, 0], [0, 3], [3, 6], [7, 12], [0, 0]]),  # [CLS], two pieces of "Obama", a word, [SEP]
        pooled=np.array([7.0, 7.0], dtype=np.float32),
    )
    assert mention_state(states, 0, 6).tolist() == [2.0, 4.0]  # type: ignore[union-attr]
    assert mention_state(states, 20, 25).tolist() == [7.0, 7.0]  # type: ignore[union-attr]  # cut off: pooled
    assert mention_state(None, 0, 6) is None
    model = {**_model(), "state_dim": 2}
    model["mean"] = [0.0] * len(FEATURES) + [5.0, 6.0]
    f = dict.fromkeys(FEATURES, 0.0)
    assert head_vector(model, f, None)[-2:].tolist() == [5.0, 6.0]  # the training mean: z = 0
    assert head_vector(model, f, np.array([1.0, 2.0]))[-2:].tolist() == [1.0, 2.0]
    assert len(head_vector(_model(), f, np.array([1.0, 2.0]))) == len(FEATURES)  # a head without states


def test_the_stage_with_the_shipped_head_labels_every_target_and_declares_its_files() -> None:
    from newsprism.options import load_options

    pipe = Pipeline(load_options(tone_model="head"), stages=["nlp", "quotes", "tone"])
    text = "Critics blamed Senator Tom Reed for the shutdown, while voters praised Maria Lopez for her plan."
    art = pipe(Article(id=content_id(text), text=text))
    assert {t.target for t in art.tone} == {"Tom Reed", "Maria Lopez"}
    assert all(t.label in CLASSES and -1 <= t.score <= 1 for t in art.tone)
    assert art.provenance is not None and "tone/head.json" in art.provenance.stages["tone"].models
