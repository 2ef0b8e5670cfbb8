"""One merge of the passes' candidates by precedence.

Passes are listed highest precedence first. A candidate is kept unless most of its span is already a kept
quotation (direct, block or indirect; partial quotations and an outlet's reported block do not cover),
its cue was already taken by a kept quotation that claims it, or it is a further part of a dropped
candidate. Kept events are numbered 1, 2, … in order of the passes and of each pass's candidates.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from newsprism.quotes.candidate import Candidate


class _Coverage:
    """Summed length of the added intervals inside [s, e), overlaps counted twice: the sum a scan of every kept
    quotation would give, in O(log n) per add and query (issue 24: that scan per candidate was quadratic).

    The covered length left of x is F(x) = x·(#starts < x − #ends < x) − (Σ starts < x − Σ ends < x); Fenwick
    trees over the passes' coordinates keep those counts and sums."""

    def __init__(self, coords: Iterable[int]) -> None:
        self.xs = sorted(set(coords))
        n = len(self.xs) + 1
        self.count = [[0] * n, [0] * n]  # [starts, ends]
        self.total = [[0] * n, [0] * n]

    def add(self, start: int, end: int) -> None:
        for k, x in ((0, start), (1, end)):
            i = bisect_left(self.xs, x) + 1
            while i < len(self.count[k]):
                self.count[k][i] += 1
                self.total[k][i] += x
                i += i & -i

    def _left_of(self, x: int) -> int:
        sums = []
        for k in (0, 1):
            i, c, t = bisect_left(self.xs, x), 0, 0
            while i > 0:
                c, t = c + self.count[k][i], t + self.total[k][i]
                i -= i & -i
            sums.append((c, t))
        (cs, ts), (ce, te) = sums
        return x * (cs - ce) - (ts - te)

    def covered(self, s: int, e: int) -> bool:
        """True when most of [s, e) is already covered by the intervals added so far (an empty span is covered)."""
        return e <= s or self._left_of(e) - self._left_of(s) >= 0.5 * (e - s)


def merge(passes: list[list[Candidate]]) -> list[Candidate]:
    """Kept candidates sorted by (start, end); each pass's local ``event`` ids become article-wide ids."""
    kept: list[Candidate] = []
    coverage = _Coverage(x for cands in passes for c in cands for x in (c.start, c.end))
    claimed: set[int] = set()
    events: dict[tuple[int, int], int] = {}
    for n, cands in enumerate(passes):
        parent_kept = False
        for c in cands:
            if c.part and not parent_kept:
                continue
            ok = not (c.exclusive_cue and c.cue is not None and c.cue.i in claimed)
            if ok and c.guard:
                ok = not coverage.covered(c.start, c.end)
                if ok and c.guard_also is not None:
                    ok = not coverage.covered(*c.guard_also)
            if not c.part:
                parent_kept = ok
            if not ok:
                continue
            if c.event:
                c.event = events.setdefault((n, c.event), len(events) + 1)
            kept.append(c)
            if c.kind != "partial" and not c.extra.get("outlet_report") and c.end > c.start:
                coverage.add(c.start, c.end)  # the quotations that cover
            if c.claims_cue and c.cue is not None:
                claimed.add(c.cue.i)
    kept.sort(key=lambda q: (q.start, q.end))
    return kept
