"""Article-level summary of detected techniques (``Article.technique_summary``)."""

from __future__ import annotations

import re
from collections import Counter

from newsprism.model import Article, DenseSentence, Technique, TechniqueSummary

DENSEST = 3


def shown_techniques(article: Article) -> list[Technique]:
    """The spans a reader sees: every span except those below the shown-span threshold (``shown`` false).

    Every report, view and summary renders these; the JSON keeps all spans."""
    return [t for t in article.techniques if getattr(t, "shown", None) is not False]


def _density(article: Article, n: int) -> float:
    words = len(re.findall(r"\w+", article.text))
    return round(1000 * n / words, 2) if words else 0.0


def per_1000_words(article: Article) -> float:
    """Shown techniques per 1,000 words: the one density every report shows (article header, comparison)."""
    if article.technique_summary is not None:
        return article.technique_summary.per_1000_words
    return _density(article, len(shown_techniques(article)))


def summarise(article: Article) -> TechniqueSummary:
    """Techniques per 1,000 words, counts per technique (most first), the most used and the densest sentences.

    Only shown spans count (``shown`` false: below the shown-span threshold, kept in the JSON only)."""
    shown = shown_techniques(article)
    counts = Counter(t.technique for t in shown)
    per_sentence = []
    for s in article.sentences:
        n = sum(1 for t in shown if t.start < s.end and s.start < t.end)
        if n:
            per_sentence.append(DenseSentence(start=s.start, end=s.end, count=n))
    per_sentence.sort(key=lambda d: (-d.count, d.start))
    return TechniqueSummary(
        per_1000_words=_density(article, len(shown)),
        counts=dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
        most_used=counts.most_common(1)[0][0] if counts else None,
        densest_sentences=per_sentence[:DENSEST],
    )
