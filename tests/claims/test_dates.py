"""Dates resolve only against a year in the text or the article's own publication date (issue 23)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsprism.claims.dates import is_duration, resolve
from newsprism.model import Article


@pytest.mark.parametrize(
    ("expr", "published", "iso", "basis"),
    [
        ("2019", None, "2019", "text"),
        ("in 2019", None, "2019", "text"),
        ("March 2020", None, "2020-03", "text"),
        ("June 5, 2021", None, "2021-06-05", "text"),
        ("Sept. 11, 2001", None, "2001-09-11", "text"),
        ("last year", "2024-05-10", "2023", "published"),
        ("yesterday", "2024-05-10", "2024-05-09", "published"),
        ("January", "2016-09-20", "2016-01", "published"),
        ("December", "2016-09-20", "2015-12", "published"),  # the latest December before the article
        ("March 26", "2016-09-20", "2016-03-26", "published"),
        ("Tuesday", "2016-09-20", "2016-09-20", "published"),  # news usage: the article's own day included
        ("last Tuesday", "2016-09-20", "2016-09-13", "published"),
        ("next month", "2016-09-20", "2016-10", "published"),
    ],
)
def test_supported_dates_resolve(expr: str, published: str | None, iso: str, basis: str) -> None:
    got = resolve(expr, published)
    assert (got.iso, got.basis) == (iso, basis)


@pytest.mark.parametrize(
    ("expr", "published"),
    [
        ("January", None),  # NOT January of the current year
        ("March 26", None),
        ("Tuesday", None),
        ("yesterday", None),
        ("last year", None),
        ("three months ago", None),
        ("this week", None),
        ("five-year", None),
        ("five-year", "2016-09-20"),
        ("20-year", "2024-05-10"),
        ("three months", "2016-09-20"),
        ("the past two weeks", "2016-09-20"),
        ("three months ago", "2016-09-20"),  # issue 26: an offset from the article's date is a duration
        ("two years ago", "2012-11-14"),
        ("a two-year", "2012-11-14"),  # was read as 2 January
        ("56", "2018-10-26"),  # an age tagged DATE ("Cesar Sayoc, 56,") was read as 1956
        ("2019-20", None),  # a season or fiscal year, not 20 December 2019
        ("the 1990s", None),
        ("his 30s", "2017-11-09"),  # after round 6 (issue 26): an age's decade was read as the article's day
        ("her early 20s", "2017-11-09"),
        ("January", "not a date"),
    ],
)
def test_unsupported_dates_stay_unresolved(expr: str, published: str | None) -> None:
    got = resolve(expr, published)
    assert (got.iso, got.basis) == (None, None)


@pytest.mark.parametrize(
    ("expr", "duration"),
    [("five-year", True), ("20-year-old", True), ("three months", True), ("a decade", True),
     ("three months ago", True), ("a two-year", True), ("two years ago", True), ("May 2020", False),
     ("Tuesday", False)],
)  # fmt: skip
def test_durations(expr: str, duration: bool) -> None:
    assert is_duration(expr) is duration


UNDATED = (
    "The ministry announced the five-year plan in January. The law took effect on March 26, and the agency "
    "reported 4,000 complaints by Tuesday. Officials said the program will end next year."
)


def _dates(art: Article) -> list[tuple[str, str | None, str | None]]:
    return [(d.text, d.iso, d.basis) for c in art.claims for d in c.dates]


def test_undated_article_gets_no_date_the_text_does_not_support(analyze: Callable[..., Article]) -> None:
    art = analyze(UNDATED)
    found = _dates(art)
    assert found, "the test text must yield dated claims"
    assert all(iso is None and basis is None for _, iso, basis in found), found
    assert all("five-year" not in text for text, _, _ in found)


def test_the_same_text_with_a_publication_date_resolves_against_it(analyze: Callable[..., Article]) -> None:
    art = analyze(UNDATED, published="2016-09-20")
    resolved = {text: iso for text, iso, basis in _dates(art) if basis == "published"}
    assert resolved.get("January") == "2016-01"
    assert all(iso is not None and iso <= "2017" for iso in resolved.values())


@pytest.mark.parametrize(
    ("expr", "published", "iso", "end", "granularity"),
    [
        ("Monday", "2012-11-12", "2012-11-12", None, "day"),  # on a Monday, "Monday" is that day
        ("November", "2012-11-12", "2012-11", None, "month"),  # month granularity, not the article's day
        ("2006", None, "2006", None, "year"),
        ("Nov. 25, 2006", None, "2006-11-25", None, "day"),
        ("earlier this week", "2012-11-14", "2012-11-12", "2012-11-14", "week"),
        ("this week", "2012-11-14", "2012-11-12", "2012-11-18", "week"),
        ("last week", "2012-11-14", "2012-11-05", "2012-11-11", "week"),
        ("the past week", "2012-11-14", "2012-11-07", "2012-11-14", "week"),
    ],
)
def test_granularity_and_week_spans(
    expr: str, published: str | None, iso: str, end: str | None, granularity: str
) -> None:
    got = resolve(expr, published)
    assert (got.iso, got.end, got.granularity) == (iso, end, granularity)


def test_week_spans_need_the_article_date() -> None:
    assert resolve("earlier this week", None).iso is None


def test_date_mentions_carry_granularity_and_predicate(analyze: Callable[..., Article]) -> None:
    art = analyze("The governor announced the new budget plan on Monday in the state capital.", published="2012-11-12")
    found = [(d.text, d.iso, d.granularity, d.predicate) for c in art.claims for d in c.dates]
    assert ("Monday", "2012-11-12", "day", "announce") in found, found


@pytest.mark.parametrize(
    ("sentence", "expr", "iso"),
    [
        ("The minister will leave office on January 1.", "January 1", "2019-01-01"),  # issue 26 round 4
        ("Her last day will be Feb. 28.", "Feb. 28", "2019-02-28"),
        ("The plant is scheduled to close in March.", "March", "2019-03"),
        ("The minister left office on January 1.", "January 1", "2018-01-01"),  # past tense: the last one
        ("He said on March 26 that he will go.", "March 26", "2018-03-26"),  # the future comes after the date
        ("Mattis would be retiring at the end of February.", "the end of February", "2019-02"),  # round 6
        ("His resignation is effective December 31.", "December 31", "2018-12-31"),  # a copula of effect
        ("He would have turned 50 in March.", "March", "2018-03"),  # "would have": no plan
    ],
)
def test_a_future_clause_reads_a_yearless_date_forward(sentence: str, expr: str, iso: str) -> None:
    from newsprism.claims.dates import future_context

    future = future_context(sentence, sentence.index(expr))
    assert resolve(expr, "2018-12-20", future).iso == iso


def test_the_end_of_a_month_is_that_month() -> None:
    assert resolve("the end of February", "2018-12-20").iso == "2018-02"
    assert resolve("the end of February", "2018-12-20", future=True).iso == "2019-02"
    assert resolve("the beginning of March 2017", None).iso == "2017-03"
