"""Parts of one quotation interrupted by its cue (issue 19, round 6).

A cue inside one reported sentence splits it into two records of one event: an indirect clause ("X, experts
said, Y") or a direct quotation ("“We will not stop,” she said, “until the job is done.”"). Each record keeps
its own offsets and gets ``parts``, the other parts' offsets, so a report or a judge sees the whole sentence;
the parts share one confidence (the highest), so a report shows all of them or none. Two quotations of one
event in two sentences ("“We will,” she said. “It is done.”") are two utterances of one event, not parts.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprism.quotes.lexicon import words_set

if TYPE_CHECKING:
    from newsprism.model import Quote

FINAL = ".!?…"
"""A first half ending with one of these (inside the marks) ends a sentence."""
ABBREVIATIONS = words_set(
    "mr mrs ms dr lt col gen sgt capt maj adm cmdr cpl pvt sen rep gov prof rev st jr sr ft mt inc co corp ltd "
    "supt atty hon pres no vs"
)
"""Words whose period ends no sentence between the halves ("“A,” Lt. Col. Ann Reyes wrote, “b”"; session 10)."""
_STOP = re.compile(r"[!?…]|(\S*)\.")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")


def _key(q: Quote) -> tuple[int | None, int | None, str | None, str]:
    """Records of one cue and speaker; a direct quotation's halves may carry two events (the marked pass numbers
    them apart when a heading stands before the paragraph), so a direct one is keyed without its event."""
    return (q.event if q.kind == "indirect" else None, q.cue_start, q.speaker.name if q.speaker else None, q.kind)


def ends_sentence(gap: str) -> bool:
    """Whether the narration between the halves ends a sentence: a ``!``, ``?``, ``…``, or a period that does not
    close a title or an initial ("Mr.", "Lt. Col.", "U.S.", "J.")."""
    for m in _STOP.finditer(gap):
        word = (m.group(1) or "").lstrip("(“\"‘'")
        if m.group(1) is None or not (word.lower() in ABBREVIATIONS or _INITIALS.fullmatch(word)):
            return True
    return False


def _continues(text: str, first: Quote, second: Quote) -> bool:
    """Whether ``second`` continues the sentence ``first`` began, the cue between them."""
    if first.kind == "indirect":
        return True  # the indirect pass splits only a clause its parenthetical cue interrupts
    cue = first.cue_start
    if cue is None or not first.end <= cue < second.start:
        return False
    inner = text[first.start : first.outer_end or first.end].rstrip("“”\"‘’'„«» ")
    if not inner or inner[-1] in FINAL:
        return False
    gap = text[first.outer_end or first.end : second.outer_start or second.start].rstrip("“”\"‘’'„«» ")
    if ends_sentence(gap) or "\n" in gap or not gap.endswith((",", "—", "–", "-", ":")):
        return False
    head = text[second.start : second.end].lstrip("“”\"‘’'„«»([ ")
    return bool(head) and (head[0].islower() or head.split(" ", 1)[0] in ("I", "I'm", "I’m", "I've", "I’ve"))


def link_parts(text: str, quotes: list[Quote]) -> None:
    """Set ``parts`` on the indirect or direct records that make one interrupted quotation, in place."""
    groups: dict[tuple[int | None, int | None, str | None, str], list[Quote]] = {}
    for q in quotes:
        if q.kind in ("direct", "indirect") and q.event and q.cue_start is not None:
            groups.setdefault(_key(q), []).append(q)
    for group in groups.values():
        group.sort(key=lambda q: q.start)
        runs: list[list[Quote]] = []
        for q in group:
            if runs and _continues(text, runs[-1][-1], q):
                runs[-1].append(q)
            else:
                runs.append([q])
        for run in runs:
            if len(run) < 2:
                continue
            conf = [q.confidence for q in run if q.confidence is not None]
            for q in run:
                q.parts = [(o.start, o.end) for o in run if o is not q]
                q.event = run[0].event  # one quotation, one event
                if conf:
                    q.confidence = max(conf)
