"""Span vectors from the shared encoder pass (issue 22): the linear TC classifier re-embeds nothing."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.nlp.encoder import SentenceStates, encode
from newsprism.techniques.features import TC_FEATURES
from newsprism.techniques.model import TechniquesModel
from newsprism.techniques.spanvec import span_mean, span_state_vectors


def _enc(n: int = 4) -> SentenceStates:
    """[CLS], three wordpieces at characters 0-3, 4-7, 8-11, [SEP]; piece k's state is k+1 in dimension k."""
    states = np.zeros((n + 1, 384), np.float32)
    for k in range(1, n):
        states[k, k] = float(k)
    offs = np.array([(0, 0), (0, 3), (4, 7), (8, 11), (0, 0)][: n + 1], np.int64)
    return SentenceStates(states, offs, np.full(384, 0.5, np.float32))


def test_span_mean_averages_the_overlapped_wordpieces_and_skips_special_tokens() -> None:
    v = span_mean(_enc(), 4, 11)  # pieces 2 and 3
    assert v[2] == pytest.approx(2 / np.hypot(2, 3)) and v[3] == pytest.approx(3 / np.hypot(2, 3))
    assert v[0] == 0 and v[1] == 0 and np.linalg.norm(v) == pytest.approx(1.0)
    assert not span_mean(_enc(), 20, 30).any()  # past the truncation: zeros


def test_span_state_vectors_place_each_span_in_its_sentence() -> None:
    sents = [(0, 11), (12, 23)]
    encs = [_enc(), _enc()]
    out = span_state_vectors(sents, encs, [(12, 15), (0, 3), (11, 12)])
    assert out.shape == (3, 768)
    assert out[0, 1] == pytest.approx(1.0) and out[0, 384:].tolist() == [0.5] * 384  # sentence 2, piece 1
    assert out[1, 1] == pytest.approx(1.0)
    assert not out[2].any()  # between the sentences


def _tiny_states_model() -> TechniquesModel:
    emb = np.zeros((2, 768), np.float32)
    emb[1, 0] = 50.0  # class B when the span vector's first component is positive
    return TechniquesModel(
        np.zeros(2**18, np.float32),
        0.0,
        np.zeros((2, TC_FEATURES), np.float32),
        np.zeros(2, np.float32),
        ["Doubt", "Slogans"],
        {"threshold": 0.5, "tc_span_vector": "states"},
        emb,
    )


def test_classify_with_dense_vectors_never_calls_the_embedder() -> None:
    m = _tiny_states_model()
    assert m.span_states

    def refuse(texts: list[str]) -> np.ndarray:
        raise AssertionError(f"re-embedded {texts}")

    dense = np.zeros((1, 768), np.float32)
    dense[0, 0] = 1.0
    probs = m.classify("Vote now.", [(0, 4)], ["Vote now."], [["vote"]], refuse, dense)
    assert m.classes[int(probs.argmax())] == "Slogans"


def test_encoded_span_vectors_are_contextual_and_unit_length() -> None:
    text = "The senator dodged the question. Critics called it a disgrace."
    sents = [(0, 32), (33, len(text))]
    encs = encode([text[s:e] for s, e in sents])
    out = span_state_vectors(sents, encs, [(4, 11), (53, 62)])
    assert np.linalg.norm(out[:, :384], axis=1) == pytest.approx([1.0, 1.0], abs=1e-5)
    assert np.allclose(out[1, 384:], encs[1].pooled)
