"""What a checker looks up: the claim's proposition (the reported clause, attribution left out, hedge words
removed) and the source the article gives for it.

The proposition is, in order: the quotation the quotes stage found inside the unit (the reported clause of an
indirect quote or the words of a direct one); the clausal complement of a reporting verb that heads the unit
("Officials said [the bridge will close]"); the unit minus a leading or trailing "according to X"; else the
whole unit. The source is the quote's speaker mention, the subject of the reporting verb, or the "according to"
phrase. Both come from the quotes stage and the spaCy parse the stage already has.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprism.model import Span
from newsprism.nlp.span_tokens import tokens_between

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsprism.model import Article, Quote

REPORT_LEMMAS = frozenset({
    "say", "tell", "report", "state", "claim", "announce", "insist", "add", "write", "note", "argue", "warn",
    "testify", "confirm", "allege", "assert", "contend", "acknowledge", "admit", "estimate", "predict", "deny",
    "explain", "declare", "maintain", "suggest", "indicate", "show", "find", "reveal", "disclose", "believe",
})  # fmt: skip
ACCORDING_LEAD_RE = re.compile(r"^according\s+to\s+[^,]{2,80},\s*", re.IGNORECASE)
ACCORDING_TAIL_RE = re.compile(r",?\s*according\s+to\s+[^,;]{2,80}?[.!]?\s*$", re.IGNORECASE)
CONTENT_KINDS = ("direct", "partial", "block", "indirect")
MIN_WORDS = 4


def _span(text: str, s: int, e: int) -> Span | None:
    while s < e and (text[s].isspace() or text[s] in ",;:\"“”‘’'"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:.\"“”‘’'"):
        e -= 1
    return Span(text=text[s:e], start=s, end=e) if e > s else None


def _inner_quote(article: Article, start: int, end: int) -> Quote | None:
    inside = [
        q
        for q in article.quotes
        if q.kind in CONTENT_KINDS
        and q.speaker is not None
        and start <= q.start
        and q.end <= end
        and len(q.text.split()) >= MIN_WORDS
    ]
    return max(inside, key=lambda q: q.end - q.start, default=None)


def _report_root(doc: Doc, start: int, end: int) -> Token | None:
    roots = [t for t in tokens_between(doc, start, end) if t.dep_ == "ROOT" or not start <= t.head.idx < end]
    for r in roots:
        if r.lemma_.lower() in REPORT_LEMMAS and any(c.dep_ in ("ccomp", "xcomp") for c in r.children):
            return r
    return None


def _subtree_span(tok: Token) -> tuple[int, int]:
    toks = list(tok.subtree)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def proposition(article: Article, start: int, end: int, doc: Doc | None) -> tuple[Span | None, Span | None]:
    """(proposition span, source mention span) of the claim ``article.text[start:end]``."""
    text = article.text
    quote = _inner_quote(article, start, end)
    if quote is not None:
        source = None
        if quote.speaker is not None and quote.speaker.start is not None and quote.speaker.end is not None:
            source = _span(text, quote.speaker.start, quote.speaker.end)
        return _span(text, quote.start, quote.end), source
    if doc is not None:
        root = _report_root(doc, start, end)
        if root is not None:
            comp = next(c for c in root.children if c.dep_ in ("ccomp", "xcomp"))
            toks = [t for t in comp.subtree if t.dep_ != "mark" or t.i != comp.left_edge.i]  # drop a leading "that"
            s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            source = _span(text, *_subtree_span(subj)) if subj is not None else None
            if start <= s and e <= end and len(text[s:e].split()) >= MIN_WORDS:
                return _span(text, s, e), source
    unit = text[start:end]
    m = ACCORDING_LEAD_RE.match(unit) or ACCORDING_TAIL_RE.search(unit)
    if m:
        src = re.search(r"according\s+to\s+(.+?)[,.!]?\s*$", m.group(0).rstrip(", "), re.IGNORECASE)
        source = _span(text, start + m.start() + src.start(1), start + m.start() + src.end(1)) if src else None
        if m.start() == 0:
            return _span(text, start + m.end(), end), source
        return _span(text, start, start + m.start()), source
    return _span(text, start, end), None


PRONOUNS = frozenset(["he", "she", "they", "him", "her", "them", "his", "hers", "their", "we", "us", "i", "it"])


def named_source(article: Article, source: Span | None) -> Span | None:
    """The source mention resolved through the quotes stage's speakers: a bare pronoun ("He") that is a mention
    of a named speaker becomes that speaker's nearest named mention before it (else its first named one)."""
    if source is None or source.text.lower() not in PRONOUNS:
        return source
    for cluster in article.speakers:
        if cluster.anonymous or not any(m.start == source.start for m in cluster.mentions):
            continue
        named = [m for m in cluster.mentions if m.text.lower() not in PRONOUNS]
        before = [m for m in named if m.start < source.start]
        pick = before[-1] if before else (named[0] if named else None)
        if pick is not None:
            return Span(text=pick.text, start=pick.start, end=pick.end)
    return source


def without_hedges(span: Span, hedges: list[Span]) -> str:
    """The proposition's text with the hedge words inside it removed (spaces collapsed)."""
    out, cur = [], span.start
    for h in sorted(hedges, key=lambda h: h.start):
        if span.start <= h.start and h.end <= span.end and h.text.lower() != "according to":
            out.append(span.text[cur - span.start : h.start - span.start])
            cur = h.end
    out.append(span.text[cur - span.start :])
    return re.sub(r"\s+([,.;:])", r"\1", " ".join("".join(out).split()))
