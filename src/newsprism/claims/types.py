"""Claim type rules: numeric | comparative | causal | prediction | attribution | event | question | other.

First match wins in that order (a numeric comparison is "numeric"; its numbers are the checkable part).
"event" needs a past-tense verb other than a reporting verb, so "X said Y happened" is an event and only a
bare "X said ..." with nothing else checkable is "attribution".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprism.nlp.span_tokens import tokens_between

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsprism.model import NumberMention

TYPES = ("numeric", "comparative", "causal", "prediction", "event", "attribution", "question", "other")
CUE_LEMMAS = {"say", "tell", "report", "state", "claim", "announce", "insist", "add", "write", "note", "argue"}
COMPARATIVE_RE = re.compile(
    r"\b(than|compared (?:to|with)|more|less|fewer|most|least|highest|lowest|largest|smallest|biggest|record|"
    r"doubled|tripled|halved|outpac\w+|surpass\w+|exceed\w*|rank\w*|top)\b",
    re.IGNORECASE,
)
CAUSAL_RE = re.compile(
    r"\b(because|due to|caused?|causing|led to|leads? to|leading to|result(?:ed|s)? in|as a result|thanks to|"
    r"therefore|so that|owing to|blamed? (?:on|for)|responsible for|drives?|driven by|fuel(?:s|ed|led)?)\b",
    re.IGNORECASE,
)
PREDICTION_RE = re.compile(
    r"\b(will|won't|shall|going to|expected to|expects?|forecasts?|predicts?|projected|projects?|likely to|"
    r"is set to|are set to|would|next year|by 20\d\d)\b",
    re.IGNORECASE,
)
ATTRIBUTION_RE = re.compile(
    r"\b(said|says|told|according to|stated|claimed|reported|announced|insisted)\b", re.IGNORECASE
)


def claim_type(text: str, numbers: list[NumberMention], doc: Doc | None, start: int, end: int) -> str:
    """The type of the claim ``text`` (the slice ``start:end`` of the document)."""
    stripped = text.rstrip(" \"'”’)")
    if stripped.endswith("?"):
        return "question"
    if any(n.value is not None for n in numbers):
        return "numeric"
    toks = list(tokens_between(doc, start, end)) if doc is not None else []
    tags = [t.tag_ for t in toks]
    if COMPARATIVE_RE.search(text) or any(t in ("JJR", "JJS", "RBR", "RBS") for t in tags):
        return "comparative"
    if CAUSAL_RE.search(text):
        return "causal"
    if PREDICTION_RE.search(text):
        return "prediction"
    if any(t.tag_ in ("VBD", "VBN") and t.lemma_.lower() not in CUE_LEMMAS for t in toks):
        return "event"
    if ATTRIBUTION_RE.search(text):
        return "attribution"
    return "other"
