"""Headline lines "Name: words" (issue 25, session 9): a short line led by a known person's name and a colon is an
indirect quotation of that person with the colon as cue; long lines, very short words and lines led by a body are
none. Sentences are written for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsprism.model import Article

Analyze = Callable[[str], Article]

ROADS = (
    "the roads and the bridges and the schools and the parks will all be fixed this year "
    "with money from the new state fund"
)


def _rows(art: Article) -> list[tuple[str, str, str | None, int | None, str, bool | None]]:
    rows = []
    for q in art.quotes:
        cue = art.text[q.cue_start : q.cue_end] if q.cue_start is not None and q.cue_end is not None else ""
        rows.append(
            (q.kind, art.text[q.start : q.end], q.speaker.name if q.speaker else None, q.event, cue, q.headline)
        )
    return rows


def test_a_name_and_a_colon_lead_a_headline_quotation(analyze: Analyze) -> None:
    art = analyze(
        "Tom Reed and Ann Cole spoke on Monday.\n\nReed: The roads will be fixed this year\n\n"
        "Cole: The bridge comes first next spring"
    )
    assert _rows(art) == [
        ("indirect", "The roads will be fixed this year", "Tom Reed", 1, ":", True),
        ("indirect", "The bridge comes first next spring", "Ann Cole", 2, ":", True),
    ]


def test_eight_characters_are_enough_for_a_headline(analyze: Analyze) -> None:
    art = analyze("Tom Reed spoke on Monday.\n\nReed: We agree\n\nThe council met later.")
    assert _rows(art) == [("indirect", "We agree", "Tom Reed", 1, ":", True)]


@pytest.mark.parametrize(("tail", "kept"), [("", True), (" now", False)])
def test_a_line_of_more_than_25_words_is_no_headline(analyze: Analyze, tail: str, kept: bool) -> None:
    art = analyze(f"Tom Reed spoke on Monday.\n\nReed: {ROADS}{tail}")
    assert [q.headline for q in art.quotes] == ([True] if kept else [])


def test_a_body_and_a_colon_lead_no_headline(analyze: Analyze) -> None:
    art = analyze("Tom Reed spoke on Monday.\n\nCongress: The roads will be fixed this year\n\nThe council met later.")
    assert art.quotes == []
