"""The clause around a mention (cut at semicolons, dashes and contrastive conjunctions) and headline-style lines,
whose capitalised words the tagger mistakes for names."""

from __future__ import annotations

import re

MIN_CLAUSE_WORDS = 4
_CLAUSE_BREAK = re.compile(
    r"\s*(?:;|\s[\u2013\u2014-]\s|,?\s+(?:but|while|whereas|although|though|yet|however)\b)\s*", re.I
)
_WORDS = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
_SMALL = {"a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "with", "vs"}


def clause_bounds(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """The clause of ``text[start:end]`` holding offset ``pos`` (or the whole span when that clause is tiny)."""
    a = start
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        if pos < m.end():
            return _keep(text, a, m.start(), start, end)
        a = m.end()
    return _keep(text, a, end, start, end)


def _keep(text: str, a: int, b: int, start: int, end: int) -> tuple[int, int]:
    return (a, b) if len(_WORDS.findall(text[a:b])) >= MIN_CLAUSE_WORDS else (start, end)


def title_case(text: str) -> bool:
    """A headline-style line: at least 4 words and nearly every non-small word capitalised."""
    words = [w for w in _WORDS.findall(text) if w.lower() not in _SMALL]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
