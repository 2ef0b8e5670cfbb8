"""A mention's syntactic role in the spaCy parse: the object of an attack or praise cue, the subject of a
failure or success, or a speaker (whose own words are not tone toward it). The cue word lists are tone's own;
speech verbs come from :mod:`newsprism.lexicons.speech`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.lexicons.speech import TONE_SPEAKER_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Lemmas whose OBJECT (direct object, passive subject, "of/on/against/into X") the sentence presents unfavourably.
ATTACK = {
    "slam", "blast", "attack", "accuse", "criticize", "criticise", "condemn", "denounce", "blame", "mock",
    "ridicule", "chastise", "rebuke", "assail", "lambaste", "scold", "fault", "sue", "charge", "indict",
    "investigate", "probe", "impeach", "convict", "arrest", "outmaneuver", "defeat", "beat", "oust", "fire",
    "question", "target", "smear", "discredit", "undermine", "shame", "excoriate", "berate", "castigate",
    "criticism", "scrutiny", "allegation", "accusation", "investigation", "inquiry", "lawsuit",
    "indictment", "charges", "scandal", "controversy", "impeachment", "outrage", "backlash", "condemnation",
    "pressure", "dirt", "complaint", "fury", "anger", "crisis",
}  # fmt: skip
# Lemmas whose OBJECT the sentence presents favourably.
PRAISE = {
    "praise", "hail", "laud", "applaud", "commend", "champion", "defend", "endorse", "support", "back",
    "thank", "congratulate", "celebrate", "honor", "honour", "credit", "admire", "cheer", "elect", "reward",
    "endorsement", "applause", "admiration", "thanks", "tribute", "backing", "flock",
}  # fmt: skip
# The subject of these does not receive the tone of what it says ("X said ...", "X slammed Y").
SPEECH = TONE_SPEAKER_VERBS  # one speech-verb lexicon for every stage
# The subject of these verbs (or the possessor of these nouns) fails / succeeds: "X lost", "X's scandal".
FAIL = {
    "fail", "lose", "flub", "plead", "resign", "lie", "struggle", "stumble", "falter", "blunder", "trail",
    "controversy", "scandal", "crisis", "failure", "gaffe", "defeat", "loss", "downfall", "mess",
}  # fmt: skip
SUCCEED = {"win", "surge", "succeed", "triumph", "prevail", "excel", "success", "victory", "achievement"}
# "X came under / faced / drew criticism": the subject of these receives the tone of their object's cue noun.
UNDERGO = {"come", "face", "draw", "receive", "get", "endure", "suffer", "earn", "win", "attract", "weather"}


def climb(tok: Token) -> Token:
    """From a name token up to the noun phrase it sits in ("Trump budget", "Obama's plans", "King and Grimm")."""
    for _ in range(4):
        if tok.dep_ in ("compound", "poss", "appos", "flat", "nmod") or (
            tok.dep_ == "conj" and tok.head.pos_ in ("PROPN", "NOUN")
        ):
            if tok.head.i == tok.i:
                break
            tok = tok.head
        else:
            break
    return tok


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _cue(lemma: str) -> int:
    return -1 if lemma in ATTACK else 1 if lemma in PRAISE else 0


def _outcome(lemma: str) -> int:
    return -1 if lemma in FAIL else 1 if lemma in SUCCEED else 0


def mention_role(doc: Doc, start: int, end: int) -> tuple[str, str, int]:
    """(role, cue lemma, sign) of the mention at ``start:end`` in ``doc``'s parse.

    role ``object``: the mention receives an attack (sign -1) or praise (+1) cue; ``subject``: it fails or
    succeeds ("X lost", "X surged", "X's scandal"; sign -1 / +1); ``speaker``: it is the
    subject of a speech, attack or praise verb, the agent of a passive one or "according to" it (its own words
    are not tone toward it); ``""``: none of these (sign 0). A negated cue gives sign 0."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return "", "", 0
    tok = climb(span.root)
    dep, head = tok.dep_, tok.head
    lem = head.lemma_.lower()
    if dep in ("nsubjpass", "dobj", "dative", "oprd") and _cue(lem):
        return "object", lem, 0 if _negated(head) else _cue(lem)
    if dep == "pobj":
        gov = head.head
        glem = gov.lemma_.lower()
        if head.dep_ == "agent" and (glem in SPEECH or _cue(glem)):
            return "speaker", glem, 0
        if lem == "to" and glem == "accord":
            return "speaker", "according to", 0
        if lem in ("of", "on", "against", "into", "for", "at", "over", "to", "toward", "towards") and _cue(glem):
            return "object", glem, 0 if _negated(gov) else _cue(glem)
    if dep == "poss" or (dep == "nsubj" and head.pos_ in ("VERB", "AUX")):
        for v in (head, *(c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB")):
            if _outcome(v.lemma_.lower()) and (dep == "nsubj") == (v.pos_ == "VERB"):
                return "subject", v.lemma_.lower(), 0 if _negated(v) else _outcome(v.lemma_.lower())
    if dep == "nsubj":
        if lem in SPEECH or _cue(lem):
            return "speaker", lem, 0
        if lem in UNDERGO:
            for c in head.subtree:
                if c is not head and _cue(c.lemma_.lower()) and c.pos_ == "NOUN":
                    return "object", c.lemma_.lower(), 0 if _negated(head) else _cue(c.lemma_.lower())
    return "", "", 0
