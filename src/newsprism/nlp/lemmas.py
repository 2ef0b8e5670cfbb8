"""Lemma repair for cue verbs, run as a spaCy component of the nlp stage's pipeline.

The small English model lemmatises some cue verbs wrongly ("hopes" -> "hop", "retweeted" -> "retweete").
The repair is part of making the Doc, so every stage that reads lemmas (quotes, claims, techniques, tone)
sees the same ones whichever stages run; no later stage rewrites the Doc.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.lexicons.speech import is_cue

if TYPE_CHECKING:
    from spacy.tokens import Doc

COMPONENT = "newsprism_cue_lemmas"
SUFFIXES = ("s", "es", "d", "ed", "ing")


def repair_cue_lemmas(doc: Doc) -> Doc:
    """A verb whose lemma is not a cue but whose form minus an inflection is, gets that lemma."""
    for tok in doc:
        low = tok.lower_
        if tok.pos_ != "VERB" or is_cue(tok.lemma_) or tok.lemma_.lower() == low:
            continue  # a form the model took as its own base ("seed") is left alone
        for suffix in SUFFIXES:
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                base = low[: -len(suffix)]
                hit = next((b for b in (base, base + "e") if is_cue(b)), None)
                if hit is not None:
                    tok.lemma_ = hit
                    break
    return doc
