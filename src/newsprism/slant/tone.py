"""Tone toward people and organisations: VADER on the clause around each mention, cue verbs weighted.

Clauses are cut at semicolons, dashes and contrastive conjunctions ("Harris praised the plan, but critics
slammed Biden" gives Harris and Biden opposite tones); a clause under ``MIN_CLAUSE_WORDS`` words falls back
to the whole sentence. Mentions inside title-case lines (headlines, where the tagger labels capitalised
common words as names) are skipped. Hand-written because VADER scores text, not targets, and no library
pinned here does targeted sentiment offline.
"""

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
MIN_CLAUSE_WORDS = 4
_CLAUSE_BREAK = re.compile(
    r"\s*(?:;|\s[\u2013\u2014-]\s|,?\s+(?:but|while|whereas|although|though|yet|however)\b)\s*", re.I
)
_WORDS = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
_SMALL = {"a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "with", "vs"}


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


def clause_bounds(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """The clause of ``text[start:end]`` holding offset ``pos`` (or the whole span when that clause is tiny)."""
    a = start
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        if pos < m.end():
            return _keep(text, a, m.start(), start, end)
        a = m.end()
    return _keep(text, a, end, start, end)


def _keep(text: str, a: int, b: int, start: int, end: int) -> tuple[int, int]:
    return (a, b) if len(_WORDS.findall(text[a:b])) >= MIN_CLAUSE_WORDS else (start, end)


def title_case(text: str) -> bool:
    """A headline-style line: at least 4 words and nearly every non-small word capitalised."""
    words = [w for w in _WORDS.findall(text) if w.lower() not in _SMALL]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


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
            if title_case(article.text[sent.start : sent.end]):
                continue
            a, b = clause_bounds(article.text, sent.start, sent.end, ent.start)
            text = article.text[a:b]
            val = float(_vader().polarity_scores(text)["compound"])
            if set(re.findall(r"[a-z]+", text.lower())) & CUE_VERBS:
                val *= CUE_WEIGHT
            scores.append(max(-1.0, min(1.0, val)))
            if a not in seen:
                seen.add(a)
                evidence.append(make_span(article, a, b, Span, weight=round(val, 3)))
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
