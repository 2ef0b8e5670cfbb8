"""Dates a fact-checker can look up: a DATE mention resolved to ISO only where the text or the article's own
publication date supports it.

API (for the claims stage and the comparison's date conflicts):

* :func:`resolve` ``(expression, published) -> Resolved(iso, basis)``: ``basis`` is ``"text"`` (the expression
  holds its own year), ``"published"`` (a year-less or relative expression anchored on the article's date) or
  ``None`` (left unresolved: no ISO date is invented; "January" without an article date is NOT January of the
  current year).
* :func:`is_duration` ``(expression) -> bool``: "five-year", "20-year-old", "three months" are lengths of time,
  not dates.
* :func:`mentions` ``(article, start, end) -> list[DateMention]``: the DATE entities inside a span, resolved.

Parsing is dateparser's (``DateDataParser``, which also reports the precision: day, month or year); this module
only decides WHEN a result may be used, because dateparser fills missing parts from today's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from newsprism.claims import future as tense
from newsprism.lexicons.calendar import MONTH_PATTERN, WEEKDAY_PATTERN
from newsprism.model import DateMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsprism.model import Article

Basis = Literal["text", "published"]

_NUMBER_WORDS = (
    "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    "sixty|seventy|eighty|ninety|hundred|several|few|many|couple of"
)
_UNIT = r"(?:year|month|week|day|hour|minute|decade|century|centuries|quarter)s?"
DURATION_RE = re.compile(
    rf"^(?:(?:the |a |an )?(?:past|last|next|first|coming|nearly|almost|about|more than|over|some) )?"
    rf"(?:(?:the|a|an) )?(?:\d+(?:\.\d+)?|{_NUMBER_WORDS})"
    rf"(?:[- ](?:and[- ]a[- ]half[- ])?){_UNIT}(?:[- ](?:old|long))?(?: ago| earlier| later| before| after)?$",
    re.IGNORECASE,
)
"""A length of time ("five-year", "a two-year", "20-year-old", "three months", "the past two weeks"), never a
date; "two years ago" too (issue 26: an offset from the article's date is an approximate length of time, not a
date a checker can compare)."""
WEEK_RE = re.compile(
    r"^(?:(?P<pos>earlier|later|early|late)\s+(?:this|in the|that)\s+week|"
    r"(?P<which>this|last|next|this past|the past|past)\s+week)$",
    re.IGNORECASE,
)
"""Week spans anchored on the article's date: "this week", "last week", "earlier this week" (granularity week)."""
YEAR_IN_TEXT_RE = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
_YEAR_PREFIX = r"(?:in|since|by|until|from|before|after|during|early|late|mid)[- ]"
BARE_YEAR_RE = re.compile(rf"^(?:{_YEAR_PREFIX})*(1[6-9]\d\d|20\d\d)$", re.IGNORECASE)
YEAR_RANGE_RE = re.compile(r"\b(1[6-9]|20)\d\d\s*[-–/]\s*(\d\d){1,2}\b")  # "2019-20": a season or fiscal year
WEEKDAY_ONLY_RE = re.compile(rf"^(?:last\s+|this\s+|on\s+)?({WEEKDAY_PATTERN})$", re.IGNORECASE)
AGE_DECADE_RE = re.compile(
    r"^(?:(?:his|her|their|its|my|our|your|the)\s+)?(?:(?:early|mid|late)[- ]?)?'?[1-9]0'?s$", re.IGNORECASE
)
"""A person's decade of life ("his 30s", "her early 20s"), or a two-digit decade ("the '30s"): never a day."""
DECADE_RE = re.compile(r"^(?:the\s+)?(?:(?:early|mid|late)[- ])?(1[6-9]\d0|20\d0)'?s$", re.IGNORECASE)
RELATIVE_RE = re.compile(
    rf"\b(ago|last|next|this|yesterday|today|tomorrow|tonight|{WEEKDAY_PATTERN}|recent|recently|past|earlier|later|"
    r"current|previous|coming)\b",
    re.IGNORECASE,
)
_LEADING = re.compile(r"^(?:in|on|since|by|until|from|the|of|as of|before|after|during)\s+", re.IGNORECASE)
OFFSET_TAIL = re.compile(
    rf",\s*(?:(?:{_NUMBER_WORDS}|\d+)\s+)?{_UNIT}\s+(?:earlier|later|before|after|ahead|sooner)\b.*$", re.IGNORECASE
)
"""A comparison after the date inside one DATE entity ("January 1, weeks earlier [than planned]"): not part of it."""
MONTH_NAME_RE = re.compile(rf"\b(?:{MONTH_PATTERN})\b", re.IGNORECASE)
PART_OF = re.compile(r"^(?:the\s+)?(?:end|beginning|start|middle|close)\s+of\s+", re.IGNORECASE)
"""A part of a period ("the end of February"): read as the period itself (month granularity), which covers it."""


Granularity = Literal["day", "week", "month", "year"]


@dataclass(frozen=True)
class Resolved:
    iso: str | None
    basis: Basis | None
    end: str | None = None  # last day of a week span
    granularity: Granularity | None = None


UNRESOLVED = Resolved(None, None)


def _granular(r: Resolved) -> Resolved:
    if r.iso is None or r.granularity is not None:
        return r
    size: dict[int, Granularity] = {4: "year", 7: "month", 10: "day"}
    return Resolved(r.iso, r.basis, r.end, size.get(len(r.iso)))


def _week(m: re.Match[str], base: datetime) -> Resolved:
    """The days of a week span relative to the article's date (weeks start on Monday)."""
    monday = base - timedelta(days=base.weekday())
    which = (m.group("which") or "this").lower()
    if which in ("last", "the past", "this past", "past") and m.group("pos") is None:
        if which != "last":  # "the past week", "past week": the seven days up to the article's date
            return Resolved((base - timedelta(days=7)).date().isoformat(), "published", base.date().isoformat(), "week")
        monday -= timedelta(days=7)
    elif which == "next":
        monday += timedelta(days=7)
    lo, hi = monday, monday + timedelta(days=6)
    if (m.group("pos") or "").lower() in ("earlier", "early"):
        hi = min(hi, base)
    return Resolved(lo.date().isoformat(), "published", hi.date().isoformat(), "week")


def _weekday(name: str) -> int:
    return ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(name[:3].lower())


def is_duration(expression: str) -> bool:
    return bool(DURATION_RE.match(expression.strip()))


def published_date(published: str | None) -> datetime | None:
    """The article's publication date (ISO date or date-time), or None when absent or unreadable."""
    if not published:
        return None
    try:
        return datetime.fromisoformat(published.strip().replace("Z", "+00:00")[:19]).replace(tzinfo=None)
    except ValueError:
        return None


@lru_cache(maxsize=4)
def _parser(base: datetime | None, forward: bool = False) -> Any:
    from dateparser.date import DateDataParser

    prefer = "future" if forward else "past"
    settings: dict[str, Any] = {"PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return DateDataParser(languages=["en"], settings=settings)


def _parse(text: str, base: datetime | None, forward: bool = False) -> tuple[datetime, str] | None:
    try:
        data = _parser(base, forward).get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input; unresolved is the safe answer
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj, str(data.period or "day")


def _iso(when: datetime, period: str) -> str:
    if period == "year":
        return f"{when.year:04d}"
    if period == "month":
        return f"{when.year:04d}-{when.month:02d}"
    return when.date().isoformat()


def resolve(expression: str, published: str | None, future: bool = False) -> Resolved:
    """ISO date (YYYY, YYYY-MM or YYYY-MM-DD; a week span from ``iso`` to ``end``), its granularity and what it
    rests on (module docstring). With ``future`` (the clause is in the future tense: :func:`future_context`) a
    year-less month name ("January 1", "the end of February") is the next one on or after the article's date."""
    return _granular(_resolve(expression, published, future))


PLANNED_BEFORE = re.compile(
    r"(?:\bwould\s+(?!have\b)|\b(?:is|are|becomes?|will\s+be)\s+effective\s+|\btakes?\s+effect\s+)[^.;:!?]{0,60}$",
    re.IGNORECASE,
)
"""Dates-only future markers (issue 26): the future in the past ("would be retiring at the end of February") and
a copula of effect ("His resignation is effective December 31"); "would have" is no plan."""


def future_context(text: str, start: int) -> bool:
    """Whether the words before ``text[start]`` in its sentence put a date in the future ("will leave on", "would
    retire in", "is effective")."""
    return tense.before(text, start) or bool(PLANNED_BEFORE.search(text[max(0, start - 80) : start]))


def _resolve(expression: str, published: str | None, future: bool = False) -> Resolved:
    t = OFFSET_TAIL.sub("", " ".join(expression.split()))
    if not t or is_duration(t) or re.fullmatch(r"\d{1,3}", t):
        return UNRESOLVED  # "Sayoc, 56," is an age spaCy tagged DATE, never the year 1956
    m = BARE_YEAR_RE.match(t)
    if m:
        return Resolved(m.group(1), "text")
    if DECADE_RE.match(t) or YEAR_RANGE_RE.search(t) or AGE_DECADE_RE.match(t):
        return UNRESOLVED  # "the 1990s", "2019-20": spans of years, kept as text; "his 30s": an age
    low = t
    while (stripped := PART_OF.sub("", _LEADING.sub("", low))) != low:
        low = stripped
    base = published_date(published)
    relative = bool(RELATIVE_RE.search(low))
    has_year = bool(YEAR_IN_TEXT_RE.search(low))
    if relative and base is None:
        return UNRESOLVED
    week = WEEK_RE.match(low)
    if week and base is not None:
        return _week(week, base)
    rel_year = re.fullmatch(r"(last|this|next|previous|current|coming)\s+year", low, flags=re.IGNORECASE)
    if rel_year and base is not None:
        shift = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}
        return Resolved(str(base.year + shift[rel_year.group(1).lower()]), "published")
    wd = WEEKDAY_ONLY_RE.match(low)
    if wd and base is not None and not low.lower().startswith("last"):
        # news usage: "Tuesday" is the latest such day on or before the article's date (the day itself included)
        back = (base.weekday() - _weekday(wd.group(1))) % 7
        return Resolved((base - timedelta(days=back)).date().isoformat(), "published")
    if not has_year and base is None:
        return UNRESOLVED  # "January", "March 26": no year in the text and no article date to anchor them
    forward = future and not relative and not has_year and bool(MONTH_NAME_RE.search(low))
    parsed = _parse(low, None if has_year and not relative else base, forward)
    if parsed is None:
        return UNRESOLVED
    when, period = parsed
    if has_year and not relative:
        if str(when.year) not in low:
            return UNRESOLVED  # dateparser read the year as something else
        return Resolved(_iso(when, period), "text")
    assert base is not None
    if forward and when.date() < base.date().replace(day=1):
        return UNRESOLVED  # the parser did not read it forward
    if (
        not forward
        and when.date() > base.date()
        and not re.search(r"\b(next|tomorrow|coming|later)\b", low, re.IGNORECASE)
    ):
        return UNRESOLVED  # a past-leaning expression landing after the article's date: not supported
    return Resolved(_iso(when, period), "published")


def mentions(article: Article, start: int, end: int, doc: Doc | None = None) -> list[DateMention]:
    """DATE entities inside ``article.text[start:end]`` (durations left out), each resolved by :func:`resolve`,
    with the word it attaches to when ``doc`` (the article's parse) is given."""
    from newsprism.nlp.parse_context import date_predicate, date_subject

    out = []
    for ent in article.entities:
        if ent.label == "DATE" and start <= ent.start and ent.end <= end and not is_duration(ent.text):
            r = resolve(ent.text, article.published, future_context(article.text, ent.start))
            out.append(
                DateMention(
                    text=ent.text,
                    start=ent.start,
                    end=ent.end,
                    iso=r.iso,
                    basis=r.basis,
                    granularity=r.granularity,
                    iso_end=r.end,
                    predicate=date_predicate(doc, ent.start, ent.end),
                    subject=date_subject(doc, ent.start, ent.end),
                )
            )
    return out
