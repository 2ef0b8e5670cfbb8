"""The calendar lexicon: one list of weekday/month names, its lookups and its pattern agree."""

from __future__ import annotations

import re

from newsprism.lexicons.calendar import AP_MONTHS, MONTH_NUMBERS, MONTH_PATTERN, MONTHS, WEEKDAY_PATTERN, WEEKDAYS


def test_every_month_form_is_numbered_and_matched_by_the_pattern() -> None:
    assert [MONTH_NUMBERS[m] for m in MONTHS] == list(range(1, 13))
    assert MONTH_NUMBERS["sept"] == MONTH_NUMBERS["sep"] == 9 and MONTH_NUMBERS["may"] == 5
    month = re.compile(rf"(?:{MONTH_PATTERN})")
    for form in MONTH_NUMBERS:
        assert month.fullmatch(form.capitalize()), form
    assert all(MONTH_NUMBERS[m] for m in AP_MONTHS)
    assert not month.fullmatch("Monday") and not month.fullmatch("Janu")


def test_weekday_pattern_matches_whole_words_only() -> None:
    day = re.compile(rf"\b(?:{WEEKDAY_PATTERN})\b", re.I)
    assert len(WEEKDAYS) == 7 and all(day.fullmatch(d.title()) for d in WEEKDAYS)
    assert not day.search("mondays are slow") and day.search("on Friday night")
