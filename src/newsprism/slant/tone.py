"""Tone toward people and organisations: VADER on the sentence around each mention, cue verbs weighted."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from newsprism.model import Article, Span, Tone, make_span

CUE_VERBS = {
    # negative framing verbs / positive ones: multiply the sentence score when present
    "slammed", "blasted", "attacked", "accused", "admitted", "claimed", "conceded", "denied", "lied", "failed",
    "praised", "hailed", "lauded", "applauded", "championed", "defended", "touted", "boasted", "insisted",
}  # fmt: skip
CUE_WEIGHT = 1.5
KINDS = {"PERSON", "ORG", "NORP", "GPE"}
TARGET_KINDS = {"PERSON", "ORG"}


@lru_cache(maxsize=1)
def _vader() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _key(name: str) -> str:
    """Group name variants: a person is keyed by the last name ("Kamala Harris", "Harris" -> "harris")."""
    name = re.sub(r"^(the|president|vice president|sen\.|senator|mr\.|ms\.|mrs\.)\s+", "", name.strip(), flags=re.I)
    name = re.sub(r"('s|\u2019s)$", "", name)
    parts = name.split()
    return parts[-1].lower() if parts else ""


def tone(article: Article) -> list[Tone]:
    groups: dict[str, dict[str, Any]] = {}
    for ent in article.entities:
        if ent.label not in TARGET_KINDS or "\n" in ent.text.strip() or not ent.text[:1].isupper():
            continue
        k = _key(ent.text)
        if len(k) < 2:
            continue
        g = groups.setdefault(k, {"names": {}, "mentions": []})
        g["names"][ent.text] = g["names"].get(ent.text, 0) + len(ent.text)
        g["mentions"].append(ent)
    sents = article.sentences
    out = []
    for g in groups.values():
        scores, evidence, seen = [], [], set()
        for ent in g["mentions"]:
            sent = next((s for s in sents if s.start <= ent.start < s.end), None)
            if sent is None:
                continue
            text = article.text[sent.start : sent.end]
            val = float(_vader().polarity_scores(text)["compound"])
            if set(re.findall(r"[a-z]+", text.lower())) & CUE_VERBS:
                val *= CUE_WEIGHT
            scores.append(max(-1.0, min(1.0, val)))
            if sent.start not in seen:
                seen.add(sent.start)
                evidence.append(make_span(article, sent.start, sent.end, Span, weight=round(val, 3)))
        if not scores:
            continue
        target = re.sub(r"('s|\u2019s)$", "", max(g["names"], key=lambda n: (g["names"][n], len(n))).strip())
        evidence.sort(key=lambda s: -abs(float(getattr(s, "weight", 0.0))))
        out.append(
            Tone(
                target=target,
                score=round(sum(scores) / len(scores), 4),
                mentions=len(g["mentions"]),
                evidence=evidence[:5],
                **{"kind": g["mentions"][0].label},
            )
        )
    out.sort(key=lambda t: -t.mentions)
    return out
