"""Numbers with approximators, ranges and roles (issue 26); the parse-dependent parts are in tests/nlp."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsprism.claims.quantities import approximation, numbers, role
from newsprism.model import Article


def _one(text: str) -> tuple[object, ...]:
    n = numbers(text, 0, len(text))
    assert n, text
    return n[0].value, n[0].high, n[0].approx, n[0].role, n[0].unit


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("about 19 people died", (19.0, None, "about", "count", None)),
        ("more than 20 years in office", (20.0, None, "more_than", "duration", "year")),
        ("at least 300 homes", (300.0, None, "at_least", "count", None)),
        ("fewer than 50 votes", (50.0, None, "less_than", "count", "vote")),
        ("up to $5 million in fines", (5e6, None, "at_most", "money", "USD")),
        ("between 10 and 12 injured", (10.0, 12.0, "range", "count", None)),
        ("two or three officers", (2.0, 3.0, "range", "count", None)),
        ("10 to 12 injured", (10.0, 12.0, "range", "count", None)),
        ("$10 million to $12 million", (1e7, 1.2e7, "range", "money", "USD")),
        ("the No. 2 job", (2.0, None, None, "rank", None)),
        ("a 20-year-old man", (20.0, None, None, "age", "year")),
        ("a two-year investigation", (2.0, None, None, "duration", "year")),
        ("rose 5.2% last year", (5.2, None, None, "percent", "percent")),
        ("a 595-mile border", (595.0, None, None, "measure", "mile")),
        ("signed nearly two-dozen executive actions", (24.0, None, "about", "count", None)),  # not 2 to 12
        ("two dozen officers", (24.0, None, None, "count", None)),
        ("a dozen officers", (12.0, None, None, "count", None)),
        ("we're asking for $5.6” billion, he said", (5.6e9, None, None, "money", "USD")),  # a closing quote
    ],
)
def test_value_approximator_role(text: str, want: tuple[object, ...]) -> None:
    assert _one(text) == want


def test_range_tail_is_not_a_second_number() -> None:
    assert [n.text for n in numbers("10 to 12 people", 0, 15)] == ["10"]


def test_a_falling_tally_is_not_a_range() -> None:
    assert approximation("voted 52-48 on it", 6, 8) == (None, None)


def test_role_defaults_to_count() -> None:
    assert role("19 senators", 0, 2, None) == "count"
    assert role("aged 45", 5, 7, None) == "age"


def test_the_claims_stage_fills_the_quantity_model(analyze: Callable[..., Article]) -> None:
    art = analyze("Officials said at least 19 people were killed in the attack on Monday.", published="2012-11-12")
    nums = [n for c in art.claims for n in c.numbers]
    assert nums, "the test sentence must yield a claim with a number"
    n = nums[0]
    assert (n.value, n.approx, n.role, n.counted, n.predicate) == (19.0, "at_least", "count", "people", "kill")
