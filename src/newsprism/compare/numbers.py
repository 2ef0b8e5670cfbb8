"""Numbers and dates in claims, and the conflict rules of before issue 26.

A claim's ``numbers``/``dates`` (from the claims stage) are used when present; otherwise they
are found here with small regular expressions (hand-written: the quantities we need are few and the
offsets must be exact, which general-purpose number parsers do not give us). Each :class:`Mention` keeps the
claims stage's record (or, for a regex number, one built without a parse) in ``src``, which
:mod:`newsprism.compare.conflicts` reads. :func:`legacy_conflicts` is the old rule set (same ``what`` and unit,
dates compared by their last five characters), kept only so ``bench stories`` can print it beside the new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newsprism.claims.quantities import QUOTE_GAP, approximation, role
from newsprism.compare.conflicts import make_conflict
from newsprism.lexicons.calendar import MONTH_NUMBERS, MONTH_PATTERN
from newsprism.model import DateMention, NumberConflict, NumberMention

MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9}
WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "dozen": 12,
    "dozens": 24,
    "hundreds": 200,
    "thousands": 2000,
}
MONTHS = dict(MONTH_NUMBERS)
# words after a number that are not what it counts
_SKIP_WHAT = {
    "of",
    "more",
    "than",
    "about",
    "nearly",
    "some",
    "the",
    "a",
    "an",
    "and",
    "or",
    "to",
    "in",
    "per",
    "percent",
}
_SKIP_WHAT |= set(MULTIPLIERS)
# prepositions and function words: skip them to reach the counted noun ("$716 billion from Medicare")
_SKIP_WHAT |= {"from", "for", "on", "at", "by", "with", "into", "over", "under", "that", "which", "who", "were", "was"}
_SKIP_WHAT |= {"is", "are", "had", "has", "have", "said", "says", "new", "other", "additional", "total", "least", "at"}

_NUM = re.compile(
    r"(?P<cur>[$€£])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"(?:{QUOTE_GAP}\s?(?P<mult>thousand|million|billion|trillion|bn|k|m)\b)?(?P<pct>\s?(?:%|percent\b|per cent\b))?",
    re.IGNORECASE,
)
_WORDNUM = re.compile(r"\b(?P<w>" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_DATE = re.compile(
    rf"\b(?P<month>{MONTH_PATTERN})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    r"(?:,?\s+(?P<year>\d{4}))?\b"
)
_WORD_AFTER = re.compile(r"\s*([A-Za-z][A-Za-z-]*)")


@dataclass
class Mention:
    """A number or date inside an article (offsets into the article text)."""

    text: str
    start: int
    end: int
    value: float | None
    unit: str | None
    what: str | None
    kind: str = "number"  # number | date
    src: NumberMention | DateMention | None = None  # the claims stage's record (regex dates: None)


def _what_after(text: str, pos: int) -> str | None:
    """The first content word after ``pos`` (what a number counts), singularised naively."""
    for _ in range(4):
        m = _WORD_AFTER.match(text, pos)
        if not m:
            return None
        word = m.group(1).lower()
        pos = m.end()
        if word in _SKIP_WHAT:
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        return word
    return None


def find_dates(text: str, offset: int = 0) -> list[Mention]:
    out = []
    for m in _DATE.finditer(text):
        month = MONTHS.get(m.group("month").lower().rstrip("."), MONTHS.get(m.group("month").lower()[:3]))
        day = int(m.group("day"))
        if not month or not 1 <= day <= 31:
            continue
        year = m.group("year")
        iso = f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
        out.append(Mention(m.group(0), offset + m.start(), offset + m.end(), None, iso, "date", "date"))
    return out


def find_numbers(text: str, offset: int = 0) -> list[Mention]:
    """Numbers (digits or number words) with value, unit and what they count; dates and years excluded."""
    taken = [(d.start - offset, d.end - offset) for d in find_dates(text)]
    out: list[Mention] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in _NUM.finditer(text):
        s, e = m.start(), m.end()
        if not free(s, e) or (s > 0 and (text[s - 1].isalnum() or text[s - 1] in ".,")):
            continue
        raw = m.group("num").replace(",", "")
        value = float(raw)
        mult = (m.group("mult") or "").lower()
        pct = bool(m.group("pct"))
        cur = m.group("cur")
        if not (mult or pct or cur) and re.fullmatch(r"(1[89]|20)\d\d", raw):
            continue  # a year
        value *= MULTIPLIERS.get(mult, 1.0)
        unit = "%" if pct else ({"$": "USD", "€": "EUR", "£": "GBP"}.get(cur or "") or None)
        what = None if pct else _what_after(text, e)
        shown = text[s:e].strip()
        src = _record(text, s, s + len(shown), value, unit, what, offset, MULTIPLIERS.get(mult, 1.0))
        out.append(Mention(shown, offset + s, offset + s + len(shown), value, unit, what, src=src))
        taken.append((s, e))
    for m in _WORDNUM.finditer(text):
        s, e = m.start(), m.end()
        if not free(s, e):
            continue
        word = m.group("w").lower()
        what = _what_after(text, e)
        if what is None:
            continue
        mult_m = re.match(r"\s+(thousand|million|billion)\b", text[e:], re.IGNORECASE)
        value = float(WORD_NUMBERS[word])
        if mult_m:
            value *= MULTIPLIERS[mult_m.group(1).lower()]
        src = _record(text, s, e, value, None, what, offset)
        out.append(Mention(text[s:e], offset + s, offset + e, value, None, what, src=src))
    out.sort(key=lambda x: x.start)
    return out


def _record(
    text: str, s: int, e: int, value: float, unit: str | None, what: str | None, offset: int, scale: float = 1.0
) -> NumberMention:
    """A NumberMention for a regex number (no parse: ``counted`` is the word after it, no predicate)."""
    approx, high = approximation(text, s, e)
    unit_name = {"%": "percent"}.get(unit or "", unit)
    kind = role(text, s, e, unit_name)
    if high is not None:
        high *= scale  # "$1 to 2 billion" is rare; "$1 billion to $2 billion" scales both ends
    return NumberMention(
        text=text[s:e],
        start=offset + s,
        end=offset + e,
        value=value,
        unit=unit_name,
        what=what,
        high=high,
        approx=approx,  # type: ignore[arg-type]
        role=kind,  # type: ignore[arg-type]
        counted=what,
    )


def claim_mentions(items: list[NumberMention] | list[DateMention], article_text: str) -> list[Mention] | None:
    """Mentions from a claim's ``numbers`` or ``dates`` (None when it has none), keeping only those whose
    offsets check out against ``article_text``."""
    if not items:
        return None
    out = []
    for it in items:
        s, e = it.start, it.end
        if article_text[s:e] != it.text:
            continue
        if isinstance(it, DateMention):
            out.append(Mention(article_text[s:e], s, e, None, it.iso, "date", "date", src=it))
        else:
            what = it.what or _what_after(article_text, e)
            src = it if it.role is not None else _enriched(it, article_text, what)
            out.append(Mention(article_text[s:e], s, e, it.value, it.unit, what.lower() if what else None, src=src))
    return out


def _enriched(it: NumberMention, text: str, what: str | None) -> NumberMention:
    """A claims-stage number from before issue 26 (no role): role, approximator and counted word from the text."""
    approx, high = approximation(text, it.start, it.end)
    return it.model_copy(
        update={
            "role": role(text, it.start, it.end, it.unit),
            "approx": approx,
            "high": high,
            "counted": what.lower() if what else None,
        }
    )


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9)


def legacy_conflicts(pairs: list[tuple[Any, Any, str | None]]) -> list[NumberConflict]:
    """The rules of before issue 26 (bench only): conflicts among candidate unit pairs ``(unit_a, unit_b,
    group_id)`` from different articles.

    Two numbers conflict when they count the same thing (same ``what`` and unit) with different values;
    two dates conflict when the units are in the same claim group, each has one date, and they differ.
    """
    out: list[NumberConflict] = []
    seen: set[tuple[tuple[str, int, int], ...]] = set()
    for a, b, group in pairs:
        for na in a.numbers:
            for nb in b.numbers:
                if na.value is None or nb.value is None or not na.what or na.what != nb.what or na.unit != nb.unit:
                    continue
                if same_value(na.value, nb.value):
                    continue
                if any(same_value(na.value, x.value) for x in b.numbers if x.what == na.what and x.value is not None):
                    continue  # b also reports a's value for this quantity: no disagreement
                key = tuple(sorted([(a.article, na.start, na.end), (b.article, nb.start, nb.end)]))
                if key in seen:
                    continue
                seen.add(key)
                out.append(_conflict("number", na.what, na.unit, group, (a, na), (b, nb)))
        if group is not None and len(a.dates) == 1 and len(b.dates) == 1:
            da, db = a.dates[0], b.dates[0]
            if da.unit and db.unit and da.unit[-5:] != db.unit[-5:]:
                key = tuple(sorted([(a.article, da.start, da.end), (b.article, db.start, db.end)]))
                if key not in seen:
                    seen.add(key)
                    out.append(_conflict("date", "date", None, group, (a, da), (b, db)))
    for i, c in enumerate(out, 1):
        c.id = f"n{i}"
    return out


def _conflict(
    kind: str, what: str | None, unit: str | None, group: str | None, *sides: tuple[Any, Mention]
) -> NumberConflict:
    values = [(u, m, m.value if kind == "number" else m.unit) for u, m in sides]
    return make_conflict(kind, what, unit, group, None, None, *values)
