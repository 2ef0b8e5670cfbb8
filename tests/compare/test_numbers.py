from types import SimpleNamespace

import pytest
from pydantic import ValidationError

from newsprism.compare.numbers import claim_mentions, find_dates, find_numbers, legacy_conflicts
from newsprism.model import DateMention, NumberMention


def test_find_numbers_values_units_and_what() -> None:
    text = "Police said 1,200 migrants crossed, costing $3.5 million, up 12% from 2019."
    found = {m.text: m for m in find_numbers(text)}
    assert found["1,200"].value == 1200 and found["1,200"].what == "migrant"
    assert found["$3.5 million"].value == 3_500_000 and found["$3.5 million"].unit == "USD"
    assert found["12%"].unit == "%" and found["12%"].value == 12
    assert "2019" not in found  # a year is not a quantity
    for m in find_numbers(text, offset=10):
        assert text[m.start - 10 : m.end - 10] == m.text


def test_word_numbers_and_dates() -> None:
    text = "Three officers were hurt on March 24, 2021 and again on June 7."
    nums = find_numbers(text)
    assert [(m.value, m.what) for m in nums] == [(3.0, "officer")]
    dates = find_dates(text)
    assert [d.unit for d in dates] == ["2021-03-24", "--06-07"]
    assert all(text[d.start : d.end] == d.text for d in dates)


def test_claim_mentions_drop_bad_offsets() -> None:
    text = "About 40 people died."
    items = [NumberMention(text="40", start=6, end=8, value=40.0), NumberMention(text="x", start=0, end=3)]
    got = claim_mentions(items, text)
    assert got is not None and len(got) == 1 and got[0].what == "people" and got[0].value == 40.0
    assert claim_mentions([], text) is None  # no numbers from the claims stage: the caller finds its own


def test_claim_mentions_of_dates_carry_the_iso_form() -> None:
    text = "It opened on June 7."
    (got,) = claim_mentions([DateMention(text="June 7", start=13, end=19, iso="2021-06-07")], text) or []
    assert (got.kind, got.unit, got.value) == ("date", "2021-06-07", None)


def _unit(article: str, text: str, start: int = 0) -> SimpleNamespace:
    return SimpleNamespace(
        article=article,
        text=text,
        start=start,
        end=start + len(text),
        numbers=find_numbers(text, start),
        dates=find_dates(text, start),
    )


def test_conflict_only_for_same_quantity_with_different_values() -> None:
    a = _unit("a", "The storm killed 12 people and destroyed 40 homes.")
    b = _unit("b", "The storm killed 15 people and destroyed 40 homes.")
    c = _unit("c", "The storm killed 12 people on Monday.")
    conflicts = legacy_conflicts([(a, b, "c1"), (a, c, "c1")])
    assert len(conflicts) == 1
    vals = conflicts[0].values
    assert conflicts[0].quantity == "people" and {v.value for v in vals} == {12.0, 15.0}
    assert {v.article for v in vals} == {"a", "b"}
    assert conflicts[0].id == "n1" and conflicts[0].match == "claim_group"


def test_date_conflict_within_a_claim_group() -> None:
    a = _unit("a", "The summit opened on June 7 in Guatemala City.")
    b = _unit("b", "The summit opened on June 8 in Guatemala City.")
    assert [c.kind for c in legacy_conflicts([(a, b, "c1")])] == ["date"]
    assert legacy_conflicts([(a, b, None)]) == []  # dates only conflict inside one claim group


def test_odd_number_values_are_refused_by_the_model() -> None:
    with pytest.raises(ValidationError):
        NumberMention.model_validate({"text": "40", "start": 8, "end": 10, "value": "forty", "unit": 3})
