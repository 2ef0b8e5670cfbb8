"""One merge of the passes' candidates by precedence.

Passes are listed highest precedence first. A candidate is kept unless most of its span is already a kept
quotation (direct, block or indirect; partial quotations and an outlet's reported block do not cover),
its cue was already taken by a kept quotation that claims it, or it is a further part of a dropped
candidate. Kept events are numbered 1, 2, … in order of the passes and of each pass's candidates.
"""

from __future__ import annotations

from newsprism.quotes.candidate import Candidate


def _covered(kept: list[Candidate], s: int, e: int) -> bool:
    """True when most of [s, e) is already a direct, block or indirect quotation."""
    taken = 0
    for q in kept:
        if q.kind != "partial" and not q.extra.get("outlet_report"):
            taken += max(0, min(e, q.end) - max(s, q.start))
    return taken >= 0.5 * (e - s)


def merge(passes: list[list[Candidate]]) -> list[Candidate]:
    """Kept candidates sorted by (start, end); each pass's local ``event`` ids become article-wide ids."""
    kept: list[Candidate] = []
    claimed: set[int] = set()
    events: dict[tuple[int, int], int] = {}
    for n, cands in enumerate(passes):
        parent_kept = False
        for c in cands:
            if c.part and not parent_kept:
                continue
            ok = not (c.exclusive_cue and c.cue is not None and c.cue.i in claimed)
            if ok and c.guard:
                ok = not _covered(kept, c.start, c.end)
                if ok and c.guard_also is not None:
                    ok = not _covered(kept, *c.guard_also)
            if not c.part:
                parent_kept = ok
            if not ok:
                continue
            if c.event:
                c.event = events.setdefault((n, c.event), len(events) + 1)
            kept.append(c)
            if c.claims_cue and c.cue is not None:
                claimed.add(c.cue.i)
    kept.sort(key=lambda q: (q.start, q.end))
    return kept
