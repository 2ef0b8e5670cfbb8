"""Number, date, hedge and sourcing extraction on synthetic sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsprism.claims import fields as FX
from newsprism.model import Article


def _nums(text: str) -> list[dict[str, object]]:
    return FX.numbers(text, 0, len(text))


def test_number_with_hyphenated_unit_and_what(nlp_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Peru's 1,200-kilometer coastline is longer than Chile's."
    art = nlp_pipeline(Article(id="x", text=text))
    doc = nlp_pipeline.run_batch([art])[0].doc
    nums = FX.numbers(text, 0, len(text), doc)
    assert [(n.value, n.unit, n.what) for n in nums] == [(1200.0, "kilometer", "coastline")]
    assert nums[0].text == "1,200-kilometer"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Prices rose 3.5% last quarter.", 3.5, "percent"),
        ("Turnout fell by 12 percent in the county.", 12.0, "percent"),
        ("The agency spent $4.2 billion on the wall.", 4.2e9, "USD"),
        ("Nearly seventy people were hurt.", 70.0, None),
        ("They waited 30 days for an answer.", 30.0, "day"),
    ],
)
def test_number_values_and_units(text: str, value: float, unit: str | None) -> None:
    nums = _nums(text)
    assert len(nums) == 1
    assert nums[0].value == pytest.approx(value)
    assert nums[0].unit == unit
    assert text[nums[0].start : nums[0].end] == nums[0].text


def test_years_and_ordinals_are_not_numbers() -> None:
    assert _nums("In 2019 the 3rd committee met.") == []


def test_hedges_found_and_month_may_ignored(analyze: Callable[..., Article]) -> None:
    text = "The mayor allegedly took bribes in May, and the council may reportedly act, according to the paper."
    art = analyze(text)
    doc = None
    from newsprism.pipeline import Pipeline

    doc = Pipeline(stages=["nlp"]).run_batch([Article(id="h", text=text)])[0].doc
    words = [h.text for h in FX.hedges(text, 0, len(text), doc)]
    assert words == ["allegedly", "may", "reportedly", "according to"]
    assert art.text == text


def test_sourced_named_anonymous_none(analyze: Callable[..., Article]) -> None:
    named = analyze("The deficit grew to $2 trillion in 2023, according to the Congressional Budget Office.")
    anon = analyze("The deficit grew to $2 trillion in 2023, officials said.")
    none = analyze("The deficit grew to $2 trillion in 2023.")
    for art, want in ((named, "named"), (anon, "anonymous"), (none, "none")):
        s = art.sentences[0]
        assert FX.sourced(art, s.start, s.end, s.start, s.end, None) == want
