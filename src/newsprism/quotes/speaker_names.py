"""Speaker name forms: the word lists and name-form rules of speaker resolution, the clusters (one canonical name
per speaker, the fullest name form), and :class:`NameBook`, which collects every proper name of an article in
order (persons by surname, titles as roles) with its mention history.

Pronoun antecedents are in :mod:`newsprism.quotes.pronouns`, the resolution of a cue's subject in
:mod:`newsprism.quotes.speakers`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsprism.quotes.lexicon import (
    FEMALE_NAMES,
    FEMALE_WORDS,
    HONORIFICS,
    MALE_NAMES,
    MALE_WORDS,
    OUTLET_WORDS,
    TITLES,
    words_set,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PERSONAL = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
PLURAL = {"they", "them", "their"}
PRONOUN_WORDS = frozenset([*PERSONAL, *PLURAL, "it", "i", "we", "you", "us", "me"])
"""Words the tagger sometimes takes for a one-word name (a capitalised "He" in a list or heading)."""
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
NAMED_ENTS = frozenset(["PERSON", "ORG", "NORP", "GPE", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"])
TITLE_WORDS = frozenset(w for t in TITLES for w in t.split())
# Words that name no one in particular: a source made only of these leaves the quote unattributed.
GENERIC_SOURCES = words_set(
    "anyone anybody everyone everybody someone somebody nobody people persons individuals group groups others "
    "other some many most few several all those these one ones"
)
# Plural heads that name a loose crowd, never a source (issue 19, round-2 judged "critics", "her supporters", "his
# audiences"), and groups that are one only when counted loosely ("many Republicans", "lawmakers and others").
GENERIC_CROWDS = words_set(
    "supporter critic opponent detractor audience fan follower skeptic sceptic proponent advocate observer "
    "commentator admirer defender backer foe"
)
NOT_GIVEN_WORDS = words_set("team camp friends family club committee")  # "Team Yang" is not Yang
COLLECTIVES = words_set("group coalition number handful band team panel bloc wave crowd")
RELAY_NOUNS = words_set(
    "spokesperson spokesman spokeswoman aide lawyer attorney representative adviser advisor staffer"
)
MONTHS = words_set("january february march april may june july august september october november december")
PLACE_ABBREVIATIONS = words_set("u.s. u.s u.k. u.k u.n. e.u. d.c. n.y. l.a. us uk")
LOOSE_GROUPS = words_set("republican democrat conservative liberal progressive lawmaker legislator voter activist")
LOOSE_QUANTIFIERS = words_set("many some most few other several numerous countless")
WINDOW_CHARS = 1500  # a pronoun's antecedent is looked for this far back
DATELINE_DASH = re.compile(r"[\s,]*(\([^)]{1,30}\))?\s*[—–-]")  # "WASHINGTON (AP) —"
SPEAKER_WINDOW = 800  # a recent speaker of the right gender wins within this distance


@dataclass
class FullMention:
    """One full-name mention of a shared surname ("Rand Paul"): where, which given name, whether its chunk is a
    subject (or a subject's apposition), the sentence's first token and whether it is a conjunct ("A and B")."""

    start: int
    given: str
    subject: bool
    sent: int
    conj: bool


@dataclass
class Cluster:
    id: int
    name: str
    kind: str  # person | organization | outlet | anonymous
    gender: str = ""  # "m" | "f" | ""
    mentions: list[tuple[int, int]] = field(default_factory=list)
    quoted: bool = False
    given: dict[str, str] = field(default_factory=dict)  # given name -> full name ("hunter" -> "Hunter Biden")
    given_gender: dict[str, str] = field(default_factory=dict)  # given name -> honorific's gender ("Mr. Pat Cole")
    given_at: list[FullMention] = field(default_factory=list)  # where each full name is written (session 8, round 7)

    @property
    def shared(self) -> bool:
        """Two people share this surname in the article (Joe and Hunter Biden): a bare surname or a pronoun
        cannot tell which one spoke."""
        return self.kind == "person" and len(self.given) > 1


@dataclass
class NameMention:
    start: int
    end: int
    cluster: int
    subject: bool
    speaker: bool = False


@dataclass
class Resolved:
    cluster: Cluster
    start: int
    end: int


def _gender_of(given: str) -> str:
    return "f" if given in FEMALE_NAMES else "m" if given in MALE_NAMES else ""


HYPHENS = ("-", "‐", "‑")


def hyphen_glue(doc: Doc, j: int) -> bool:
    """Tokens ``j`` and ``j + 2`` are one hyphenated name ("Ocasio-Cortez", "Nunez-Smith"): a hyphen between two
    proper nouns with no space on either side (session 10, issue 19, round 8)."""
    return (
        j >= 0
        and j + 2 < len(doc)
        and doc[j + 1].text in HYPHENS
        and doc[j].whitespace_ == ""
        and doc[j + 1].whitespace_ == ""
        and doc[j].pos_ == "PROPN"
        and doc[j + 2].pos_ == "PROPN"
    )


def glued(toks: list[Token]) -> list[tuple[str, Token]]:
    """Words of consecutive name tokens, a hyphenated name as one word ("Ocasio", "-", "Cortez" ->
    "Ocasio-Cortez"), each with its first token."""
    out: list[tuple[str, Token]] = []
    pending = False  # the word before ends in a gluing hyphen
    for t in toks:
        if pending or (out and out[-1][1].i < t.i and hyphen_glue(t.doc, t.i - 1)):
            out[-1] = (out[-1][0] + t.text, out[-1][1])
            pending = not pending
        else:
            out.append((t.text, t))
    return out


def _strip_poss(words: list[str]) -> list[str]:
    if words and words[-1] in ("’s", "'s", "’", "'"):
        words = words[:-1]
    return [w[:-2] if w.endswith(("’s", "'s")) else w for w in words]


def _full_mention(doc: Doc, i: int, j: int, start: int, given: str) -> FullMention:
    """The full-name mention of tokens ``i..j``: a subject (or a subject's apposition) or only a possessor,
    object or name in passing."""
    head = doc[j]
    subj = any(t.dep_ in SUBJECT_DEPS for t in doc[i : j + 1]) or (
        head.dep_ == "appos" and head.head.dep_ in SUBJECT_DEPS
    )
    return FullMention(start, given, subj, head.sent.start, head.dep_ == "conj")


def _title_of(words: list[str]) -> tuple[str, list[str], str]:
    """Split leading titles/honorifics off a name: (title key, rest, gender hint)."""
    low = [w.lower() for w in words]
    gender = ""
    title = ""
    i = 0
    while i < len(low):
        if low[i] in HONORIFICS:
            gender = gender or HONORIFICS[low[i]]
            i += 1
            continue
        two = " ".join(low[i : i + 2])
        if two in TITLES and i + 2 <= len(low):
            title = TITLES[two]
            i += 2
            continue
        if low[i] in TITLES:
            title = TITLES[low[i]]
            i += 1
            continue
        if low[i] in FEMALE_WORDS:
            gender = "f"
        elif low[i] in MALE_WORDS:
            gender = "m"
        break
    return title, words[i:], gender


def _surname_like(m: NameMention, text: str) -> bool:
    """One or a few capitalised words, not an acronym: "Rivera", "Yaakov Amidror" (round 4) taken for an ORG."""
    ws = text[m.start : m.end].split()
    return 0 < len(ws) <= 3 and all(w.isalpha() and w[:1].isupper() and not w.isupper() for w in ws)


def _name_like(name: str) -> bool:
    """A person's name form fit to be canonical: no headline word before the surname ("U.S. Considering Trump",
    issue 19 round 2) — an -ing word that is no given name, or a place abbreviation (initials like "J.R." stay)."""
    if name.split()[0].lower() in NOT_GIVEN_WORDS:  # "Team Yang", "Camp Biden" (issue 19, round 4)
        return False
    for w in name.split()[:-1]:
        low = w.lower()
        if low.endswith("ing") and low not in FEMALE_NAMES and low not in MALE_NAMES:
            return False
        if low in PLACE_ABBREVIATIONS:
            return False
    return True


def _through_clause(name: Token, head: Token) -> bool:
    """``name`` hangs on ``head`` through a clause or a possessive ("the man who's overseeing Mueller's probe"):
    a person talked about, not the one the noun names (issue 19, round 4)."""
    t = name
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ in ("relcl", "acl", "poss", "ccomp", "advcl"):
            return True
        t = t.head
    return False


def _collective(t: Token) -> bool:
    """ "a group of organizers and pollsters": a singular head that stands for a plural (issue 19, round 4)."""
    return t.lemma_.lower() in COLLECTIVES and any(
        p.dep_ == "prep" and p.lower_ == "of" and any(o.tag_ == "NNS" for o in p.children) for p in t.children
    )


def _capitalised(words: list[str]) -> bool:
    """Some word of a name is capitalised ("Breitbart News"), unlike a description ("news outlet")."""
    return any(w[:1].isupper() for w in words)


def _crowd(tok: Token, low: list[str]) -> bool:
    """A plural source that is a loose crowd: "critics", "her supporters", or a group counted loosely ("many
    Republicans", "conservative lawmakers and others who argue")."""
    if tok.tag_ not in ("NNS", "NNPS"):
        return False
    lem = tok.lemma_.lower()
    lem = lem[:-1] if lem.endswith("s") and lem[:-1] in GENERIC_CROWDS | LOOSE_GROUPS else lem
    if lem in GENERIC_CROWDS:
        return True
    near = {c.lower_ for c in tok.children if c.dep_ in ("amod", "det", "predet", "quantmod")}
    loose = bool((set(low) | near) & LOOSE_QUANTIFIERS) or any(
        c.dep_ == "conj" and c.lower_ in ("others", "other") for c in tok.children
    )
    return lem in LOOSE_GROUPS and loose


class NameBook:
    """The names of one article: clusters, title→person map, mention history (sorted by start)."""

    def __init__(self, text: str, doc: Doc, exclude: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self.doc = doc
        self.exclude = sorted(exclude or [])
        self.clusters: list[Cluster] = []
        self.by_key: dict[str, int] = {}
        self.roles: dict[str, Counter[int]] = {}
        self.history: list[NameMention] = []
        self.contents: list[tuple[int, int]] = []  # reported words (set by resolve_speakers), sorted by start
        self._reach: list[int] = []  # running maximum of the contents' ends
        self._collect_names()

    def _excluded(self, start: int) -> bool:
        return any(s <= start < e for s, e in self.exclude)

    def _cluster(self, key: str, name: str, kind: str) -> Cluster:
        if key in self.by_key:
            c = self.clusters[self.by_key[key]]
            longer = len(name.split()) > len(c.name.split()) or not _name_like(c.name)
            if kind == "person" and longer and _name_like(name):
                c.name = name  # the fullest name form is the canonical one
            return c
        c = Cluster(id=len(self.clusters), name=name, kind=kind)
        self.clusters.append(c)
        self.by_key[key] = c.id
        return c

    def _chunk(self, i: int) -> tuple[int, int, int]:
        """(first title word, first name word, last word) of the proper-name chunk starting at token ``i``."""
        doc = self.doc
        n = len(doc)
        j = i
        while j + 1 < n and (doc[j + 1].pos_ == "PROPN" or hyphen_glue(doc, j)):
            if hyphen_glue(doc, j):
                j += 2  # "Ocasio-Cortez": one name (session 10)
                continue
            if doc[j].whitespace_ == "" and doc[j + 1].text not in ("’s", "'s"):
                break
            j += 1
        # titles written in lower case just before the name ("vice president Harris")
        k = i
        while k - 1 >= 0 and doc[k - 1].lower_ in TITLE_WORDS:
            k -= 1
        for x in range(i, j):  # "Western Hemisphere Juan Gonzalez": the name starts at a given name
            if doc[x].lower_ in FEMALE_NAMES or doc[x].lower_ in MALE_NAMES:
                if x > i and doc[x - 1].lower_ not in TITLE_WORDS:
                    k = i = x
                break
        return k, i, j

    def _collect_names(self) -> None:
        """Every proper-name chunk, in order: person clusters by surname, titles as roles."""
        doc = self.doc
        ent_label = {t.i: e.label_ for e in doc.ents for t in e}
        i = 0
        n = len(doc)
        while i < n:
            tok = doc[i]
            if tok.pos_ != "PROPN" or self._excluded(tok.idx):
                i += 1
                continue
            k, i, j = self._chunk(i)
            toks = [doc[x] for x in range(k, j + 1)]
            words = [w for w in _strip_poss([w for w, _ in glued(toks)]) if w[:1].isalnum()]
            title, rest, gender = _title_of(words)
            label = ent_label.get(j, ent_label.get(i, ""))
            if (
                rest
                and not (len(rest) == 1 and rest[0].lower() in PRONOUN_WORDS)  # "He" tagged a name ("He Lifeng" is one)
                and label in ("PERSON", "ORG", "")
                and (
                    label == "PERSON"
                    or title
                    or gender
                    or rest[0].lower() in FEMALE_NAMES | MALE_NAMES
                    or f"p:{rest[-1].lower()}" in self.by_key
                )
            ):
                name = " ".join(rest)
                c = self._cluster(f"p:{rest[-1].lower()}", name, "person")
                first = rest[0].lower()
                # "Team Yang" names no second Yang: its first word is no given name (else a bare "Yang" is shared)
                if len(rest) > 1 and len(first.rstrip(".")) > 1 and first not in TITLE_WORDS | NOT_GIVEN_WORDS:
                    c.given.setdefault(first, name)
                    if gender:  # "Mr. Pat Cole": Pat is a man here, whatever the name list says (session 8)
                        c.given_gender.setdefault(first, gender)
                    c.given_at.append(_full_mention(doc, i, j, toks[0].idx, first))
                if not c.gender:
                    c.gender = gender or ("f" if first in FEMALE_NAMES else "m" if first in MALE_NAMES else "")
                if title:
                    self.roles.setdefault(title, Counter())[c.id] += 1
                head = doc[j]
                start, end = toks[0].idx, doc[j].idx + len(doc[j].text)
                c.mentions.append((start, end))
                subj = any(t.dep_ in SUBJECT_DEPS for t in doc[i : j + 1])
                self.history.append(NameMention(start, end, c.id, subj))
                self._apposition_role(head, c)
            elif rest and label in ("ORG", "NORP"):
                name = " ".join(rest)
                lw = {w.lower() for w in rest}
                kind = "outlet" if lw & OUTLET_WORDS else "organization"
                c = self._cluster(f"{kind[0]}:{name.lower()}", name, kind)
                start, end = toks[0].idx, doc[j].idx + len(doc[j].text)
                c.mentions.append((start, end))
                subj = any(t.dep_ in SUBJECT_DEPS for t in doc[i : j + 1])
                self.history.append(NameMention(start, end, c.id, subj))
            i = j + 1

    def _apposition_role(self, head: Token, c: Cluster) -> None:
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                words = [
                    t.lower_ for t in child.subtree if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.i >= child.left_edge.i
                ]
                words = [w for w in words if w not in ("’s", "'s")]
                for n in (2, 1):
                    key = " ".join(words[-n:])
                    if key in TITLES:
                        self.roles.setdefault(TITLES[key], Counter())[c.id] += 2
                        if words[-1] in FEMALE_WORDS and not c.gender:
                            c.gender = "f"
                        elif words[-1] in MALE_WORDS and not c.gender:
                            c.gender = "m"
                        return

    def role_holder(self, key: str) -> Cluster | None:
        counts = self.roles.get(key)
        if not counts:
            return None
        best = max(counts.items(), key=lambda kv: (kv[1], max(s for s, _ in self.clusters[kv[0]].mentions)))
        if sum(1 for n in counts.values() if n == best[1]) > 1:
            return None  # "Senator Reed met Senator Lowe. The senator said": either one (session 8)
        return self.clusters[best[0]]

    def _recent(self, start: int) -> list[NameMention]:
        """The history's mentions that start within WINDOW_CHARS before ``start``, in order: a bisection of the
        sorted history instead of a scan of all of it per pronoun (issue 24)."""
        lo = bisect_left(self.history, start - WINDOW_CHARS, key=lambda m: m.start)
        return self.history[lo : bisect_right(self.history, start, key=lambda m: m.start)]

    def _note(self, c: Cluster, start: int, end: int, subject: bool) -> None:
        c.quoted = True
        if (start, end) not in c.mentions:
            c.mentions.append((start, end))
        # history stays sorted by start (names are collected in text order): inserting where the stable sort
        # would put it, not re-sorting the whole history per speaker (issue 24)
        insort(self.history, NameMention(start, end, c.id, subject, speaker=True), key=lambda m: m.start)

    def speakers_json(self) -> list[dict[str, Any]]:
        """Article extra ``speakers``: clusters that are quoted, with every mention (sorted)."""
        out = []
        for c in self.clusters:
            if not c.quoted:
                continue
            out.append(
                {
                    "id": c.id,
                    "name": c.name,
                    "kind": c.kind,
                    "anonymous": c.kind == "anonymous",
                    "mentions": [{"text": self.text[s:e], "start": s, "end": e} for s, e in sorted(set(c.mentions))],
                }
            )
        return out
