"""Edges of the quotation-mark scanner (issue 25, session 9): marks at a paragraph's last characters, apostrophes
before later quotations, empty quotations, and letters that are no marks. Made-up sentences."""

from __future__ import annotations

from newsprism.quotes.marks import find_marks


def _inner(text: str) -> list[str]:
    return [text[m.inner_start : m.inner_end] for m in find_marks(text)]


def test_a_mark_ending_the_text_opens_nothing() -> None:
    assert find_marks('He said "') == []


def test_an_unclosed_apostrophe_does_not_stop_the_scan() -> None:
    assert _inner("In the '90s he said “yes” to it.") == ["yes"]


def test_an_empty_quotation_is_no_span() -> None:
    assert find_marks("He said “” and left.") == []


def test_capital_x_is_no_single_mark() -> None:
    assert find_marks("Xavier met the boys' coach.") == []
    assert find_marks("She paid 'the TAX. Then she left.") == []


def test_a_closing_mark_as_opener_before_a_last_letter() -> None:
    (m,) = find_marks("He wrote ”A")
    assert not m.closed and m.inner_start == 10


def test_doubled_apostrophes_before_a_letter_do_not_close() -> None:
    (m,) = find_marks("''Go on''s")
    assert not m.closed and m.end == 10
