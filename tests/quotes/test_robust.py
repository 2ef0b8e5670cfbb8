"""Odd inputs never break the stage and every span stays an exact slice."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.model import Article, validate_offsets

PIECES = [
    "“",
    "”",
    '"',
    "‘",
    "’",
    "'",
    "''",
    ":",
    ",",
    ".",
    "\n",
    "\n\n",
    " ",
    "said",
    "she",
    "He",
    "Biden",
    "according to",
    "Officials",
    "told",
    "we",
    "A:",
    "Q:",
    "the president",
    "claimed",
    "that",
    "…",
    "[",
]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), min_size=0, max_size=40))
def test_any_mix_of_marks_and_cues(analyze: Callable[[str], Article], parts: list[str]) -> None:
    text = " ".join(parts)
    art = analyze(text)
    assert validate_offsets(art) == []
    for q in art.quotes:
        assert q.text.strip() and q.start < q.end
