"""Find quotation-mark spans paragraph by paragraph (curly, straight, single), closed or not.

Hand-written scanner: quotation marks in news text are ambiguous (straight marks, apostrophes,
paragraph-continuation convention) and no maintained library pairs them with offsets.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
STRAIGHT = '"'


@dataclass
class MarkSpan:
    """One quoted stretch: ``start``/``end`` include the marks; ``inner_*`` exclude them (trimmed)."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    para: int
    closed: bool
    continues: bool = False  # continues an unclosed quote of the previous paragraph


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line (news paragraphs never share a line)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        pos += len(line) + 1
    return out


def _is_open_single(text: str, i: int, ps: int) -> bool:
    prev = text[i - 1] if i > ps else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "([—–-") and nxt.isalnum()


def _is_close_single(text: str, i: int, pe: int) -> bool:
    prev = text[i - 1]
    nxt = text[i + 1] if i + 1 < pe else " "
    return not prev.isspace() and not nxt.isalnum()


def _inner(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace()):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return s, e


def _scan_para(text: str, ps: int, pe: int, para: int) -> list[MarkSpan]:
    spans: list[MarkSpan] = []
    closers: list[int] | None = None  # closing single marks of the paragraph, found on first need
    i = ps
    while i < pe:
        ch = text[i]
        opener = None
        width = 1
        if text.startswith("''", i) and (i == ps or not text[i - 1].isalnum()):
            opener, width = "double", 2  # NYT style ''…''
        elif ch in OPEN_DOUBLE or ch == STRAIGHT:
            opener = "double"
        elif ch in "‘'" and _is_open_single(text, i, ps):
            opener = "single"
        elif ch == "”" and (i == ps or text[i - 1].isspace()) and i + 1 < pe and text[i + 1].isalnum():
            opener = "double"  # a closing mark used as an opener (bad typography)
        if opener is None:
            i += 1
            continue
        j = i + width
        close = -1
        cwidth = 1
        if opener == "single":
            # The first closing single mark after the opener, by binary search over the paragraph's closers:
            # the scan it replaces ran to the paragraph's end for every apostrophe, quadratic on a paragraph
            # of unclosed openers (issue 24). Same result: whether j closes depends on j alone.
            if closers is None:
                closers = [k for k in range(ps, pe) if text[k] in "’'" and k > ps and _is_close_single(text, k, pe)]
            k = bisect_right(closers, i)
            close = closers[k] if k < len(closers) else -1
            j = pe
        while j < pe:
            c = text[j]
            # any closing double mark closes any opening one (mixed curly/straight typography)
            if opener == "double" and (c in CLOSE_DOUBLE or c == STRAIGHT):
                close = j
                break
            if opener == "double" and text.startswith("''", j) and (j + 2 >= pe or not text[j + 2].isalnum()):
                close, cwidth = j, 2
                break
            if opener == "double" and c in OPEN_DOUBLE:
                break  # a new quotation opens: the first one was never closed
            j += 1
        if close < 0:
            if opener == "single":  # an apostrophe, not a quotation
                i += 1
                continue
            end = j if j < pe else pe
            s, e = _inner(text, i + width, end)
            if e > s:
                spans.append(MarkSpan(i, end, s, e, para, closed=False))
            i = end
            continue
        s, e = _inner(text, i + width, close)
        if e > s:
            spans.append(MarkSpan(i, close + cwidth, s, e, para, closed=True))
        i = close + cwidth
    return spans


def find_marks(text: str) -> list[MarkSpan]:
    """All quoted stretches; an unclosed quote runs to its paragraph's end (recovered, not dropped)."""
    out: list[MarkSpan] = []
    paras = paragraphs(text)
    for k, (ps, pe) in enumerate(paras):
        spans = _scan_para(text, ps, pe, k)
        if spans and spans[0].start == ps and out and not out[-1].closed and out[-1].para == k - 1:
            spans[0].continues = True  # multi-paragraph quote: the paragraph reopens the quotation
        out.extend(spans)
    return out
