"""Namesakes (issue 19, round 7): a bare surname, or an honorific and surname, shared by two people named in the
article resolves to the one whose full name is written last before it, or to no one when both could be meant.
Sentences are written for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsprism.model import Article, Quote

Analyze = Callable[[str], Article]

FAR = "Ron Pratt founded the firm in 1980.\n\nThe firm grew fast.\n\nIt hired many workers.\n\n"


def _find(art: Article, needle: str) -> Quote:
    hits = [q for q in art.quotes if needle in q.text]
    assert hits, f"no quote containing {needle!r}: {[(q.kind, q.text) for q in art.quotes]}"
    return hits[0]


@pytest.mark.parametrize("cue", ["Pratt said", "Mr. Pratt said"])
def test_surname_is_the_namesake_named_last_when_the_other_is_far_back(analyze: Analyze, cue: str) -> None:
    art = analyze(FAR + f"Mark Pratt now runs the firm.\n\n{cue} the sales were strong.")
    q = _find(art, "sales were strong")
    assert q.speaker is not None and q.speaker.name == "Mark Pratt"


@pytest.mark.parametrize(
    "middle",
    [
        "Mark Pratt met Ron Pratt on Monday.\n\n",  # both named in the paragraph before
        "Mark Pratt spoke next.\n\nThe firm grew.\n\n",  # the other one named a paragraph back
        "The board thanked Mark Pratt.\n\n",  # the last full name only an object
    ],
)
def test_surname_is_no_one_when_both_namesakes_could_be_meant(analyze: Analyze, middle: str) -> None:
    art = analyze(FAR + middle + "Pratt said the sales were strong.")
    assert _find(art, "sales were strong").speaker is None


def test_surname_before_the_second_namesake_is_the_first(analyze: Analyze) -> None:
    art = analyze(FAR + "Pratt said the sales were strong.\n\nMark Pratt now runs the firm.")
    q = _find(art, "sales were strong")
    assert q.speaker is not None and q.speaker.name == "Ron Pratt"


@pytest.mark.parametrize(
    "middle",
    [
        "Mark Pratt now runs the firm.\n\n",
        "Ron Pratt spoke first. The crowd cheered. Mark Pratt spoke next.\n\n",
    ],
)
def test_surname_right_after_a_namesake_subject_is_that_namesake(analyze: Analyze, middle: str) -> None:
    q = _find(analyze(FAR + middle + "Pratt said the sales were strong."), "sales were strong")
    assert q.speaker is not None and q.speaker.name == "Mark Pratt"


def test_surname_far_from_the_other_namesake_is_the_principal(analyze: Analyze) -> None:
    art = analyze(
        FAR + "The board thanked Mark Pratt.\n\nSales rose.\n\nPrices fell.\n\nPratt said the sales were strong."
    )
    q = _find(art, "sales were strong")
    assert q.speaker is not None and q.speaker.name == "Ron Pratt"


def test_full_name_of_a_namesake_is_that_person(analyze: Analyze) -> None:
    art = analyze("Ron Pratt spoke first. Mark Pratt spoke next.\n\nMark Pratt said the sales were strong.")
    q = _find(art, "sales were strong")
    assert q.speaker is not None and q.speaker.name == "Mark Pratt"
