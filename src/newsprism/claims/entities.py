"""Entities a claim names, without title-case verb phrases that spaCy misreads as PERSON ("Sharply Criticized").

Headline-style capitalisation makes the small spaCy model tag verb phrases as proper nouns. A PERSON mention is
re-tagged with its words lower-cased, in its own sentence: if any of its words then reads as a verb, it was a
verb phrase, not a name ("sharply criticized" -> RB VBN; "ted cruz" stays NNP NNP). Only mentions with a word
ending like an inflected verb or adverb (-ed, -ing, -s, -ly) are re-tagged, which keeps the extra parses few.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprism.model import Entity

if TYPE_CHECKING:
    from spacy.language import Language

    from newsprism.model import Article

NUMERIC_LABELS = frozenset({"DATE", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "TIME"})
SUSPECT_WORD_RE = re.compile(r"[A-Za-z]+(?:ed|ing|s|ly)\b")


def misread_person(text: str, ent: Entity, sent_start: int, sent_end: int, nlp: Language) -> bool:
    """True when the PERSON mention ``ent`` (inside ``text[sent_start:sent_end]``) is a verb phrase."""
    if ent.label != "PERSON" or not SUSPECT_WORD_RE.search(ent.text):
        return False
    s, e = ent.start - sent_start, ent.end - sent_start
    sent = text[sent_start:sent_end]
    doc = nlp(sent[:s] + sent[s:e].lower() + sent[e:])
    return any(tok.tag_.startswith("VB") for tok in doc if s <= tok.idx < e)


def claim_entities(
    article: Article, start: int, end: int, sent_start: int, sent_end: int, nlp: Language | None
) -> list[Entity]:
    """Named entities inside ``article.text[start:end]`` (numeric labels left to numbers/dates), misread PERSON
    verb phrases dropped (``nlp``: the spaCy pipeline to re-tag with; None keeps every mention)."""
    out = []
    for e in article.entities:
        if not (start <= e.start and e.end <= end) or e.label in NUMERIC_LABELS:
            continue
        if nlp is not None and misread_person(article.text, e, sent_start, sent_end, nlp):
            continue
        out.append(Entity(text=e.text, label=e.label, start=e.start, end=e.end))
    return out
