"""The kind decision's abstention (issue 23): precision before recall for ``claim`` and ``opinion``.

A check-worthy sentence is a ``claim`` only when its subjectivity is clearly low (below ``CLAIM_BELOW``), its
check-worthiness clearly high (at least ``CLAIM_CHECKWORTHINESS``) and no cue says it is a recommendation, a
speculation, a stance or an unattributed forecast (``claims.cues``; the future tense: ``claims.future``);
``opinion`` needs the subjectivity head's cut (meta.json; check-worthy opinion clauses included, as before) or an
explicit first-person / judgement-frame stance cue. Everything else that is not ``mixed`` is ``other`` with an
"abstained" reason. The cue groups and ``CLAIM_BELOW`` were chosen by 5-fold cross-validation (5 shuffles) on
round 1 of the blind sample; ``CLAIM_CHECKWORTHINESS`` and the three session-10 rules below on rounds 1-3
(tuning data since they were reported), among the settings that keep >= 0.95 OBJ (claim) and >= 0.85 SUBJ
(opinion) on the training part's inner CV (``scripts/tune_claims_abstain.py --inner``, docs/claims.md); round 4
is the report set.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.claims import future
from newsprism.claims.cues import cues
from newsprism.nlp.span_tokens import tokens_between

if TYPE_CHECKING:
    from spacy.tokens import Doc

CLAIM_BELOW = 0.30  # subjectivity under which a check-worthy unit may be a claim (meta.json's cut when lower)
CLAIM_CHECKWORTHINESS = 0.85  # a claim's check-worthiness (the head's threshold when higher); rounds 1-3, kept on 1-4
# No opinion cut of its own: the 0.95 cut chosen on round 1 found 0 of round 2's 53 blind opinions (1 predicted,
# wrong) and was withdrawn after that one measurement (docs/claims.md); meta.json's cut decides as before.
OPINION_FROM = 0.0
BLOCK_CLAIM = ("recommendation", "speculation", "stance")  # cue groups that keep a sentence from ``claim``
OPINION_CUES = ("stance",)  # cue groups that make a sentence ``opinion`` at any subjectivity
# Session 10, chosen on rounds 1-3 (tuning) with the cuts above (scripts/tune_claims_abstain.py, docs/claims.md):
REPORTED_NEEDS_ANCHOR = True  # reported words (quotation, "said") are a claim only with a number or date in them
OPINION_NOT_CHECKWORTHY = True  # a check-worthy subjective unit ("both") is no bare opinion (abstains, or mixed)
QUOTED_STANCE = False  # a stance cue inside a direct quotation does not make the sentence an opinion


def reported_block(attributed: bool, anchored: bool) -> str | None:
    """``"reported"`` when the sentence reports someone's words and holds no number or date to check: whether
    "the system continues to fail black people" or "the numbers never added up" is a judgement or a fact, the
    reported words alone do not tell; the checkable part (that it was said) is trivial."""
    return "reported" if REPORTED_NEEDS_ANCHOR and attributed and not anchored else None


def is_opinion_label(label: str) -> bool:
    """Whether a unit's label (``claims.stage._label``) counts as opinion: ``opinion``, and ``both`` (check-worthy
    and subjective) unless ``OPINION_NOT_CHECKWORTHY``."""
    return label == "opinion" or (label == "both" and not OPINION_NOT_CHECKWORTHY)


def blocking_cue(text: str, attributed: bool, main_future: bool = True) -> str | None:
    """The cue group that keeps ``text`` from being a claim, or None. A forecast blocks only when the sentence is
    not ``attributed`` ("X said the plan will cost $4 billion" is checkable as what X said) and its main verb is
    future (``main_future``; "workers complained that new hires will get raises" is a statement of record)."""
    found = cues(text)
    hit = next((c for c in found if c in BLOCK_CLAIM), None)
    if hit is None and "forecast" in found and not attributed and main_future:
        hit = "forecast"
    return hit


def main_verb_future(doc: Doc | None, start: int, end: int) -> bool:
    """Whether a root verb of the sentence at ``start``..``end`` is in the future tense (``claims.future``: "will
    cost", "is going to raise", "is scheduled to close"); True without a parse (the cue alone decides)."""
    if doc is None:
        return True
    roots = [t for t in tokens_between(doc, start, end) if t.dep_ == "ROOT" or t.head.i == t.i]
    return any(future.main_verb(root) for root in roots)


def opinion_cue(text: str, quoted: bool = False) -> str | None:
    """The explicit judgement cue group that makes ``text`` an opinion, or None (None inside a direct quotation,
    ``quoted``, unless ``QUOTED_STANCE``: "I think …" in a speaker's mouth is as often a statement of record)."""
    if quoted and not QUOTED_STANCE:
        return None
    return next((c for c in cues(text) if c in OPINION_CUES), None)
