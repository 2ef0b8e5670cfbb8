"""Facts inside a claim besides numbers and dates: entities, hedges, and whether the claim is sourced (named,
anonymous, none). Numbers live in :mod:`newsprism.claims.quantities`, dates in :mod:`newsprism.claims.dates`
(re-exported here as ``numbers`` and ``dates``).

Hedges and sourcing cues are regular expressions over the canonical text (hand-written: short closed word lists).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprism.claims.dates import mentions as dates
from newsprism.claims.quantities import numbers
from newsprism.model import Span
from newsprism.nlp.span_tokens import tokens_between

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsprism.model import Article, Quote

__all__ = ["dates", "enclosing_quote", "hedges", "numbers", "sourced"]

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
    r"wrote|writes|testified|confirmed|insisted|argued|noted|estimated?|saying|added|adds|explained|recalled|"
    r"tweeted|acknowledged|asserted)\b",
    re.IGNORECASE,
)
NAMED_LABELS = {"PERSON", "ORG", "NORP", "GPE"}


def hedges(text: str, start: int, end: int, doc: Doc | None = None) -> list[Span]:
    """Hedges and distancing words; modal "may/might/could" only when spaCy tags them MD (not "May")."""
    modal_ok: set[int] | None = None
    if doc is not None:
        modal_ok = {t.idx for t in tokens_between(doc, start, end) if t.tag_ == "MD"}
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
