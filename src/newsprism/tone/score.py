"""Tone toward people and organisations: VADER on the clause around each mention, read through the
mention's syntactic role, with a neutral band.

Clauses are cut at semicolons, dashes and contrastive conjunctions ("Harris praised the plan, but critics
slammed Biden" gives Harris and Biden opposite tones); a clause under ``MIN_CLAUSE_WORDS`` words falls back
to the whole sentence. With the spaCy ``Doc`` (the ``nlp`` stage's parse) each mention gets a role
(:func:`mention_role`): the OBJECT of an attack verb or noun ("critics slammed X", "X was accused", "criticism of
X", "X came under scrutiny") gets ``-CUE_WEIGHT``, the object of a praise verb/noun ``+CUE_WEIGHT``; the
SUBJECT of an attack/praise verb or of a speech verb ("X slammed Y", "X said ...", "according to X") gets no
VADER tone at all (what X says is not tone toward X); a negated cue ("did not criticize X") counts as none.
The mention's score is ``clause VADER`` (or 0 for a speaker/agent) + the cue term, clipped to [-1, 1]; a target's
``label`` is neutral inside ``NEUTRAL_BAND`` (chosen by cross-validation on docs/tone_tuning_allsides.tsv, see
docs/slant.md). Mentions inside title-case lines (headlines, where the tagger labels capitalised common words as
names) are skipped. Hand-written because VADER scores text, not targets, and no library pinned here does
targeted sentiment offline.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from newsprism.model import Article, Tone, ToneEvidence, make_span

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
SPEECH = {
    "say", "tell", "add", "note", "argue", "claim", "insist", "write", "explain", "announce", "declare", "warn",
    "caution", "ask", "call", "suggest", "contend", "state", "testify", "tweet", "point", "respond", "reply",
    "acknowledge", "admit", "deny", "predict", "urge", "complain", "recall", "describe", "report", "confirm",
    "believe", "think", "decry", "charge", "question",
}  # fmt: skip
# The subject of these verbs (or the possessor of these nouns) fails / succeeds: "X lost", "X's scandal".
FAIL = {
    "fail", "lose", "flub", "plead", "resign", "lie", "struggle", "stumble", "falter", "blunder", "trail",
    "controversy", "scandal", "crisis", "failure", "gaffe", "defeat", "loss", "downfall", "mess",
}  # fmt: skip
SUCCEED = {"win", "surge", "succeed", "triumph", "prevail", "excel", "success", "victory", "achievement"}
# "X came under / faced / drew criticism": the subject of these receives the tone of their object's cue noun.
UNDERGO = {"come", "face", "draw", "receive", "get", "endure", "suffer", "earn", "win", "attract", "weather"}
CUE_WEIGHT = 0.75  # +/- when the mention is the object of a praise/attack cue or fails/succeeds (CV, docs/slant.md)
NEUTRAL_BAND = (-0.2, 0.7)  # score inside the band: neutral label (5-fold CV on the tuning sample, docs/slant.md)
KINDS = {"PERSON", "ORG", "NORP", "GPE"}
TARGET_KINDS = {"PERSON", "ORG"}
MIN_CLAUSE_WORDS = 4
_CLAUSE_BREAK = re.compile(
    r"\s*(?:;|\s[\u2013\u2014-]\s|,?\s+(?:but|while|whereas|although|though|yet|however)\b)\s*", re.I
)
_WORDS = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
_SMALL = {"a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "with", "vs"}
# forms of address and bare titles the tagger sometimes labels PERSON ("So Madam Vice President, thank you"): no one
TITLES_ONLY = {
    "madam", "madame", "sir", "mister", "miss", "mr", "mrs", "ms", "dr", "president", "vice", "senator", "sen",
    "governor", "gov", "secretary", "speaker", "chairman", "chairwoman", "mayor", "judge", "justice", "general",
}  # fmt: skip


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


def _climb(tok: Token) -> Token:
    """From a name token up to the noun phrase it sits in ("Trump budget", "Obama's plans", "King and Grimm")."""
    for _ in range(4):
        if tok.dep_ in ("compound", "poss", "appos", "flat", "nmod") or (
            tok.dep_ == "conj" and tok.head.pos_ in ("PROPN", "NOUN")
        ):
            if tok.head is tok:
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
    tok = _climb(span.root)
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


def label(score: float | None, band: tuple[float, float] = NEUTRAL_BAND) -> Literal["negative", "neutral", "positive"]:
    """Three classes from a score: neutral inside ``band`` (inclusive) or without a score."""
    if score is None or band[0] <= score <= band[1]:
        return "neutral"
    return "positive" if score > band[1] else "negative"


def tone(
    article: Article,
    doc: Doc | None = None,
    *,
    cue_weight: float = CUE_WEIGHT,
    band: tuple[float, float] = NEUTRAL_BAND,
) -> list[Tone]:
    """Tone per PERSON/ORG target. ``doc``: spaCy parse of ``article.text`` (same offsets); without it no roles."""
    groups: dict[str, dict[str, Any]] = {}
    for ent in article.entities:
        if ent.label not in TARGET_KINDS or "\n" in ent.text.strip() or not ent.text[:1].isupper():
            continue
        k = _key(ent.text)
        if len(k) < 2 or all(w.strip(".,").lower() in TITLES_ONLY for w in ent.text.split()):
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
            role, cue, sign = mention_role(doc, ent.start, ent.end) if doc is not None else ("", "", 0)
            val = 0.0 if role == "speaker" else float(_vader().polarity_scores(article.text[a:b])["compound"])
            val = max(-1.0, min(1.0, val + sign * cue_weight))
            scores.append(val)
            if (a, b) not in seen:
                seen.add((a, b))
                extra = {"role": role, "cue": cue} if role else {}
                evidence.append(make_span(article, a, b, ToneEvidence, weight=round(val, 3), **extra))
        if not scores:
            continue
        target = re.sub(r"('s|\u2019s)$", "", max(g["names"], key=lambda n: (g["names"][n], len(n))).strip())
        evidence.sort(key=lambda s: -abs(s.weight))
        score = round(sum(scores) / len(scores), 4)
        out.append(
            Tone(
                target=target,
                score=score,
                label=label(score, band),
                mentions=len(g["mentions"]),
                evidence=evidence[:5],
                **{"kind": g["mentions"][0].label},
            )
        )
    out.sort(key=lambda t: -t.mentions)
    return out
