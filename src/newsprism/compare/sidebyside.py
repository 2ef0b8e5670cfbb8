"""Side by side: how each article of a story leans, persuades, frames, sources and opines."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict
from typing import Any

from newsprism.compare.features import entity_surface, headline
from newsprism.model import Article
from newsprism.slant.present import phrases_of

OPINION_SUBJECTIVITY = 0.5
TOP = 3


def _words(text: str) -> int:
    return len(re.findall(r"\S+", text))


def _techniques(article: Article) -> dict[str, Any]:
    summary = (article.model_extra or {}).get("technique_summary")
    words = max(_words(article.text), 1)
    counts: Counter[str] = Counter(t.technique for t in article.techniques)
    if isinstance(summary, dict) and isinstance(summary.get("counts"), dict):
        counts = Counter({str(k): int(v) for k, v in summary["counts"].items() if isinstance(v, (int, float))})
    per_1000 = summary.get("per_1000_words") if isinstance(summary, dict) else None
    if not isinstance(per_1000, (int, float)):
        per_1000 = 1000 * sum(counts.values()) / words
    return {
        "count": sum(counts.values()),
        "per_1000_words": round(float(per_1000), 2),
        "counts": dict(counts),
        "top": [{"technique": k, "count": v} for k, v in counts.most_common(TOP)],
    }


def _slant(article: Article) -> dict[str, Any] | None:
    s = article.slant
    if s is None:
        return None
    # strongest phrases of either side (|z|; positive = right), so a left-leaning article shows its left phrases
    ev = phrases_of(s)[:TOP]
    return {
        "label": s.label,
        "score": s.score,
        "confidence": s.confidence,
        "evidence": [asdict(p) for p in ev],  # text, start, end, weight, count
    }


def _sourcing(article: Article) -> dict[str, int]:
    named = anonymous = unattributed = 0
    for q in article.quotes:
        extra = q.model_extra or {}
        if extra.get("anonymous"):
            anonymous += 1
        elif q.speaker is not None and q.speaker.name:
            named += 1
        else:
            unattributed += 1
    if not article.quotes:  # fall back to the claims' sourcing
        for c in article.claims:
            src = (c.model_extra or {}).get("sourced")
            named += src == "named"
            anonymous += src == "anonymous"
    return {"named": named, "anonymous": anonymous, "unattributed": unattributed}


def _opinion_share(article: Article) -> float | None:
    scored = [s.subjectivity for s in article.sentences if s.subjectivity is not None]
    if not scored:
        return None
    return round(sum(v > OPINION_SUBJECTIVITY for v in scored) / len(scored), 3)


def side_by_side(articles: list[Article], key_people: list[str]) -> list[dict[str, Any]]:
    """One column per article. ``key_people`` are the story's key entity keys (lowercase)."""
    keys = set(key_people)
    out = []
    for a in articles:
        tone = [
            {"target": t.target, "score": t.score, "mentions": t.mentions, **({"label": t.label} if t.label else {})}
            for t in sorted(a.tone, key=lambda t: -t.mentions)
            if not keys or entity_surface(t.target).lower() in keys
        ]
        out.append(
            {
                "article": a.id,
                "title": a.title or headline(a.text) or None,
                "outlet": a.outlet or a.source,
                "published": a.published,
                "words": _words(a.text),
                "slant": _slant(a),
                "techniques": _techniques(a),
                "frames": [
                    {"frame": f.frame, "score": f.score} for f in sorted(a.frames, key=lambda f: -f.score)[:TOP]
                ],
                "tone": tone[:5],
                "sourcing": _sourcing(a),
                "opinion_share": _opinion_share(a),
                "quotes": len(a.quotes),
                "claims": len(a.claims),
            }
        )
    return out
