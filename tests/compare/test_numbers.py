from types import SimpleNamespace

from newsprism.compare.numbers import find_dates, find_numbers, mentions_from_extra, number_conflicts


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


def test_mentions_from_extra_drops_bad_offsets() -> None:
    text = "About 40 people died."
    items = [{"text": "40", "start": 6, "end": 8, "value": 40.0, "unit": None}, {"text": "x", "start": 0, "end": 3}]
    got = mentions_from_extra(items, text, "number")
    assert got is not None and len(got) == 1 and got[0].what == "people"


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
    conflicts = number_conflicts([(a, b, "c1"), (a, c, "c1")])
    assert len(conflicts) == 1
    vals = conflicts[0]["values"]
    assert conflicts[0]["quantity"] == "people" and {v["value"] for v in vals} == {12.0, 15.0}
    assert {v["article"] for v in vals} == {"a", "b"}


def test_date_conflict_within_a_claim_group() -> None:
    a = _unit("a", "The summit opened on June 7 in Guatemala City.")
    b = _unit("b", "The summit opened on June 8 in Guatemala City.")
    assert [c["kind"] for c in number_conflicts([(a, b, "c1")])] == ["date"]
    assert number_conflicts([(a, b, None)]) == []  # dates only conflict inside one claim group


def test_mentions_from_extra_tolerates_odd_values() -> None:
    text = "Roughly 40 people came."
    got = mentions_from_extra([{"text": "40", "start": 8, "end": 10, "value": "forty", "unit": 3}], text, "number")
    assert got is not None and got[0].value is None and got[0].unit is None and got[0].what == "people"
