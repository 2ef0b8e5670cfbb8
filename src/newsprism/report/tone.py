"""Stance toward a target in words (issue 20): what the writer's own voice says of it, then each quoted source."""

from __future__ import annotations

from newsprism.model import Stance, Tone

MAX_LEMMAS = 4
MAX_SOURCES = 3
_ADVERB = {"negative": "negatively", "positive": "positively", "neutral": "in mixed terms"}


def _lemmas(s: Stance) -> str:
    """The distinct cue lemmas, those agreeing with the label first, at most ``MAX_LEMMAS``."""
    sign = -1 if s.label == "negative" else 1 if s.label == "positive" else 0
    ordered = sorted(s.cues, key=lambda c: c.polarity != sign)
    return ", ".join(list(dict.fromkeys(c.lemma for c in ordered))[:MAX_LEMMAS])


def stance_sentence(t: Tone) -> str:
    """ "the writer describes Harris negatively (dodge, fail); quoted sources: Cuccinelli negative" — or "" when
    no cue judges the target. An unattributed quotation's source is "unattributed"."""
    parts = []
    if t.author:
        parts.append(f"the writer describes {t.target} {_ADVERB[t.author.label]} ({_lemmas(t.author)})")
    if t.quoted:
        srcs = [f"{q.speaker or 'unattributed'} {q.label}" for q in t.quoted[:MAX_SOURCES]]
        more = f" and {len(t.quoted) - MAX_SOURCES} more" if len(t.quoted) > MAX_SOURCES else ""
        parts.append("quoted sources: " + ", ".join(srcs) + more)
    return "; ".join(parts)
