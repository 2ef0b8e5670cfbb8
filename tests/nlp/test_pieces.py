"""Bounded pieces for spaCy: long texts in pieces with offsets intact, capped sentences, punctuation runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.model import Article
from newsprism.nlp import pieces as P
from newsprism.options import load_options
from newsprism.registry import Work
from newsprism.stages.nlp import nlp_stage, pipeline

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
ATTRS: list[int | str] = ["ORTH", "TAG", "POS", "DEP", "HEAD", "LEMMA", "ENT_IOB", "ENT_TYPE", "SENT_START", "MORPH"]
PARAGRAPH = (
    "Mayor Dana Ortiz said on Tuesday that the harbor tunnel would open in 2031. "
    "The council in Springfield voted 7-2 to approve it, and Rick Hale called it a giveaway."
)


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    nlp = pipeline(load_options().spacy_model)
    P.harden(nlp)
    return nlp


def test_pieces_cover_the_text_and_prefer_paragraph_then_sentence_then_space() -> None:
    text = "aaa bbb.\nccc ddd. eee fff ggg hhhhhhhhhhhhhhhhhhhh"
    spans = P.pieces(text, limit=12)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(e - s <= 12 for s, e in spans)
    assert spans[0] == (0, 9)  # after the line break
    assert text[spans[1][0] : spans[1][1]] == "ccc ddd. "  # after the full stop
    assert text[spans[2][0] : spans[2][1]] == "eee fff ggg "  # at a space
    assert all(e - s == 12 for s, e in spans[3:-1])  # hard cuts in the long word
    assert P.pieces("", limit=5) == [(0, 0)]


@pytest.fixture
def small_pieces(nlp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """A spaCy max_length of 5,000 (pieces follow it), so 'longer than spaCy allows' is quick to test."""
    old = nlp.max_length
    nlp.max_length = 5000
    yield
    nlp.max_length = old


@pytest.mark.usefixtures("small_pieces")
def test_text_longer_than_spacy_max_length_is_analysed_in_pieces_with_offsets_intact(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "\n\n".join(f"{PARAGRAPH} Item {i} follows." for i in range(80))
    assert len(text) > nlp.max_length
    work = Work(article=Article(id="long", text=text))
    nlp_stage([work], load_options(stages=["nlp"]))
    doc, art = work.doc, work.article
    assert doc is not None and doc.text == text
    assert len(art.sentences) >= 3 * 80
    for s in art.sentences:
        assert text[s.start : s.end].strip() == text[s.start : s.end]
    people = [e for e in art.entities if e.label == "PERSON"]
    assert len(people) >= 80
    for ent in art.entities:
        assert text[ent.start : ent.end] == ent.text
    last = [t for t in doc if t.text == "Hale"][-1]
    assert text[last.idx : last.idx + 4] == "Hale" and last.idx > len(text) - 200


def test_a_sentence_with_no_full_stop_is_capped_before_parsing(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "He said " + " ".join(["the council voted again"] * 300)
    doc = next(P.parse(nlp, [text]))
    assert max(len(s) for s in doc.sents) <= P.MAX_SENTENCE_TOKENS
    with_commas = "He said " + ", ".join(["the council voted again"] * 300)
    doc = next(P.parse(nlp, [with_commas]))
    starts = [s[0] for s in doc.sents][1:]
    assert starts and all(doc[t.i - 1].text == "," for t in starts)  # cut after a comma, not mid-clause


def test_punctuation_runs_become_bounded_tokens(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Stop" + "!" * 1000 + " now “" + "”" * 100 + " fine!!!"
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert max(len(t) for t in doc) <= P.MAX_PUNCT_RUN
    assert [t.text for t in doc][-4:] == ["fine", "!", "!", "!"]  # short runs tokenized as spaCy does
    assert len(doc) < 60


def test_seed_articles_parse_exactly_as_before(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    assert texts, f"no seeds in {SEEDS}"
    bounded = list(P.parse(nlp, texts))
    tokenizer = nlp.tokenizer
    nlp.tokenizer = tokenizer.inner
    try:
        with nlp.select_pipes(disable=[P.SENTENCE_CAP_COMPONENT]):
            plain = list(nlp.pipe(texts))
    finally:
        nlp.tokenizer = tokenizer
    for a, b in zip(bounded, plain, strict=True):
        assert a.text == b.text
        assert (a.to_array(ATTRS) == b.to_array(ATTRS)).all()
