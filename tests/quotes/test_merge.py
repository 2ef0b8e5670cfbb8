"""quotes.merge's interval coverage (Fenwick trees) against a plain scan (issue 25: mutmut found it unreached)."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from newsprism.quotes.merge import _Coverage, _covered

spans = st.tuples(st.integers(0, 60), st.integers(0, 60)).map(sorted).map(tuple)


def _overlap(added: list[tuple[int, int]], s: int, e: int) -> int:
    return sum(max(0, min(e, b) - max(s, a)) for a, b in added)


@given(st.lists(spans, max_size=12), st.lists(spans, min_size=1, max_size=6))
def test_coverage_sums_overlaps_like_a_scan(added: list[tuple[int, int]], queries: list[tuple[int, int]]) -> None:
    cov = _Coverage(x for span in added + queries for x in span)
    for a, b in added:
        cov.add(a, b)
    for s, e in queries:
        assert cov._left_of(e) - cov._left_of(s) == _overlap(added, s, e)
        assert cov.covered(s, e) == (e <= s or _overlap(added, s, e) >= 0.5 * (e - s))


@given(st.lists(spans, max_size=12), spans)
def test_the_scan_counts_only_quotations_that_cover(added: list[tuple[int, int]], query: tuple[int, int]) -> None:
    s, e = query
    kinds = ["direct", "partial", "block", "indirect"]
    kept = [
        SimpleNamespace(start=a, end=b, kind=kinds[i % 4], extra={"outlet_report": True} if i % 5 == 4 else {})
        for i, (a, b) in enumerate(added)
    ]
    counting = [(q.start, q.end) for q in kept if q.kind != "partial" and not q.extra]
    assert _covered(kept, s, e) == (_overlap(counting, s, e) >= 0.5 * (e - s))  # type: ignore[arg-type]


def test_coverage_examples_by_hand() -> None:
    cov = _Coverage([0, 10, 20, 30, 40])
    cov.add(0, 10)
    cov.add(20, 40)
    assert cov._left_of(30) == 20  # 10 from [0, 10) and 10 from [20, 30)
    assert cov.covered(5, 15)  # 5 of 10 covered: half is enough
    assert not cov.covered(8, 20)  # 2 of 12
    assert cov.covered(10, 10)  # an empty span counts as covered
