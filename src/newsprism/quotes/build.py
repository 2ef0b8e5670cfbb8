"""Turn extracted quotations into the Article's ``quotes`` and ``speakers`` records."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from newsprism.lexicons.speech import cue_class
from newsprism.model import Article, Quote, Span, Speaker, SpeakerCluster, make_span
from newsprism.quotes.candidate import Candidate
from newsprism.quotes.confidence import features, load_model, probability, vector
from newsprism.quotes.context import frame_prep
from newsprism.quotes.extract import extract
from newsprism.quotes.nominal import NOMINAL_PREPS
from newsprism.quotes.parts import link_parts

MARKS = "“”\"‘’'„«»"

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def cue_span(cue: Token) -> tuple[int, int]:
    """The cue's verb group: auxiliaries, negation and adverbs right before it ("has also said",
    "would not say") and a particle right after ("pointed out"); "according to" covers both words."""
    s, e = cue.idx, cue.idx + len(cue.text)
    doc = cue.doc
    if cue.lower_ == "according":
        if cue.i + 1 < len(doc) and cue.nbor(1).lower_ == "to":
            e = cue.nbor(1).idx + 2
        return s, e
    if cue.text == ":":
        return s, e
    left = {
        c.i
        for c in cue.lefts
        if c.dep_ in ("aux", "auxpass", "neg", "advmod")
        and c.lower_ not in ("to", "when", "where", "how", "why", "ago", "then", "as")
        and not c.tag_.startswith("W")
    }
    k = cue.i
    while k - 1 in left:
        k -= 1
    s = doc[k].idx
    for c in cue.rights:
        nominal_prep = cue.pos_ == "NOUN" and c.dep_ == "prep" and c.lower_ in NOMINAL_PREPS
        if (c.dep_ == "prt" or nominal_prep or frame_prep(c)) and c.i == cue.i + 1:
            e = c.idx + len(c.text)
    return s, e


def cue_class_of(cue: Token) -> str:
    return "neutral" if cue.lower_ == "according" else cue_class(cue.lemma_)


def _outer(text: str, start: int, end: int) -> tuple[int, int]:
    """The quotation with its quotation marks (and a comma or full stop inside the closing mark)."""
    os_, oe = start, end
    if os_ > 0 and text[os_ - 1] in MARKS:
        os_ -= 1
    # at most 8 closing characters (',’”' is three): unbounded, a text of quotation marks made this scan run
    # to the text's end for every quotation (issue 24)
    stop = min(len(text), end + 8)
    while oe < stop and (text[oe] in MARKS or (text[oe] in ",." and oe + 1 < len(text) and text[oe + 1] in MARKS)):
        oe += 1
    return os_, oe


def _containers(items: list[Candidate], *, strict: bool) -> Callable[[Candidate], Candidate | None]:
    """The first item, in list order, that contains a quotation (``strict``: with another span, as
    :func:`~newsprism.quotes.confidence.nested` asks). Items sorted by (start, end), as extract returns them,
    are searched by bisection over their starts and running maximum of ends (issue 24: a scan of every
    quotation per quotation was quadratic); any other order is scanned."""

    def holds(o: Candidate, c: Candidate) -> bool:
        same = strict and (o.start, o.end) == (c.start, c.end)
        return o is not c and o.start <= c.start and c.end <= o.end and not same

    spans = [(x.start, x.end) for x in items]
    if spans != sorted(spans):
        return lambda c: next((o for o in items if holds(o, c)), None)
    starts = [x.start for x in items]
    reach = list(accumulate((x.end for x in items), max))

    def first(c: Candidate) -> Candidate | None:
        last = bisect_right(starts, c.start)  # items[:last] start at or before c
        for i in range(bisect_left(reach, c.end, 0, last), last):  # before that index none reaches c's end
            if holds(items[i], c):
                return items[i]
        return None

    return first


def quotes_for(article: Article, doc: Doc) -> tuple[list[Quote], list[SpeakerCluster]]:
    """(quotes, speakers) of one article; every span is an exact slice of ``article.text``."""
    raw, ctx = extract(article.text, doc)
    speakers = ctx.speakers.speakers_json()
    index = {s["id"]: i for i, s in enumerate(speakers)}
    for i, s in enumerate(speakers):
        s["id"] = i
    quotes: list[Quote] = []
    model = load_model()
    reports = [r for r in raw if r.kind == "block" and r.extra.get("outlet_report") and r.speaker is not None]
    report_of = _containers(reports, strict=False)
    outer_of = _containers([x for x in raw if x.kind != "term"], strict=True)  # nested(r, …) for every r
    for r in raw:
        fields: dict[str, Any] = {"event": r.event, **r.extra}
        via = report_of(r)
        if via is not None and via.speaker is not None:
            fields["via"] = via.speaker.cluster.name  # quoted inside an outlet's reported block
        speaker = None
        if r.speaker is not None:
            c = r.speaker.cluster
            speaker = Speaker(name=c.name, start=r.speaker.start, end=r.speaker.end)
            fields["speaker_id"] = index.get(c.id)
            fields["speaker_kind"] = c.kind
            fields["anonymous"] = c.kind == "anonymous"
        else:
            fields["speaker_id"] = None
            fields["anonymous"] = False
            if r.kind != "term":
                fields["unattributed"] = True  # no named person, organisation or document said it
        cue = None
        if r.cue is not None:
            cs, ce = cue_span(r.cue)
            cue = article.text[cs:ce]
            fields["cue_class"] = cue_class_of(r.cue)
            fields["cue_lemma"] = "according to" if r.cue.lower_ == "according" else r.cue.lemma_.lower()
            fields["cue_span"] = make_span(article, cs, ce, Span)
            fields["cue_start"], fields["cue_end"] = cs, ce
        fields["outer_start"], fields["outer_end"] = _outer(article.text, r.start, r.end)
        if model is not None and r.kind != "term":
            # a quotation inside another one (a partial in a reported clause) is part of that attribution
            outer = outer_of(r)
            fields["confidence"] = round(probability(model, vector(features(outer or r, article.text))), 4)
        quotes.append(make_span(article, r.start, r.end, Quote, kind=r.kind, speaker=speaker, cue=cue, **fields))
    link_parts(article.text, quotes)
    return quotes, [SpeakerCluster.model_validate(s) for s in speakers]
