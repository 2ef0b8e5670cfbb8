"""Stance toward a target from what the text says it does and what it is called, author voice kept apart from
quoted voice (issue 20).

For each mention of a person or organisation the ``nlp`` stage's dependency parse gives the **cues** that judge it:

- ``agent``: a predicate it is the subject of ("Harris continued to dodge", "X failed to act", "X rescued the deal";
  the chain of ``xcomp`` and subject-sharing ``conj`` verbs), or the passive agent ("by X");
- ``patient``: a predicate it is the object or passive subject of ("critics blamed X", "X was praised",
  "criticism of X", "X came under scrutiny");
- ``descriptor``: a word applied to it: a modifier of its noun phrase ("radical Harris", "the embattled senator
  X"), the noun it names ("the Biden regime"), a modifier of that noun ("Trump's failed presidency"), an apposition
  ("X, a radical") or a predicate adjective/noun ("X is corrupt").

Polarity comes from role-aware hand-written lexicons (below): the same verb reads differently by role ("X attacked
Y" is X's own act, not a judgement of X; "X was attacked" is). Descriptor adjectives not listed take the sign of
VADER's human-rated word valence when ``|valence| >= VADER_MIN``. A negated predicate gives no cue. There is no
learned head (no labelled stance data here). Each cue is in the **author** voice unless it lies inside a quotation
(`_voice`): then it is the quoted speaker's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from newsprism.model import Article, Entity, QuotedStance, Stance, StanceCue, make_span
from newsprism.tone.roles import ATTACK, FAIL, PRAISE, SUCCEED, UNDERGO, climb

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Relation = Literal["agent", "patient", "descriptor"]
VADER_MIN = 1.5  # |VADER word valence| (scale -4..4) for an unlisted descriptor adjective to count
MAX_CUES = 10

# What the target DOES that presents it unfavourably / favourably (its speech acts are not judgements of it).
AGENT_NEG = FAIL | {
    "dodge", "duck", "evade", "avoid", "mislead", "deceive", "flip", "waffle", "botch", "bungle", "cave",
    "squander", "ignore", "neglect", "stonewall", "cheat", "steal", "abuse", "exploit", "smear", "impose",
    "bully", "rig", "sabotage", "wreck", "ruin", "backtrack", "flounder", "collapse", "mishandle", "overreach",
    "pander", "grandstand", "whine", "rant", "spew", "peddle", "conceal", "violate", "scramble", "retreat",
}  # fmt: skip
AGENT_POS = SUCCEED | {
    "rescue", "save", "help", "protect", "deliver", "achieve", "accomplish", "unite", "heal", "fix", "restore",
    "secure", "strengthen", "inspire", "soar", "thrive", "champion",
}  # fmt: skip
# What is done TO the target.
PATIENT_NEG = ATTACK | {
    "reject", "rebuff", "snub", "shun", "humiliate", "embarrass", "trounce", "expose", "dump", "abandon",
    "censure", "sanction", "ban", "boo", "heckle", "ridicule", "blame",
}  # fmt: skip
PATIENT_POS = PRAISE | {"embrace", "welcome", "reelect", "vindicate", "exonerate", "acquit", "award", "hail"}
# Words applied to the target.
DESCRIPTOR_NEG = {
    "regime", "radical", "extremist", "extreme", "failed", "failing", "corrupt", "crooked", "disgraced",
    "embattled", "incompetent", "dishonest", "hypocritical", "reckless", "dangerous", "divisive", "controversial",
    "unhinged", "authoritarian", "fascist", "socialist", "communist", "marxist", "tyrant", "dictator", "puppet",
    "thug", "crony", "stooge", "liar", "woke", "racist", "bigot", "bigoted", "illegitimate", "weak", "feckless",
    "clueless", "inept", "chaotic", "beleaguered", "notorious", "infamous", "shady", "sleazy", "deranged", "rogue",
    "cabal", "mob", "junta",
}  # fmt: skip
DESCRIPTOR_POS = {
    "respected", "popular", "beloved", "successful", "courageous", "brave", "honest", "principled", "visionary",
    "hero", "heroic", "champion", "trailblazing", "trailblazer", "admired", "effective", "competent", "steady",
    "acclaimed", "celebrated", "renowned", "legendary", "iconic", "esteemed", "distinguished", "revered", "trusted",
}  # fmt: skip
_MODIFIERS = ("amod", "compound", "appos", "nmod")


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _descriptor(tok: Token) -> int:
    lem, low = tok.lemma_.lower(), tok.text.lower()
    for w in (low, lem):
        if w in DESCRIPTOR_NEG:
            return -1
        if w in DESCRIPTOR_POS:
            return 1
    if tok.pos_ == "ADJ":
        from newsprism.tone.score import vader

        v = float(vader().lexicon.get(low, 0.0))
        return (v > 0) - (v < 0) if abs(v) >= VADER_MIN else 0
    return 0


def _agent(lem: str) -> int:
    return -1 if lem in AGENT_NEG else 1 if lem in AGENT_POS else 0


def _patient(lem: str) -> int:
    return -1 if lem in PATIENT_NEG else 1 if lem in PATIENT_POS else 0


def _verbs(head: Token) -> list[Token]:
    """``head`` and the verbs that share its subject: its ``xcomp`` chain ("continued to dodge") and ``conj`` verbs
    without a subject of their own ("dodged and failed")."""
    out, todo = [], [head]
    while todo:
        v = todo.pop()
        out.append(v)
        todo += [c for c in v.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
        todo += [
            c
            for c in v.children
            if c.dep_ == "conj" and c.pos_ == "VERB" and not any(d.dep_.startswith("nsubj") for d in c.children)
        ]
    return out


def _descriptors(root: Token, tok: Token, inside: set[int]) -> list[tuple[Token, Relation, int]]:
    """Words applied to the mention: modifiers of its noun phrase, the noun it names, appositions, predicates."""
    cands = [c for t in {root, tok} for c in t.children if c.i not in inside and c.dep_ in _MODIFIERS]
    cands += [c for a in cands if a.dep_ == "appos" for c in a.children if c.dep_ in ("amod", "compound")]
    if tok is not root and tok.pos_ in ("NOUN", "PROPN"):
        cands.append(tok)
    if tok.dep_ == "nsubj" and tok.head.lemma_ == "be" and not _negated(tok.head):
        attrs = [c for c in tok.head.children if c.dep_ in ("acomp", "attr")]
        cands += attrs + [c for a in attrs for c in a.children if c.dep_ == "amod"]
    return [(c, "descriptor", _descriptor(c)) for c in cands if c.i not in inside]


def _predicates(tok: Token) -> list[tuple[Token, Relation, int]]:
    """Predicates the mention's noun phrase ``tok`` is the agent or patient of."""
    dep, head = tok.dep_, tok.head
    if dep == "nsubj" and head.pos_ in ("VERB", "AUX"):
        found: list[tuple[Token, Relation, int]] = [(v, "agent", _agent(v.lemma_.lower())) for v in _verbs(head)]
        if head.lemma_.lower() in UNDERGO:  # "X came under scrutiny", "X faced criticism"
            found += [(c, "patient", _patient(c.lemma_.lower())) for c in head.subtree if c.pos_ == "NOUN"]
        return [(v, r, 0 if _negated(v) else p) for v, r, p in found]
    if dep == "pobj" and head.dep_ == "agent":
        return [(head.head, "agent", 0 if _negated(head.head) else _agent(head.head.lemma_.lower()))]
    if dep in ("nsubjpass", "dobj", "dative", "oprd"):
        return [(head, "patient", 0 if _negated(head) else _patient(head.lemma_.lower()))]
    if dep == "pobj" and head.lemma_.lower() in ("of", "on", "against", "into", "at", "over", "toward", "towards"):
        return [(head.head, "patient", 0 if _negated(head.head) else _patient(head.head.lemma_.lower()))]
    return []


def mention_cues(doc: Doc, start: int, end: int) -> list[tuple[Token, Relation, int]]:
    """(cue token, relation, polarity -1/+1) of every judging word the parse links to the mention at ``start:end``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    tok = climb(span.root)
    inside = set(range(span.start, span.end))
    cues = _descriptors(span.root, tok, inside) + _predicates(tok)
    return [(t, r, p) for t, r, p in cues if p]


def _voice(article: Article, pos: int) -> tuple[bool, str | None]:
    """(quoted, speaker name) of the text at offset ``pos``: inside a quotation (marks of any kind but ``term``, or
    an indirect quotation the rules make speech) it is the quoted speaker's; attitude attributions are the writer's.
    Speech, not the shown threshold: where the attribution scorer abstains the words are still not the writer's
    (issue 19, session 9)."""
    from newsprism.quotes.confidence import speech

    for q in article.quotes:
        if q.start <= pos < q.end and q.kind != "term" and not q.attitude and (q.kind != "indirect" or speech(q)):
            return True, q.speaker.name if q.speaker else None
    return False, None


def _summary(cues: list[StanceCue]) -> dict[str, object]:
    """label, score (mean cue polarity) and the first ``MAX_CUES`` cues, as Stance fields."""
    score = round(sum(c.polarity for c in cues) / len(cues), 4)
    label = "negative" if score < 0 else "positive" if score > 0 else "neutral"
    return {"label": label, "score": score, "cues": cues[:MAX_CUES]}


def stances(article: Article, doc: Doc, mentions: list[Entity]) -> tuple[Stance | None, list[QuotedStance]]:
    """The author-voice stance toward the target named by ``mentions`` and one stance per quoted speaker (the
    speakers ordered by first cue); None / empty when no cue judges it."""
    author: list[StanceCue] = []
    quoted: dict[str | None, list[StanceCue]] = {}
    seen: set[int] = set()
    for ent in mentions:
        for t, rel, pol in mention_cues(doc, ent.start, ent.end):
            if t.idx in seen:
                continue
            seen.add(t.idx)
            cue = make_span(article, t.idx, t.idx + len(t.text), StanceCue, lemma=t.lemma_.lower(), relation=rel,
                            polarity=pol, mention_start=ent.start, mention_end=ent.end)  # fmt: skip
            inside, speaker = _voice(article, t.idx)
            (quoted.setdefault(speaker, []) if inside else author).append(cue)
    a = Stance.model_validate(_summary(author)) if author else None
    return a, [QuotedStance.model_validate({**_summary(c), "speaker": s}) for s, c in quoted.items()]
