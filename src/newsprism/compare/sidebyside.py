"""Side by side: how each article of a story leans, persuades, frames, sources and opines."""

from __future__ import annotations

import re
from collections import Counter

from newsprism.compare.features import entity_surface, headline
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

OPINION_SUBJECTIVITY = 0.5
TOP = 3


def _words(text: str) -> int:
    return len(re.findall(r"\S+", text))


def _techniques(article: Article) -> SideTechniques:
    summary = article.technique_summary
    counts: Counter[str] = Counter(t.technique for t in article.techniques)
    if summary is not None:
        counts = Counter(summary.counts)
        per_1000 = summary.per_1000_words
    else:
        per_1000 = 1000 * sum(counts.values()) / max(_words(article.text), 1)
    return SideTechniques(
        count=sum(counts.values()),
        per_1000_words=round(per_1000, 2),
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


def _opinion_share(article: Article) -> float | None:
    scored = [s.subjectivity for s in article.sentences if s.subjectivity is not None]
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
                title=a.title or headline(a.text) or None,
                outlet=a.outlet or a.source,
                published=a.published,
                words=_words(a.text),
                slant=_slant(a),
                techniques=_techniques(a),
                frames=[FrameScore(frame=f.frame, score=f.score) for f in _top_frames(a)],
                tone=tone[:5],
                sourcing=_sourcing(a),
                opinion_share=_opinion_share(a),
                quotes=sum(map(shown, a.quotes)),
                claims=len(a.claims),
            )
        )
    return out
