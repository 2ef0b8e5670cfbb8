"""Article-level summary of detected techniques (``Article.technique_summary``)."""

from __future__ import annotations

import re
from collections import Counter

from newsprism.model import Article, DenseSentence, TechniqueSummary

DENSEST = 3


def summarise(article: Article) -> TechniqueSummary:
    """Techniques per 1,000 words, counts per technique (most first), the most used and the densest sentences.

    Only shown spans count (``shown`` false: below the shown-span threshold, kept in the JSON only)."""
    words = len(re.findall(r"\w+", article.text))
    shown = [t for t in article.techniques if getattr(t, "shown", None) is not False]
    counts = Counter(t.technique for t in shown)
    per_sentence = []
    for s in article.sentences:
        n = sum(1 for t in shown if t.start < s.end and s.start < t.end)
        if n:
            per_sentence.append(DenseSentence(start=s.start, end=s.end, count=n))
    per_sentence.sort(key=lambda d: (-d.count, d.start))
    return TechniqueSummary(
        per_1000_words=round(1000 * len(shown) / words, 2) if words else 0.0,
        counts=dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
        most_used=counts.most_common(1)[0][0] if counts else None,
        densest_sentences=per_sentence[:DENSEST],
    )
