"""Namesakes and quotation marks (issue 25, session 9): a full name written inside quotation marks (curly or straight)
is no mention that tells two namesakes apart; marks closed in an earlier paragraph do not hide a later name. Sentences
are written for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsprism.model import Article

Analyze = Callable[[str], Article]

FAR = "Ron Pratt founded the firm in 1980.\n\nThe firm grew fast.\n\nIt hired many workers.\n\n"


def _speaker(art: Article, needle: str) -> str | None:
    q = next(q for q in art.quotes if needle in art.text[q.start : q.end])
    return q.speaker.name if q.speaker else None


@pytest.mark.parametrize(
    "middle",
    [
        "The sign read “Mark Pratt runs the firm now” in red.\n\n",
        'The sign read "Mark Pratt runs the firm now" in red.\n\n',
        'The old sign, "Mark Pratt runs the firm now.\n\n',
    ],
)
def test_a_namesake_named_inside_quotation_marks_does_not_count(analyze: Analyze, middle: str) -> None:
    assert _speaker(analyze(FAR + middle + "Pratt said the sales were strong."), "sales were strong") == "Ron Pratt"


def test_marks_closed_in_the_paragraph_before_do_not_hide_a_name(analyze: Analyze) -> None:
    text = FAR + 'The motto was "go."\nMark Pratt now runs the firm.\n\nPratt said the sales were strong.'
    assert _speaker(analyze(text), "sales were strong") == "Mark Pratt"
