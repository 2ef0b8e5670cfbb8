"""How reports show tone toward a target (issue 20): the writer's stance and each quoted source's kept apart, with
the cue words that judge the target, and that the tone labels are not validated (:func:`caveat`)."""

from __future__ import annotations

from newsprism.model import Stance, Tone
from newsprism.report import pinned

MAX_LEMMAS = 4
MAX_SOURCES = 3
AIM_MACRO_F1 = 0.60  # issue 20's aim for tone labels on >= 200 blind mentions (README trust table)
BLIND_METRIC = "blind200_macro_f1"  # the floors' metric of the 200-mention blind sample (bench/task_tone.py)
_ADVERB = {"negative": "negatively", "positive": "positively", "neutral": "in mixed terms"}


def caveat() -> str:
    """``unvalidated: blind macro-F1 0.42, aim 0.60``: said wherever tone is shown. The number is the pinned value
    of ``bench/floors/tone.json`` (the last ``newsprism bench tone --update-floors``)."""
    value = pinned.validation("tone").get(BLIND_METRIC)
    measured = f"{value:.2f}" if value is not None else "not measured"
    return f"unvalidated: blind macro-F1 {measured}, aim {AIM_MACRO_F1:.2f}"


def caveat_line() -> str:
    """The sentence a report's tone table starts with: ``Tone labels unvalidated: blind macro-F1 0.42, aim 0.60.``"""
    return f"Tone labels {caveat()}."


def _lemmas(s: Stance) -> str:
    """The distinct cue lemmas, those agreeing with the label first, at most ``MAX_LEMMAS``."""
    sign = -1 if s.label == "negative" else 1 if s.label == "positive" else 0
    ordered = sorted(s.cues, key=lambda c: c.polarity != sign)
    return ", ".join(list(dict.fromkeys(c.lemma for c in ordered))[:MAX_LEMMAS])


def _sources(t: Tone, lemmas: bool) -> str:
    """``Ken Cuccinelli negative (fail), unattributed negative and 2 more``: up to ``MAX_SOURCES`` quoted voices."""
    srcs = [
        f"{q.speaker or 'unattributed'} {q.label}" + (f" ({_lemmas(q)})" if lemmas and q.cues else "")
        for q in t.quoted[:MAX_SOURCES]
    ]
    more = f" and {len(t.quoted) - MAX_SOURCES} more" if len(t.quoted) > MAX_SOURCES else ""
    return ", ".join(srcs) + more


def stance_sentence(t: Tone) -> str:
    """ "the writer describes Harris negatively (dodge, fail); quoted sources: Cuccinelli negative" — or "" when
    no cue judges the target. An unattributed quotation's source is "unattributed"."""
    parts = []
    if t.author:
        parts.append(f"the writer describes {t.target} {_ADVERB[t.author.label]} ({_lemmas(t.author)})")
    if t.quoted:
        parts.append("quoted sources: " + _sources(t, lemmas=False))
    return "; ".join(parts)


def stance_brief(t: Tone) -> str:
    """The compact form for summaries and matrix cells: ``writer negative (dodge, fail); quoted: Cuccinelli
    negative (fail)``; ``no judging words`` when no cue judges the target (its label then rests on the clause
    score alone)."""
    parts = []
    if t.author:
        parts.append(f"writer {t.author.label} ({_lemmas(t.author)})")
    if t.quoted:
        parts.append("quoted: " + _sources(t, lemmas=True))
    return "; ".join(parts) or "no judging words"
