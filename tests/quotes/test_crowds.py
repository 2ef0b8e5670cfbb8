"""Loose crowds as sources (issue 25, session 9): a plural group counted loosely ("some Republicans", "several
lawmakers") names no one, while "the Republicans" is a body that speaks. Sentences are written for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsprism.model import Article

Analyze = Callable[[str], Article]


@pytest.mark.parametrize("source", ["Some Republicans", "Several lawmakers", "Few voters"])
def test_a_loosely_counted_group_is_no_speaker(analyze: Analyze, source: str) -> None:
    art = analyze(f"{source} said the bill was bad.")
    assert art.speakers == []
    assert [q.speaker for q in art.quotes] == [None]


def test_the_group_with_a_definite_article_speaks(analyze: Analyze) -> None:
    art = analyze("The Republicans said the bill was bad.")
    assert [(s.name, s.kind) for s in art.speakers] == [("Republicans", "organization")]
