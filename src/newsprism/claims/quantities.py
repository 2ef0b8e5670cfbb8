"""Numbers a fact-checker can look up: value, unit and what they count, over the canonical text.

API (for the claims stage and the comparison's number conflicts): :func:`numbers` ``(text, start, end, doc,
date_spans) -> list[NumberMention]``. Hand-written regular expressions: no PyPI package extracts
"595-mile border" as value + unit + counted noun; durations ("five-year") stay numbers with unit ``year``
(never dates: see :mod:`newsprism.claims.dates`).

Each mention also carries (issue 26) its approximator ("about 19", "more than 20", "10 to 12": ``approx`` and
``high``), its ``role`` (count, rank, money, percent, duration, age, measure) and, from the spaCy parse, the
``counted`` noun's lemma with its ``modifiers`` and the ``predicate`` (the clause's verb) it belongs to.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprism.model import NumberMention
from newsprism.nlp.parse_context import counts_subject, parse_context
from newsprism.nlp.span_tokens import tokens_between

if TYPE_CHECKING:
    from spacy.tokens import Doc

WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "hundreds": 100, "dozens": 12,
    "thousands": 1000, "millions": 1_000_000, "billions": 1_000_000_000,
}  # fmt: skip
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3}
SCALES["dozen"] = 12.0  # "two dozen", "two-dozen" (issue 26: not a range from two to a dozen)
CURRENCY = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
UNITS = (
    "percent|per cent|percentage points?|mile|kilometer|kilometre|km|meter|metre|foot|feet|inch|acre|hectare|"
    "ton|tonne|pound|kilogram|kg|gallon|liter|litre|barrel|year|month|week|day|hour|minute|second|decade|century|"
    "dollar|euro|cent|vote|seat|point"
)
QUOTE_GAP = r"(?:[”\"’](?=\s?(?:thousand|million|billion|trillion)\b))?"
"""A closing quotation mark between a figure and its scale word ("we're asking for $5.6” billion", issue 26)."""
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDS = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
NUMBER_RE = re.compile(
    rf"(?P<cur>[$€£¥])?(?P<num>{_NUM}|\b(?:{_WORDS})\b)"
    rf"(?:{QUOTE_GAP}\s?(?P<scale>thousand|million|billion|trillion|bn|m|k)\b|[\s-](?P<dozen>dozen)\b)?"
    rf"(?:(?P<pct>\s?%)|(?:(?P<sep>-|\s)(?P<unit>(?:{UNITS})(?:e?s)?)\b(?P<old>-old|-long)?))?",
    re.IGNORECASE,
)


def _unit_name(raw: str | None, pct: bool, cur: str | None) -> str | None:
    if pct:
        return "percent"
    if raw:
        u = raw.lower()
        if u.startswith(("percent", "per cent")):
            return "percent"
        if u.startswith("percentage point"):
            return "percentage point"
        if u in ("feet",):
            return "foot"
        if u.endswith("ies"):
            return u[:-3] + "y"
        if u.endswith("es") and u[:-2] in UNITS.split("|"):
            return u[:-2]
        if u.endswith("s") and u[:-1] in UNITS.split("|"):
            return u[:-1]
        return u
    return CURRENCY.get(cur or "")


def _value(num: str, scale: str | None) -> float | None:
    n = num.lower().replace(",", "")
    try:
        v = float(WORD_NUMBERS[n]) if n in WORD_NUMBERS else float(n)
    except ValueError:
        return None
    if scale:
        v *= SCALES[scale.lower()]
    return v


def _what(doc: Doc | None, end: int, limit: int) -> str | None:
    """The noun a number counts: the first noun after it ("595-mile border" -> "border", "5% of voters" ->
    "voters"); an adjective head when no noun follows ("20-year high" -> "high")."""
    if doc is None:
        return None
    toks = list(tokens_between(doc, end, limit)[:5])
    for i, t in enumerate(toks):
        if t.pos_ in ("NOUN", "PROPN"):
            return t.text
        if t.pos_ == "ADJ":
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ"):
                return t.text
            continue
        if t.pos_ in ("DET", "NUM") or t.text.lower() in ("of", "-", "more", "than"):
            continue
        break
    return None


APPROX_RE = re.compile(
    r"(?:\b(?P<about>about|around|approximately|roughly|some|an estimated|estimated|nearly|almost|close to|"
    r"just under|just over|upwards of|upward of)|\b(?P<more_than>more than|over|above|in excess of)|"
    r"\b(?P<at_least>at least|no fewer than|no less than|a minimum of)|\b(?P<less_than>less than|fewer than|under|"
    r"below)|\b(?P<at_most>up to|as many as|as much as|at most|no more than))\s+$",
    re.IGNORECASE,
)
RANGE_TAIL_RE = re.compile(rf"\s*(?P<sep>-|–|to|or|and)\s*[$€£¥]?(?P<num>{_NUM}|\b(?:{_WORDS})\b)(?!\w)", re.IGNORECASE)
RANK_BEFORE_RE = re.compile(r"(?:\bNo\.?|\bnumber|#)\s*$", re.IGNORECASE)
AGE_BEFORE_RE = re.compile(r"\b(?:aged?|age of)\s+$", re.IGNORECASE)
TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "decade", "century"}
MONEY_UNITS = {"USD", "EUR", "GBP", "JPY", "dollar", "euro", "cent"}
COUNT_UNITS = {"vote", "seat", "point"}


def approximation(text: str, start: int, end: int) -> tuple[str | None, float | None]:
    """(approx, high): the approximator written before ``text[start:end]`` or a range after it ("10 to 12")."""
    tail = RANGE_TAIL_RE.match(text, end)
    between = re.search(r"\bbetween\s+$", text[max(0, start - 12) : start], re.IGNORECASE)
    if tail and (tail.group("sep") != "and" or between):
        high = _value(tail.group("num"), None)
        low = _value(re.sub(r"^[$€£¥]", "", text[start:end]).split()[0], None)
        if high is not None and low is not None and high > low:
            return "range", high
    m = APPROX_RE.search(text[max(0, start - 20) : start])
    if m:
        return next(k for k, v in m.groupdict().items() if v), None
    if re.match(r"-?plus\b|\+", text[end : end + 5]):
        return "at_least", None
    return None, None


def role(text: str, start: int, end: int, unit: str | None) -> str:
    """What kind of quantity ``text[start:end]`` is: count, rank, money, percent, duration, age or measure."""
    before, after = text[max(0, start - 12) : start], text[end : end + 8].lower()
    if unit in ("percent", "percentage point"):
        return "percent"
    if unit in MONEY_UNITS:
        return "money"
    if RANK_BEFORE_RE.search(before):
        return "rank"
    if AGE_BEFORE_RE.search(before):
        return "age"
    if unit in TIME_UNITS:
        old = text[start:end].lower().endswith("-old") or re.match(r"[\s-]old\b", after)
        return "age" if old else "duration"
    if unit is not None and unit not in COUNT_UNITS:
        return "measure"
    return "count"


def _in_spans(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= s and e <= b for a, b in spans)


def numbers(
    text: str, start: int, end: int, doc: Doc | None = None, date_spans: list[tuple[int, int]] | None = None
) -> list[NumberMention]:
    """Numbers in ``text[start:end]`` with value, unit and what they count (offsets into ``text``)."""
    out: list[NumberMention] = []
    date_spans = date_spans or []
    tail_end = -1
    for m in NUMBER_RE.finditer(text, start, end):
        s, e = m.span()
        num = m.group("num")
        scale = m.group("scale") or m.group("dozen")
        prev = text[s - 1] if s > 0 else " "
        nxt = text[e] if e < len(text) else " "
        if prev.isalnum() or (nxt.isalpha() and not m.group("unit")) or (prev in "-/" and num[0].isdigit()):
            continue  # part of a word, an ordinal ("1st") or a range tail
        if s < tail_end:
            continue  # the upper end of the range before it ("10 to [12]")
        unit = _unit_name(m.group("unit"), bool(m.group("pct")), m.group("cur"))
        if unit is None and num.isdigit() and (len(num) == 4 and 1800 <= int(num) <= 2100):
            continue  # a bare year belongs to dates
        if unit is None and _in_spans(s, e, date_spans) and not scale:
            continue  # part of a date ("May 5")
        if unit is None and num.lower() in WORD_NUMBERS and not scale and num.lower().endswith("s"):
            unit = None
        approx, high = approximation(text, s, e)
        if high is not None and scale:
            high *= SCALES[scale.lower()]
        if approx == "range":
            tail = RANGE_TAIL_RE.match(text, e)
            tail_end = tail.end() if tail else -1
        counted, modifiers, predicate, subject = parse_context(doc, s, e)
        out.append(
            NumberMention(
                text=text[s:e],
                start=s,
                end=e,
                value=_value(num, scale),
                unit=unit,
                what=_what(doc, e, end),
                high=high,
                approx=approx,  # type: ignore[arg-type]
                role=role(text, s, e, unit),  # type: ignore[arg-type]
                counted=counted,
                modifiers=modifiers,
                predicate=predicate,
                subject=subject,
                counts_subject=counts_subject(doc, s, e),
            )
        )
    return out
