"""Calibrated span scores, the repetition rule on quoted speech, MiniLM token vectors with offsets."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pytest

from newsprism.model import Article, content_id, validate_offsets
from newsprism.techniques.features import Tok
from newsprism.techniques.model import shipped_model
from newsprism.techniques.repetition import long_quotes, repeated_ngrams, requoted


def test_shipped_calibration_is_monotone_and_bounded() -> None:
    m = shipped_model()
    # Platt parameters ship only when Platt won on the inner tuning split; otherwise calibrate() is the identity
    assert bool(m.meta.get("calibration")) == (m.meta.get("span_score") == "platt")
    ps = np.linspace(0.0, 1.0, 201)
    cal = [m.calibrate(float(p)) for p in ps]
    assert all(0.0 <= c <= 1.0 for c in cal)
    assert all(b >= a for a, b in itertools.pairwise(cal))
    assert cal[-1] > cal[0]  # not a constant
    if m.meta.get("calibration"):  # fitted Platt parameters move the scores
        assert cal != pytest.approx(list(ps))
    else:
        assert cal == pytest.approx(list(ps))


def _toks(text: str) -> list[Tok]:
    out, pos = [], 0
    for w in text.split(" "):
        pos = text.index(w, pos)
        word = w.strip("“”.,")
        p = "PUNCT" if not word else ("ADJ" if word.lower() in ("open", "secure") else "NOUN")
        if word.lower() in ("the", "we", "they", "said", "want"):
            p = "VERB" if word.lower() in ("said", "want") else "PRON"
        out.append(Tok(pos, pos + len(w), w.lower(), word.lower(), p, "xxxx", p == "PRON"))
        pos += len(w)
    return out


def test_repetition_ignores_long_quotes() -> None:
    quote = "“we want secure borders and secure borders now and secure borders forever and more secure borders”"
    text = f"The senator said {quote} they said."
    toks = _toks(text)
    assert long_quotes(text) == [(text.index("“"), text.index("”") + 1)]
    assert repeated_ngrams(toks, quoted=long_quotes(text)) == []
    assert len(repeated_ngrams(toks)) == 3  # without the quote filter the speaker's phrase fires


def test_repetition_short_scare_quotes_still_count() -> None:
    text = "“secure borders” they want secure borders. We want secure borders and secure borders."
    toks = _toks(text)
    assert long_quotes(text) == []
    assert len(repeated_ngrams(toks, quoted=long_quotes(text))) == 3


def test_requoted_passage_is_marked() -> None:
    passage = "we want open borders and open trade now "
    toks = _toks((passage + "filler noun ") * 2 + "open borders")
    again = requoted(toks)
    assert all(again[:8]) and not again[-1]


def test_seed_002_quotes_do_not_fire_repetition(seed_texts: dict[str, str]) -> None:
    from newsprism.pipeline import Pipeline

    text = seed_texts["002"]
    art = Pipeline(stages=["nlp", "quotes", "techniques"])(Article(id=content_id(text), text=text))
    assert validate_offsets(art) == []
    assert [t.text for t in art.techniques if t.method == "repetition"] == []
    for t in art.techniques:
        assert 0.0 <= t.score <= 1.0


@pytest.fixture(scope="module")
def tokvec() -> Any:
    from newsprism.nlp import tokvec

    return tokvec


def test_token_vector_offsets_align_with_text(tokvec: Any) -> None:
    from newsprism.nlp.embed import Embedder

    text = "The “Biden regime” wants to flood the country.\n" + " ".join(f"item{i}" for i in range(200))
    nl = text.index("\n")
    segs = [(0, nl), (nl + 1, len(text))]
    out = tokvec.token_vectors(text, segs)
    assert [o.vectors.shape[1] for o in out] == [384, 384]
    first = [text[a:b] for a, b in out[0].offsets]
    assert first[:2] == ["The", "“"] and "regime" in first
    # the long line is windowed: every wordpiece has a vector and offsets stay inside its segment
    assert out[1].offsets[0, 0] == nl + 1 and out[1].offsets[-1, 1] == len(text)
    assert len(out[1].offsets) > 256
    for o, (s, e) in zip(out, segs, strict=True):
        assert (o.offsets[:, 0] >= s).all() and (o.offsets[:, 1] <= e).all()
        assert (np.diff(o.offsets[:, 0]) > 0).all()
    ref = Embedder().encode([text[:nl]])[0]
    assert float(out[0].pooled @ ref) > 0.999  # same pass gives the sentence vector embed() returns
    words = tokvec.align(out, [(4, 5), (5, 10), (0, 0)])
    assert np.abs(words[1]).sum() > 0 and np.abs(words[2]).sum() == 0
