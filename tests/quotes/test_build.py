"""quotes.build: a quotation's outer span with its marks, and the first quotation holding another (issue 25)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsprism.quotes.build import _containers, _outer
from newsprism.quotes.candidate import Candidate


def test_outer_span_takes_the_marks_and_a_comma_or_stop_inside_them() -> None:
    assert _outer("“Hi there,” he said", 1, 9) == (0, 11)
    assert _outer("x “word.” y", 3, 7) == (2, 9)
    assert _outer("“Hi,”", 1, 3) == (0, 5)  # at the text's end
    assert _outer("x ‘word’, y", 3, 7) == (2, 8)  # the comma after the closing mark is not the quotation's
    for text in ('x "w" y', "x 'w' y", "x „w“ y", "x «w» y"):
        assert _outer(text, 3, 4) == (2, 5)


def test_outer_span_without_marks_is_the_span_itself() -> None:
    assert _outer("x word.", 2, 6) == (2, 6)
    assert _outer("word, x", 0, 4) == (0, 4)
    assert _outer("word,", 0, 4) == (0, 4)  # a comma ending the text
    assert _outer("x w,,” y", 2, 3) == (2, 3)


def test_outer_span_at_the_text_start_and_after_many_closing_marks() -> None:
    assert _outer("ab”", 0, 2) == (0, 3)  # nothing before the text's first character
    assert _outer("a" + "”" * 20, 0, 1) == (0, 9)  # at most 8 closing characters


def _items(spans: list[tuple[int, int]]) -> list[Candidate]:
    return [Candidate("direct", s, e) for s, e in spans]


def _scan(items: list[Candidate], c: Candidate, strict: bool) -> Candidate | None:
    for o in items:
        same = strict and (o.start, o.end) == (c.start, c.end)
        if o is not c and o.start <= c.start and c.end <= o.end and not same:
            return o
    return None


spans = st.tuples(st.integers(0, 30), st.integers(0, 30)).map(sorted).map(tuple)


@given(st.lists(spans, max_size=10), st.lists(spans, max_size=4), st.booleans(), st.booleans())
def test_first_container_matches_a_plain_scan(
    held: list[tuple[int, int]], probes: list[tuple[int, int]], strict: bool, ordered: bool
) -> None:
    items = _items(sorted(held) if ordered else held)
    first = _containers(items, strict=strict)
    for c in items + _items(probes):
        assert first(c) is _scan(items, c, strict)


def test_first_container_examples() -> None:
    items = _items([(0, 10), (0, 10), (2, 5), (3, 20)])
    loose, strict = _containers(items, strict=False), _containers(items, strict=True)
    assert loose(items[0]) is items[1] and strict(items[0]) is None  # the same span is another item's
    assert loose(items[2]) is items[0] and strict(items[2]) is items[0]
    assert loose(items[3]) is None
    probe = Candidate("partial", 4, 12)
    assert loose(probe) is items[3]
    assert _containers(list(reversed(items)), strict=False)(items[2]) is items[1]  # unsorted: list order
