"""Turn extracted quotations into the Article's ``quotes`` and ``speakers`` records."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsprism.model import Article, Quote, Span, Speaker, make_span
from newsprism.quotes.extract import Extractor, cue_class_of, cue_span

MARKS = "“”\"‘’'„«»"

if TYPE_CHECKING:
    from spacy.tokens import Doc


def quotes_for(article: Article, doc: Doc) -> tuple[list[Quote], list[dict[str, Any]]]:
    """(quotes, speakers) of one article; every span is an exact slice of ``article.text``."""
    ex = Extractor(article.text, doc)
    raw = ex.run()
    speakers = ex.book.speakers_json()
    index = {s["id"]: i for i, s in enumerate(speakers)}
    for i, s in enumerate(speakers):
        s["id"] = i
    quotes: list[Quote] = []
    reports = [r for r in raw if r.kind == "block" and r.extra.get("outlet_report") and r.speaker is not None]
    for r in raw:
        fields: dict[str, Any] = {"event": r.event, **r.extra}
        via = next((b for b in reports if b is not r and b.start <= r.start and r.end <= b.end), None)
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
        cue = None
        if r.cue is not None:
            cs, ce = cue_span(r.cue)
            cue = article.text[cs:ce]
            fields["cue_class"] = cue_class_of(r.cue)
            fields["cue_lemma"] = "according to" if r.cue.lower_ == "according" else r.cue.lemma_.lower()
            fields["cue_span"] = make_span(article, cs, ce, Span)
            fields["cue_start"], fields["cue_end"] = cs, ce
        os_, oe = r.start, r.end
        t = article.text
        if os_ > 0 and t[os_ - 1] in MARKS:
            os_ -= 1
        while oe < len(t) and (t[oe] in MARKS or (t[oe] in ",." and oe + 1 < len(t) and t[oe + 1] in MARKS)):
            oe += 1
        fields["outer_start"], fields["outer_end"] = os_, oe
        quotes.append(make_span(article, r.start, r.end, Quote, kind=r.kind, speaker=speaker, cue=cue, **fields))
    return quotes, speakers
