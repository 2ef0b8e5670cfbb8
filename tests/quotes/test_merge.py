"""quotes.merge: the interval coverage (Fenwick trees) against a plain scan, and the merge itself (issue 25)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING

from hypothesis import given
from hypothesis import strategies as st

from newsprism.quotes.candidate import Candidate
from newsprism.quotes.merge import _Coverage, merge

if TYPE_CHECKING:
    from spacy.tokens import Token

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


def test_coverage_examples_by_hand() -> None:
    cov = _Coverage([0, 10, 20, 30, 40])
    cov.add(0, 10)
    cov.add(20, 40)
    assert cov._left_of(30) == 20  # 10 from [0, 10) and 10 from [20, 30)
    assert cov.covered(5, 15)  # 5 of 10 covered: half is enough
    assert not cov.covered(8, 20)  # 2 of 12
    assert cov.covered(10, 10)  # an empty span counts as covered


def _c(kind: str, start: int, end: int, **kw: object) -> Candidate:
    return Candidate(kind, start, end, **kw)  # type: ignore[arg-type]


def _cue(i: int) -> Token:
    return SimpleNamespace(i=i)  # type: ignore[return-value]


def _spans(kept: list[Candidate]) -> list[tuple[str, int, int]]:
    return [(c.kind, c.start, c.end) for c in kept]


def test_merge_drops_a_guarded_candidate_half_covered_by_a_kept_quotation() -> None:
    first = [_c("direct", 10, 20, guard=False), _c("block", 30, 40, guard=False)]
    later = [_c("indirect", 14, 24), _c("indirect", 15, 26), _c("indirect", 0, 10), _c("indirect", 35, 35)]
    kept = merge([first, later])
    assert _spans(kept) == [("indirect", 0, 10), ("direct", 10, 20), ("indirect", 15, 26), ("block", 30, 40)]


def test_merge_counts_neither_partial_quotations_nor_outlet_reports_as_cover() -> None:
    first = [_c("partial", 0, 10, guard=False), _c("block", 20, 30, guard=False, extra={"outlet_report": True})]
    later = [_c("indirect", 0, 10), _c("indirect", 20, 30), _c("indirect", 40, 40, guard=False)]
    assert _spans(merge([first, later])) == [
        ("partial", 0, 10),
        ("indirect", 0, 10),
        ("block", 20, 30),
        ("indirect", 20, 30),
        ("indirect", 40, 40),
    ]


def test_merge_keeps_unguarded_candidates_and_checks_a_second_guarded_span() -> None:
    first = [_c("direct", 0, 10, guard=False)]
    later = [
        _c("direct", 0, 10, guard=False),
        _c("indirect", 20, 30, guard_also=(2, 8)),
        _c("indirect", 40, 50, guard_also=(40, 60)),
    ]
    assert _spans(merge([first, later])) == [("direct", 0, 10), ("direct", 0, 10), ("indirect", 40, 50)]


def test_merge_candidates_of_one_pass_cover_its_later_ones() -> None:
    kept = merge(
        [[_c("indirect", 0, 10), _c("indirect", 2, 12), _c("indirect", 5, 5), _c("indirect", 3, 3, guard=False)]]
    )
    assert _spans(kept) == [("indirect", 0, 10), ("indirect", 3, 3)]  # a guarded empty span counts as covered


def test_merge_keeps_parts_only_with_their_candidate() -> None:
    first = [_c("direct", 0, 10, guard=False)]
    later = [
        _c("part", 50, 60, part=True),  # no candidate before it in its pass
        _c("indirect", 2, 9),
        _c("part", 70, 80, part=True),
        _c("indirect", 20, 30),
        _c("part", 90, 95, part=True),
        _c("part", 96, 99, part=True),
    ]
    assert _spans(merge([first, later])) == [
        ("direct", 0, 10),
        ("indirect", 20, 30),
        ("part", 90, 95),
        ("part", 96, 99),
    ]
    assert _spans(merge([[_c("indirect", 0, 5)], [_c("part", 10, 20, part=True)]])) == [("indirect", 0, 5)]


def test_merge_drops_an_exclusive_cue_candidate_whose_cue_was_claimed() -> None:
    first = [_c("direct", 0, 10, cue=_cue(3), claims_cue=True), _c("direct", 20, 30, cue=_cue(4))]
    later = [
        _c("indirect", 40, 50, cue=_cue(3), exclusive_cue=True),
        _c("indirect", 60, 70, cue=_cue(4), exclusive_cue=True),
        _c("indirect", 80, 90, cue=_cue(3)),
        _c("indirect", 100, 110, exclusive_cue=True),
    ]
    assert [c.start for c in merge([first, later])] == [0, 20, 60, 80, 100]


def test_merge_numbers_events_in_keeping_order_per_pass() -> None:
    first = [_c("direct", 50, 60, event=7), _c("direct", 70, 80, event=7), _c("direct", 90, 95, event=2)]
    later = [_c("indirect", 0, 10, event=7), _c("indirect", 20, 30), _c("indirect", 52, 58, event=1)]
    kept = merge([first, later])
    assert [(c.start, c.event) for c in kept] == [
        (0, 3),
        (20, 0),
        (50, 1),
        (70, 1),
        (90, 2),
    ]  # the dropped (52, 58) takes no number
