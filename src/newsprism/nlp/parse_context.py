"""Where a number or date sits in the spaCy parse: the noun it quantifies, that noun's modifiers, the predicate
(the clause's verb, or an event noun for a date) it belongs to and that predicate's subject (issue 26).

"19 people were killed": counted ``person``, predicate ``kill``; "Obama has cut $716 billion": subject ``obama``;
"a 595-mile border": counted ``border``; "5% of voters": counted ``voter``; "announced on Monday": predicate
``announce``; "the Nov. 6 election": predicate ``election``. All lemmas, lowercased. Without a parse every part
is None (or empty). Round 7: whether the counted thing is its predicate's subject ("Four states have legalized":
the verb says which states are counted), and the subject of a date's verb ("McConnell announced Thursday").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.nlp.span_tokens import tokens_between

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_NUMBERISH = {"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "advmod", "dep"}
_MODIFIER_DEPS = {"amod", "compound", "nmod"}
_NOUNS = {"NOUN", "PROPN"}
MAX_STEPS = 8
_TIME_NOUNS = {"morning", "afternoon", "evening", "night", "day"}


def span_root(doc: Doc, start: int, end: int) -> Token | None:
    """The token of ``doc`` starting in [start, end) whose head lies outside the span (the span's root)."""
    toks = list(tokens_between(doc, start, end))
    if not toks:
        return None
    inside = {t.i for t in toks}
    for t in toks:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return toks[-1]


def _verb_above(tok: Token) -> Token | None:
    for _ in range(MAX_STEPS):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux":
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _lemma(tok: Token | None) -> str | None:
    return tok.lemma_.lower() if tok is not None else None


def counted_noun(root: Token, start: int, end: int) -> Token | None:
    """The noun a number quantifies: its head noun, the object of "of" after it, or itself when a noun."""
    head = root.head
    if root.dep_ in _NUMBERISH and head.i != root.i and head.pos_ in _NOUNS and not start <= head.idx < end:
        outer = head.head
        hyphenated = head.i > 0 and head.doc[head.i - 1].text == "-"
        if hyphenated and head.dep_ in ("compound", "amod", "nmod") and outer.pos_ in _NOUNS and outer.i > head.i:
            return outer  # "a 12-nation deal" counts deals (of 12 nations), "a 595-mile border" a border
        return head
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj" and c.pos_ in _NOUNS), None)
            if obj is not None:
                return obj
    if root.pos_ in _NOUNS and root.lower_ not in ("million", "billion", "thousand", "trillion", "hundred"):
        return root
    return None


_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "who", "that", "which", "this"}


def subject_of(verb: Token | None, skip: Token | None) -> str | None:
    """Lemma of the verb's subject (a name's last word), None for pronouns or when the subject is ``skip``."""
    if verb is None:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or (skip is not None and subj.i == skip.i) or subj.lower_ in _PRONOUNS:
        return None
    return subj.lemma_.lower() if subj.pos_ != "PROPN" else subj.text.lower()


def parse_context(doc: Doc | None, start: int, end: int) -> tuple[str | None, list[str], str | None, str | None]:
    """(counted lemma, modifier lemmas, predicate lemma, predicate's subject) of the number at
    ``doc.text[start:end]``."""
    if doc is None:
        return None, [], None, None
    root = span_root(doc, start, end)
    if root is None:
        return None, [], None, None
    noun = counted_noun(root, start, end)
    mods: list[str] = []
    if noun is not None:
        mods = sorted(
            {
                c.lemma_.lower()
                for c in noun.children
                if c.dep_ in _MODIFIER_DEPS
                and not start <= c.idx < end
                and c.pos_ in ("ADJ", "NOUN", "PROPN")
                and c.text.isalpha()
                and c.lower_ != "no"
            }
        )
    verb = _verb_above(noun if noun is not None else root)
    return _lemma(noun), mods, _lemma(verb), subject_of(verb, noun)


def _date_attachment(doc: Doc | None, start: int, end: int) -> tuple[Token, Token] | None:
    """The date span's root and the word it attaches to, above time nouns ("Friday evening": the evening's
    attachment); None without a parse or for a root that heads its sentence."""
    if doc is None:
        return None
    root = span_root(doc, start, end)
    if root is None or root.head.i == root.i:
        return None
    att = root.head
    while att.lemma_.lower() in _TIME_NOUNS and att.head.i != att.i:
        root, att = att, att.head
    return root, att


def date_predicate(doc: Doc | None, start: int, end: int) -> str | None:
    """The word a date attaches to: the verb of its clause ("announced [on Monday]"), or the event noun it
    modifies ("the [Nov. 6] election")."""
    found = _date_attachment(doc, start, end)
    if found is None:
        return None
    root, att = found
    if root.dep_ == "pobj":
        return _lemma(_verb_above(att))  # "on Monday": the clause's verb (a PP on a noun is mostly misattached)
    if att.pos_ in _NOUNS and root.dep_ in ("compound", "nmod", "amod", "poss"):
        return _lemma(att)  # "the Nov. 6 election", "Tuesday's arguments"
    return _lemma(_verb_above(att))


_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def counts_subject(doc: Doc | None, start: int, end: int) -> bool | None:
    """Whether the number at ``doc.text[start:end]`` counts its predicate's subject ("Four states have legalized",
    "Six people were injured", "Two of the states sued"): then the verb says which ones are counted. False for an
    attribute of a thing ("the 47-page indictment says": it counts pages) or a count in another role; None without
    a parse."""
    if doc is None:
        return None
    root = span_root(doc, start, end)
    if root is None:
        return None
    noun = counted_noun(root, start, end)
    phrase = root.head if noun is not None and noun.i == root.head.i else root
    if noun is not None and noun.i not in (root.i, root.head.i) and not _via_of(root, noun):
        return False  # "a 12-nation deal": the number counts nations of the deal
    return phrase.dep_ in _SUBJECT_DEPS and phrase.head.pos_ in ("VERB", "AUX")


def _via_of(root: Token, noun: Token) -> bool:
    return noun.head.dep_ == "prep" and noun.head.head.i == root.i


def date_subject(doc: Doc | None, start: int, end: int) -> str | None:
    """The subject of the verb a date attaches to: a name as written ("McConnell announced Thursday":
    ``McConnell``), else its lemma ("had to apologize Saturday": the subject of "had", ``director``); None for an
    event noun, a pronoun, no parse."""
    found = _date_attachment(doc, start, end)
    if found is None:
        return None
    root, att = found
    if att.pos_ in _NOUNS and root.dep_ in ("compound", "nmod", "amod", "poss"):
        return None  # "the Nov. 6 election": an event noun has no subject here
    verb = _verb_above(att)
    for _ in range(MAX_STEPS):  # "had to apologize": the subject sits on the verb above an xcomp or conj
        if verb is None or any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
            break
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            break
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None) if verb is not None else None
    if subj is None or subj.lower_ in _PRONOUNS:
        return None
    return subj.text if subj.pos_ == "PROPN" else subj.lemma_.lower()
