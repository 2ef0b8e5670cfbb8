"""Hyphenated surnames are one name (session 10, issue 19: round 8 showed “Nunez-Smith said” as “Smith”):
the name chunks, the source noun phrase and its words keep "Ocasio-Cortez" whole. Names are made up or public
figures' names in sentences written for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsprism.model import Article
from newsprism.quotes.speaker_names import glued, hyphen_glue


def _doc(words: list[str], spaces: list[bool], pos: list[str]) -> Doc:
    return Doc(Vocab(), words=words, spaces=spaces, pos=pos)


def test_a_hyphen_between_two_names_without_spaces_glues_them() -> None:
    pos = ["PROPN", "PROPN", "PUNCT", "PROPN", "VERB"]
    doc = _doc(["Ann", "Ocasio", "-", "Cortez", "said"], [True, False, False, True, False], pos)
    assert hyphen_glue(doc, 1) and not hyphen_glue(doc, 0) and not hyphen_glue(doc, 3)
    assert [w for w, _ in glued(list(doc))] == ["Ann", "Ocasio-Cortez", "said"]
    assert [t.i for _, t in glued(list(doc))] == [0, 1, 4]


@pytest.mark.parametrize(
    ("spaces", "pos"),
    [
        ([True, True, True, False], ["PROPN", "PUNCT", "PROPN", "VERB"]),  # "Cole - Reed": a spaced dash
        ([False, False, True, False], ["PROPN", "PUNCT", "NOUN", "VERB"]),  # "Cole-backed": no second name
        ([False, False, True, False], ["ADJ", "PUNCT", "PROPN", "VERB"]),  # "pro-Reed": no first name
    ],
)
def test_no_glue_without_two_names_joined_tightly(spaces: list[bool], pos: list[str]) -> None:
    doc = _doc(["Cole", "-", "Reed", "said"], spaces, pos)
    assert not hyphen_glue(doc, 0)
    assert len(glued(list(doc))) == 4


def test_glued_words_of_three_parts_and_none() -> None:
    doc = _doc(["Ann", "-", "Lee", "-", "Cole"], [False] * 5, ["PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN"])
    assert [w for w, _ in glued(list(doc))] == ["Ann-Lee-Cole"]
    assert glued([]) == []


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Marcella Nunez-Smith leads the task force. “We are not there yet,” Dr. Nunez-Smith said.",
        "Dr. Marcella Nunez-Smith leads the task force. “We are not there yet,” Nunez-Smith said.",
        "“We are not there yet,” said Dr. Marcella Nunez-Smith, who leads the task force.",
    ],
)
def test_a_hyphenated_surname_speaks_whole(analyze: Callable[[str], Article], text: str) -> None:
    art = analyze(text)
    direct = [q for q in art.quotes if q.kind == "direct"]
    assert direct and direct[0].speaker is not None
    assert direct[0].speaker.name == "Marcella Nunez-Smith"
    assert "Nunez-Smith" in text[direct[0].speaker.start : direct[0].speaker.end]
