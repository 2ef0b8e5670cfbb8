"""Side by side: how each article of a story leans, persuades, frames, sources and opines."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from newsprism.compare.features import entity_surface
from newsprism.model import (
    Article,
    Frame,
    FrameScore,
    SideBySide,
    SideSlant,
    SideTechniques,
    Sourcing,
    TechniqueCount,
    ToneScore,
)
from newsprism.quotes.confidence import shown
from newsprism.techniques.summary import per_1000_words, shown_techniques
from newsprism.titles import display_title

OPINION_SUBJECTIVITY = 0.5
TOP = 3


def outlet_of(article: Article) -> str | None:
    """Who published the article: its outlet, else its URL's host (``www.`` dropped), else None. Never the source
    file path (``Article.source``): a file name says nothing about the outlet (issue 21)."""
    if article.outlet and article.outlet.strip():
        return article.outlet.strip()
    host = urlsplit(article.url).hostname if article.url else None
    return host.removeprefix("www.") if host else None


def _words(text: str) -> int:
    return len(re.findall(r"\S+", text))


def _techniques(article: Article) -> SideTechniques:
    summary = article.technique_summary
    counts = Counter(summary.counts) if summary is not None else Counter(t.technique for t in shown_techniques(article))
    return SideTechniques(
        count=sum(counts.values()),
        per_1000_words=per_1000_words(article),  # the article report's header shows the same number
        counts=dict(counts),
        top=[TechniqueCount(technique=k, count=v) for k, v in counts.most_common(TOP)],
    )


def _slant(article: Article) -> SideSlant | None:
    s = article.slant
    if s is None:
        return None
    # strongest phrases of either side (|z|; positive = right), so a left-leaning article shows its left phrases
    ev = [p.model_copy() for p in s.strongest_phrases()[:TOP]]
    return SideSlant(label=s.label, score=s.score, confidence=s.confidence, evidence=ev)


def _sourcing(article: Article) -> Sourcing:
    named = anonymous = unattributed = 0
    for q in filter(shown, article.quotes):  # speech only: no quoted terms, attitudes or doubtful quotes
        if q.anonymous:
            anonymous += 1
        elif q.speaker is not None and q.speaker.name:
            named += 1
        else:
            unattributed += 1
    if not article.quotes:  # fall back to the claims' sourcing
        for c in article.claims:
            named += c.sourced == "named"
            anonymous += c.sourced == "anonymous"
    return Sourcing(named=named, anonymous=anonymous, unattributed=unattributed)


_NOT_PROSE = ("heading", "page boilerplate", "fragment", "attribution", "question")


def _quoted(article: Article, start: int, end: int) -> bool:
    """Whether most of the sentence is quoted or reported speech (a speaker's opinion is not the outlet's)."""
    inside = sum(
        max(0, min(end, q.end) - max(start, q.start))
        for q in article.quotes
        if q.kind in ("direct", "block", "indirect")
    )
    return inside * 2 > end - start


def _opinion_sentence(kind: str | None, subjectivity: float | None, reason: str | None) -> bool:
    if kind in ("opinion", "mixed"):
        return True
    # "other" includes the claims stage's undecided sentences: subjective prose still reads as opinion
    structural = reason is not None and reason.startswith(_NOT_PROSE)
    return kind == "other" and not structural and (subjectivity or 0.0) > OPINION_SUBJECTIVITY


def opinion_share(article: Article) -> float | None:
    """Share of the article's own sentences (quotations, headings, boilerplate left out) that give opinion.

    A sentence is opinion when the claims stage calls it ``opinion`` or ``mixed``, or ``other`` prose with
    subjectivity above 0.5; without sentence kinds, subjectivity alone decides. None when nothing is scored.
    """
    own = [s for s in article.sentences if not _quoted(article, s.start, s.end)]
    if any(s.kind is not None for s in own):
        prose = [s for s in own if not (s.kind_reason or "").startswith(_NOT_PROSE)]
        if not prose:
            return None
        hits = sum(_opinion_sentence(s.kind, s.subjectivity, s.kind_reason) for s in prose)
        return round(hits / len(prose), 3)
    scored = [s.subjectivity for s in own if s.subjectivity is not None]
    if not scored:
        return None
    return round(sum(v > OPINION_SUBJECTIVITY for v in scored) / len(scored), 3)


def _top_frames(article: Article) -> list[Frame]:
    return sorted(article.frames, key=lambda f: -f.score)[:TOP]


def side_by_side(articles: list[Article], key_people: list[str]) -> list[SideBySide]:
    """One column per article. ``key_people`` are the story's key entity keys (lowercase)."""
    keys = set(key_people)
    out = []
    for a in articles:
        tone = [
            ToneScore(target=t.target, score=t.score, mentions=t.mentions, label=t.label or None)
            for t in sorted(a.tone, key=lambda t: -t.mentions)
            if not keys or entity_surface(t.target).lower() in keys
        ]
        out.append(
            SideBySide(
                article=a.id,
                title=display_title(a) or None,
                outlet=outlet_of(a),
                published=a.published,
                words=_words(a.text),
                slant=_slant(a),
                techniques=_techniques(a),
                frames=[FrameScore(frame=f.frame, score=f.score) for f in _top_frames(a)],
                tone=tone[:5],
                sourcing=_sourcing(a),
                opinion_share=opinion_share(a),
                quotes=sum(map(shown, a.quotes)),
                claims=len(a.claims),
            )
        )
    return out
