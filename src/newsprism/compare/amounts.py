"""What an amount without a counted noun is about (issue 26, round 5): money and unit-bearing measures.

"$3.5 billion" and "$3.6 billion" carry no counted noun, so the count rules cannot say they are the same quantity.
Two such amounts in claims matched as the same event are taken as one amount of one thing here only when their
claims say so:

* **the act**: the same predicate lemma (not a light verb such as "be" or "have"), or two verbs of one small class
  of money acts (:data:`ACT_CLASSES`: moving money, asking for it, granting it, costing, fining, cutting); two known
  verbs of two classes ("requested $5.7 billion" vs "would move $8 billion") are two acts;
* **the thing**: the money noun the amount is of (:data:`MONEY_HEADS`: cost, fine, aid, budget, deal, price, …; the
  claims stage's counted noun, else one in the amount's phrase), or content words its phrase shares with the other
  amount's phrase (two or more: "money from the Defense Department's military construction budget, to the tune of
  $3.5 billion" vs "divert $3.6 billion from military construction projects"). An amount's phrase is the words
  around it in its statement, up to the next amount (the words after an amount belong to it: "$3.6 billion from
  Defense Department construction projects …, along with another $2.5 billion …") or the end of the clause;
* **the time**: two statements that name years name one of them in common.

These are plain-text readings of a statement (the comparison holds no parse), written for precision; the rule
that uses them is :func:`newsprism.compare.conflicts.amount_conflict`.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ACT_CLASSES: dict[str, frozenset[str]] = {
    "move": _words("divert move shift redirect transfer reprogram tap unlock use take pull draw reallocate repurpose"),
    "ask": _words("request demand ask seek want propose insist"),
    "grant": _words("provide grant give approve appropriate allocate allot authorize award earmark"),
    "cost": _words("cost spend pay total run"),
    "fine": _words("fine penalize settle owe"),
    "raise": _words("raise collect receive donate contribute earn"),
    "cut": _words("cut reduce slash trim save"),
}
"""Verbs of one money act: two verbs of one class may tell one amount; two verbs of two classes tell two acts."""
LIGHT = _words("be have say get come make do see become remain add include contain")
"""Verbs that say nothing about which act an amount belongs to (neither evidence nor a contradiction)."""
MONEY_HEADS = _words(
    "cost fine aid budget deal price funding fund settlement package salary loan bill contract tax penalty bail "
    "bond ransom donation grant payment bailout tariff fee damages award subsidy spending bonus"
)
"""Nouns that say what an amount of money is ("a $2.1 billion deal", "a fine of $5 million")."""
GENERIC = _words(
    "billion million thousand trillion dollar money amount figure total sum roughly about nearly some more "
    "than another additional other only just also"
)
"""Words of an amount's phrase that say nothing about what it is of."""
SELF_SUBJECTS = GENERIC | {"that", "this", "which", "it", "what"}
"""A parsed subject that is the amount itself ("$3 billion could be diverted": subject "billion"), not an agent."""
EXTRA_STOP = _words("may might must tell you")
"""Function words of three letters or more that :data:`newsprism.compare.pairs.STOP` lacks (shorter words are
never content words here)."""
PHRASE_WORDS = 8
"""Words of an amount's phrase on each side."""
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_CLAUSE_END = re.compile(r"[.;:!?]|\s[—–-]{1,2}\s")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def act_class(lemma: str | None) -> str | None:
    """The money act a verb lemma belongs to (``ACT_CLASSES``), else None."""
    for name, verbs in ACT_CLASSES.items():
        if lemma in verbs:
            return name
    return None


def same_act(pa: str | None, pb: str | None) -> tuple[bool, str]:
    """Whether two predicates can be one act, and how: ``"verb"`` (same lemma), ``"class"`` (one act class),
    ``""`` (no evidence: a verb unknown or light); False when they are two acts."""
    pa = None if pa in LIGHT else pa
    pb = None if pb in LIGHT else pb
    if pa and pa == pb:
        return True, "verb"
    if not pa or not pb:
        return True, ""
    ca, cb = act_class(pa), act_class(pb)
    if ca and ca == cb:
        return True, "class"
    return False, ""


def agent(subject: str | None) -> str | None:
    """The parsed subject as an agent: None for the amount itself or a pronoun (``SELF_SUBJECTS``)."""
    return None if not subject or subject.lower() in SELF_SUBJECTS else subject.lower()


def _stem(word: str) -> str:
    """The claim matcher's crude stem (:func:`newsprism.compare.pairs.stem`), lower case; imported here, not at the
    top, since compare.pairs imports compare.numbers, which imports compare.conflicts, which imports this module."""
    from newsprism.compare.pairs import stem

    return stem(word.lower())


def _stopped(word: str) -> bool:
    """A function word (the claim matcher's :data:`newsprism.compare.pairs.STOP` and :data:`EXTRA_STOP`)."""
    from newsprism.compare.pairs import STOP

    w = word.lower()
    return w in STOP or w in EXTRA_STOP


def phrase_words(text: str, start: int, end: int, others: list[tuple[int, int]]) -> set[str]:
    """Content words (crudely stemmed) of the amount at ``text[start:end]``: up to ``PHRASE_WORDS`` words after it
    until the clause ends or another amount (``others``: offsets in ``text``) starts, and before it back to the
    clause start, unless another amount comes before it in the clause (the words between belong to that one)."""
    after_stop = min([s for s, _ in others if s >= end] + [len(text)])
    tail = text[end:after_stop]
    cut = _CLAUSE_END.search(tail)
    tail = tail[: cut.start()] if cut else tail
    words = _WORD.findall(tail)[:PHRASE_WORDS]
    head = text[:start]
    cut_at = max([m.end() for m in _CLAUSE_END.finditer(head)] + [0])
    if not any(cut_at <= e <= start for _, e in others):
        words += _WORD.findall(head[cut_at:])[-PHRASE_WORDS:]
    return {_stem(w) for w in words if not _stopped(w) and w.lower() not in GENERIC and len(w) > 2}


def verb_stems(*lemmas: str | None) -> set[str]:
    """The stems of the amounts' verbs, which are their act, not their thing ("diverted" in both phrases)."""
    return {_stem(x) for x in lemmas if x}


def money_head(counted: str | None, words: set[str]) -> str | None:
    """The money noun an amount is of: its counted noun when it is one, else one in its phrase (``words``, stemmed
    by :func:`_stem`; first by name)."""
    if counted in MONEY_HEADS:
        return counted
    stems = {_stem(w): w for w in MONEY_HEADS}
    heads = sorted(stems[w] for w in words if w in stems)
    return heads[0] if heads else None


def years(text: str) -> set[str]:
    """Four-digit years (1900-2099) a statement names."""
    return set(_YEAR.findall(text))


def different_years(text_a: str, text_b: str) -> bool:
    """Both statements name years and none in common: amounts of two years ("the 2019 budget" vs "2020")."""
    ya, yb = years(text_a), years(text_b)
    return bool(ya and yb) and not ya & yb
