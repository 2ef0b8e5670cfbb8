"""Marked quotations (issue 25, session 9): a place, region or date as the subject between two quotations does not
take the second from the speaker; three words after a full stop are a direct quotation. Sentences are written for
the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsprism.model import Article, Quote

Analyze = Callable[[str], Article]


def _find(art: Article, needle: str) -> Quote:
    hits = [q for q in art.quotes if needle in art.text[q.start : q.end]]
    assert hits, f"no quote containing {needle!r}: {[(q.kind, q.start, q.end) for q in art.quotes]}"
    return hits[0]


@pytest.mark.parametrize("middle", ["Ohio agreed.", "Europe agreed.", "Monday was quiet."])
def test_a_place_or_date_as_subject_keeps_the_speaker_of_the_next_quotation(analyze: Analyze, middle: str) -> None:
    art = analyze(f"“The plan is sound,” Tom Reed said. {middle} “It will pass this year.”")
    q = _find(art, "It will pass")
    assert q.kind == "direct" and q.speaker is not None and q.speaker.name == "Tom Reed"


def test_a_person_as_subject_between_two_quotations_takes_the_second_away(analyze: Analyze) -> None:
    art = analyze("“The plan is sound,” Tom Reed said. Ann Cole laughed. “It will pass this year.”")
    q = _find(art, "It will pass")
    assert q.speaker is None or q.speaker.name != "Tom Reed"


def test_three_capitalised_words_after_a_full_stop_are_direct(analyze: Analyze) -> None:
    art = analyze("The vote was close. “We lost badly,” Tom Reed said.")
    q = _find(art, "We lost badly")
    assert q.kind == "direct" and q.speaker is not None and q.speaker.name == "Tom Reed"
