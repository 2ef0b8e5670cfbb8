"""Normalised facts inside a claim: numbers (value, unit, what they count), dates (resolved against the
article date), entities, hedges, and whether the claim is sourced (named, anonymous, none).

Numbers and hedges are regular expressions over the canonical text (hand-written: no PyPI package
extracts "595-mile border" as value+unit+noun); dates come from spaCy DATE entities and are resolved
with ``dateparser`` relative to the article's publication date.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsprism.lexicons.calendar import WEEKDAY_PATTERN
from newsprism.model import DateMention, Entity, NumberMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsprism.model import Article, Quote

WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "hundreds": 100, "dozens": 12,
    "thousands": 1000, "millions": 1_000_000, "billions": 1_000_000_000,
}  # fmt: skip
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3}
CURRENCY = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
UNITS = (
    "percent|per cent|percentage points?|mile|kilometer|kilometre|km|meter|metre|foot|feet|inch|acre|hectare|"
    "ton|tonne|pound|kilogram|kg|gallon|liter|litre|barrel|year|month|week|day|hour|minute|second|decade|century|"
    "dollar|euro|cent|vote|seat|point"
)
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDS = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
NUMBER_RE = re.compile(
    rf"(?P<cur>[$€£¥])?(?P<num>{_NUM}|\b(?:{_WORDS})\b)"
    rf"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|m|k)\b)?"
    rf"(?:(?P<pct>\s?%)|(?:(?P<sep>-|\s)(?P<unit>(?:{UNITS})(?:e?s)?)\b(?P<old>-old|-long)?))?",
    re.IGNORECASE,
)
DURATION_RE = re.compile(r"^\d+[- ](?:year|month|week|day|hour|decade)s?(?:-old|-long)?$", re.IGNORECASE)
YEAR_RE = re.compile(r"^(?:in |since |by |until )?(1[89]\d\d|20\d\d)$", re.IGNORECASE)
RELATIVE_RE = re.compile(
    rf"\b(ago|last|next|this|yesterday|today|tomorrow|tonight|{WEEKDAY_PATTERN}|recent|past|earlier|later)\b",
    re.IGNORECASE,
)
HEDGE_RE = re.compile(
    r"\b(allegedly|reportedly|reputedly|purportedly|apparently|supposedly|seemingly|possibly|probably|perhaps|"
    r"likely|unlikely|unconfirmed|according to|(?:is|are|was|were) (?:said|believed|thought|reported|alleged) to|"
    r"appears? to|seems? to|suggests?|suggested|alleged|claimed|may|might|could)\b"
)
ANON_SOURCE_RE = re.compile(
    r"\b(sources?|officials?|aides?|a spokes(?:man|woman|person)|people (?:familiar|close|with knowledge)|"
    r"insiders?|experts?|critics?|analysts?|observers?|diplomats?|some|many|one official|a person)\b",
    re.IGNORECASE,
)
ATTRIBUTION_RE = re.compile(
    r"\b(said|says|say|told|tells|stated|states|reported|reports|announced|claimed|claims|according to|"
    r"wrote|writes|testified|confirmed|insisted|argued|noted|estimated?)\b",
    re.IGNORECASE,
)
NAMED_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "decade", "century"}


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
    toks = [t for t in doc if t.idx >= end and t.idx < limit][:5]
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


def _in_spans(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= s and e <= b for a, b in spans)


def numbers(
    text: str, start: int, end: int, doc: Doc | None = None, date_spans: list[tuple[int, int]] | None = None
) -> list[NumberMention]:
    """Numbers in ``text[start:end]`` with value, unit and what they count (offsets into ``text``)."""
    out: list[NumberMention] = []
    date_spans = date_spans or []
    for m in NUMBER_RE.finditer(text, start, end):
        s, e = m.span()
        num = m.group("num")
        prev = text[s - 1] if s > 0 else " "
        nxt = text[e] if e < len(text) else " "
        if prev.isalnum() or (nxt.isalpha() and not m.group("unit")) or (prev in "-/" and num[0].isdigit()):
            continue  # part of a word, an ordinal ("1st") or a range tail
        unit = _unit_name(m.group("unit"), bool(m.group("pct")), m.group("cur"))
        if unit is None and num.isdigit() and (len(num) == 4 and 1800 <= int(num) <= 2100):
            continue  # a bare year belongs to dates
        if unit is None and _in_spans(s, e, date_spans) and not m.group("scale"):
            continue  # part of a date ("May 5")
        if unit is None and num.lower() in WORD_NUMBERS and not m.group("scale") and num.lower().endswith("s"):
            unit = None
        out.append(
            NumberMention(
                text=text[s:e],
                start=s,
                end=e,
                value=_value(num, m.group("scale")),
                unit=unit,
                what=_what(doc, e, end),
            )
        )
    return out


@lru_cache(maxsize=1)
def _dateparser() -> Any:
    import dateparser

    return dateparser


def resolve_date(text: str, published: str | None) -> str | None:
    """ISO date (YYYY, YYYY-MM or YYYY-MM-DD) for a date expression, relative ones against ``published``."""
    t = text.strip()
    if DURATION_RE.match(t):
        return None
    m = YEAR_RE.match(t)
    if m:
        return m.group(1)
    base = None
    if published:
        try:
            base = datetime.fromisoformat(published.replace("Z", "+00:00")[:19])
        except ValueError:
            base = None
    if RELATIVE_RE.search(t) and base is None:
        return None
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = base.replace(tzinfo=None)
    low = re.sub(r"^(?:in|on|since|by|until|from|the)\s+", "", t, flags=re.IGNORECASE)
    low = re.sub(r"^(?:last|this|next)\s+(year)$", lambda mm: mm.group(0), low, flags=re.IGNORECASE)
    rel_year = re.fullmatch(r"(last|this|next)\s+year", low, flags=re.IGNORECASE)
    if rel_year and base is not None:
        return str(base.year + {"last": -1, "this": 0, "next": 1}[rel_year.group(1).lower()])
    try:
        parsed = _dateparser().parse(low, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; an unresolved date is fine
        return None
    if parsed is None:
        return None
    if re.fullmatch(r"[A-Za-z]+\.?\s+\d{4}", low):
        return parsed.strftime("%Y-%m")
    return parsed.date().isoformat()


def dates(article: Article, start: int, end: int) -> list[DateMention]:
    out = []
    for ent in article.entities:
        if ent.label == "DATE" and start <= ent.start and ent.end <= end:
            if DURATION_RE.match(ent.text.strip()):
                continue  # "20-year" is a duration (kept as a number with unit year)
            out.append(
                DateMention(text=ent.text, start=ent.start, end=ent.end, iso=resolve_date(ent.text, article.published))
            )
    return out


def entities(article: Article, start: int, end: int) -> list[Entity]:
    return [
        Entity(text=e.text, label=e.label, start=e.start, end=e.end)
        for e in article.entities
        if start <= e.start
        and e.end <= end
        and e.label not in ("DATE", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "TIME")
    ]


def hedges(text: str, start: int, end: int, doc: Doc | None = None) -> list[Span]:
    """Hedges and distancing words; modal "may/might/could" only when spaCy tags them MD (not "May")."""
    modal_ok: set[int] | None = None
    if doc is not None:
        modal_ok = {t.idx for t in doc if t.tag_ == "MD"}
    out = []
    for m in HEDGE_RE.finditer(text, start, end):
        word = m.group(1)
        if word in ("may", "might", "could") and modal_ok is not None and m.start() not in modal_ok:
            continue
        out.append(Span(text=word, start=m.start(1), end=m.end(1)))
    return out


def sourced(article: Article, start: int, end: int, sent_start: int, sent_end: int, quote: Quote | None) -> str:
    """named | anonymous | none: from an enclosing quotation's speaker, else attribution cues in the sentence."""
    if quote is not None and quote.speaker is not None:
        return "anonymous" if quote.anonymous else "named"
    sent = article.text[sent_start:sent_end]
    if not ATTRIBUTION_RE.search(sent):
        return "none"
    named = any(
        e.label in NAMED_LABELS
        and sent_start <= e.start
        and e.end <= sent_end
        and not (start <= e.start and e.end <= end and ATTRIBUTION_RE.search(article.text[start:end]) is None)
        for e in article.entities
    )
    acc = re.search(r"according to\s+(.{0,60})", sent, re.IGNORECASE)
    if acc:
        after = sent_start + acc.start(1)
        if any(e.label in NAMED_LABELS and after <= e.start < after + 40 for e in article.entities):
            return "named"
        if ANON_SOURCE_RE.search(acc.group(1)[:40]):
            return "anonymous"
    if named:
        return "named"
    if ANON_SOURCE_RE.search(sent):
        return "anonymous"
    return "none"


def enclosing_quote(article: Article, start: int, end: int) -> Quote | None:
    """The quotation the claim belongs to: one covering >= 60% of the claim span, or one lying wholly inside
    the claim and making up >= 35% of it (a sentence that is mostly a quotation plus its cue)."""
    best = None
    length = max(1, end - start)
    for q in article.quotes:
        overlap = min(end, q.end) - max(start, q.start)
        covers = overlap > 0 and overlap >= 0.6 * length
        inside = start <= q.start and q.end <= end and (q.end - q.start) >= 0.35 * length
        if (covers or inside) and (best is None or (q.end - q.start) > (best.end - best.start)):
            best = q
    return best
