"""The stacked heads of the binary slant models (issue 20, session 10): biased-word lexicon, pooled sentence bias."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsprism.slant.stack import Stacker, lexicon_features, lexicon_rates, pooled, tokens


def test_lexicon_rates_count_sentences_marking_a_word() -> None:
    texts = ["The radical plan failed.", "A radical idea.", "The plan passed.", "Radical!"]
    marked = [["radical"], [], ["passed"], ["Radical"]]
    rates = lexicon_rates(texts, marked, k=1.0, min_seen=2)
    assert rates["radical"] == round(2 / (3 + 1), 4)  # marked in 2 of the 3 sentences holding it
    assert "passed" not in rates  # seen in one sentence only (< min_seen)
    assert "plan" not in rates  # never marked: no zero rates are stored
    assert lexicon_rates(texts, marked, k=1.0, min_seen=1)["passed"] == 0.5


def test_lexicon_features_are_the_highest_rate_and_the_count_above_the_threshold() -> None:
    f = lexicon_features(["A radical, radical scheme.", "Nothing here."], {"radical": 0.6, "scheme": 0.2})
    assert f.tolist() == [[0.6, 2.0], [0.0, 0.0]]
    assert tokens("Trump\u2019s well-known plan") == ["trump's", "well-known", "plan"]


def test_pooled_sentence_bias_reads_the_first_sentences_only() -> None:
    f = pooled([np.array([0.2, 0.9, 0.4, 0.6]), np.zeros(0), np.array([0.1] * 20 + [1.0])])
    assert np.allclose(f[0], [0.525, 0.9, (0.9 + 0.4 + 0.6) / 3, 0.5])
    assert np.allclose(f[1], [0.5, 0.5, 0.5, 1.0])  # no sentence: one at 0.5
    assert f[2][1] == pytest.approx(0.1)  # the 21st sentence is not read


def test_stacker_round_trip(tmp_path: Path) -> None:
    st = Stacker(np.array([0.0, 1.0]), np.array([2.0, 1.0]), np.array([1.5, -0.5]), 0.25)
    st.save(tmp_path / "s.json", c=0.1)
    back = Stacker.load(tmp_path / "s.json")
    p, x = np.array([0.3, 0.8]), np.array([[1.0], [3.0]])
    z = (np.log(p / (1 - p)) / 2.0) * 1.5 - 0.5 * (x[:, 0] - 1.0) + 0.25
    assert np.allclose(back.proba(p, x), 1 / (1 + np.exp(-z)))


@pytest.fixture()
def cal(monkeypatch: pytest.MonkeyPatch) -> dict[str, dict[str, float]]:
    from newsprism.slant import score

    c = {k: dict(v) for k, v in score.calibration().items()}
    monkeypatch.setattr(score, "calibration", lambda: c)
    return c


def test_hyperpartisan_head_pools_the_given_sentence_bias(cal: dict[str, dict[str, float]]) -> None:
    from newsprism.slant.score import hyperpartisan_proba

    if not cal["hyperpartisan"].get("stack"):
        pytest.skip("the shipped hyperpartisan model has no stacked head")
    text = "The senator spoke on Monday. The bill passed the chamber. " * 10
    dv = np.full((1, 384), 1 / np.sqrt(384))
    calm = hyperpartisan_proba([text], dv, sentence_bias=[np.full(12, 0.05)])
    loaded = hyperpartisan_proba([text], dv, sentence_bias=[np.full(12, 0.95)])
    assert loaded[0] > calm[0]


def test_babe_head_reads_the_biased_word_lexicon(cal: dict[str, dict[str, float]]) -> None:
    from newsprism.slant.score import babe_lexicon, babe_proba

    if not cal["babe"].get("stack"):
        pytest.skip("the shipped BABE model has no stacked head")
    texts = ["The radical senator's disastrous scheme will destroy the economy.", "The bill passed 52 to 48."]
    vectors = np.full((2, 384), 1 / np.sqrt(384))
    assert max(babe_lexicon().values()) <= 1.0
    with_head = babe_proba(texts, vectors)
    cal["babe"]["stack"] = 0.0
    assert not np.allclose(with_head, babe_proba(texts, vectors))


def test_slant_pools_the_sentence_bias_already_set_without_re_embedding(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stage sets ``sentences[i].bias`` first; `slant` reads them and its given vectors (no encoder pass)."""
    import newsprism.nlp as nlp
    from newsprism.model import Article, content_id
    from newsprism.records import Sentence
    from newsprism.slant.score import calibration, slant

    if not calibration()["hyperpartisan"].get("stack"):
        pytest.skip("the shipped hyperpartisan model has no stacked head")

    def no_encoder(texts: list[str]) -> np.ndarray:
        raise AssertionError("slant re-embedded sentences")

    monkeypatch.setattr(nlp, "embed", no_encoder)
    text = "The senator spoke on Monday. The bill passed the chamber after a long debate."
    sents = [Sentence(start=0, end=28), Sentence(start=29, end=len(text))]
    vectors = np.full((2, 384), 1 / np.sqrt(384))
    a = Article(id=content_id(text), text=text, sentences=sents)
    for s in a.sentences:
        s.bias = 0.05
    calm = slant(a, vectors).hyperpartisan
    for s in a.sentences:
        s.bias = 0.95
    loaded = slant(a, vectors).hyperpartisan
    assert calm is not None and loaded is not None and loaded > calm
