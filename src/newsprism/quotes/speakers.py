"""Speaker resolution over a spaCy Doc: names merged into one canonical speaker, titles and roles
mapped to the person who holds them, pronouns resolved to the most salient compatible person, and
organisations, outlets and anonymous sources recognised.

Rules over the parse (no coreference model ships on PyPI for spaCy 3.8 without torch).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from newsprism.quotes.lexicon import (
    ANONYMOUS_HEADS,
    DOCUMENT_NOUNS,
    FEMALE_NAMES,
    FEMALE_WORDS,
    HONORIFICS,
    INSTITUTION_NOUNS,
    MALE_NAMES,
    MALE_WORDS,
    ORG_WORDS,
    OUTLET_WORDS,
    PERSON_ROLE_NOUNS,
    POPULATION_NOUNS,
    TITLES,
    words_set,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PERSONAL = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
PLURAL = {"they", "them", "their"}
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
class Cluster:
    id: int
    name: str
    kind: str  # person | organization | outlet | anonymous
    gender: str = ""  # "m" | "f" | ""
    mentions: list[tuple[int, int]] = field(default_factory=list)
    quoted: bool = False
    given: dict[str, str] = field(default_factory=dict)  # given name -> full name ("hunter" -> "Hunter Biden")

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


def _strip_poss(words: list[str]) -> list[str]:
    if words and words[-1] in ("’s", "'s", "’", "'"):
        words = words[:-1]
    return [w[:-2] if w.endswith(("’s", "'s")) else w for w in words]


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


class SpeakerBook:
    """All speaker knowledge for one article: clusters, title→person map, mention history."""

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

    # -- clusters -------------------------------------------------------------------------------
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

    def _person_like(self, toks: list[Token], label: str) -> bool:
        first = toks[0].text.lower()
        if label == "PERSON" or first in FEMALE_NAMES or first in MALE_NAMES:
            return True
        surname = _strip_poss([toks[-1].text])[0].lower()
        return f"p:{surname}" in self.by_key

    def _chunk(self, i: int) -> tuple[int, int, int]:
        """(first title word, first name word, last word) of the proper-name chunk starting at token ``i``."""
        doc = self.doc
        n = len(doc)
        j = i
        while j + 1 < n and doc[j + 1].pos_ == "PROPN" and doc[j + 1].whitespace_ == doc[j + 1].whitespace_:
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
            words = [w for w in _strip_poss([t.text for t in toks]) if w[:1].isalnum()]
            title, rest, gender = _title_of(words)
            label = ent_label.get(j, ent_label.get(i, ""))
            if (
                rest
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
                if len(rest) > 1 and len(first.rstrip(".")) > 1 and first not in TITLE_WORDS:
                    c.given.setdefault(first, name)
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
        return self.clusters[best[0]]

    # -- resolution -----------------------------------------------------------------------------
    def _recent(self, start: int) -> list[NameMention]:
        """The history's mentions that start within WINDOW_CHARS before ``start``, in order: a bisection of the
        sorted history instead of a scan of all of it per pronoun (issue 24)."""
        lo = bisect_left(self.history, start - WINDOW_CHARS, key=lambda m: m.start)
        return self.history[lo : bisect_right(self.history, start, key=lambda m: m.start)]

    def _pronoun(self, tok: Token, avoid: tuple[int, int] = (0, 0)) -> Cluster | None:
        low = tok.lower_
        start = tok.idx
        if low in PERSONAL:
            g = PERSONAL[low]
            cands = [
                m
                for m in self._recent(start)
                if m.end <= start
                and start - m.start <= WINDOW_CHARS
                and not (avoid[0] <= m.start < avoid[1])  # not a name inside the reported words
                and self.clusters[m.cluster].kind == "person"
                and self.clusters[m.cluster].gender in (g, "")
            ]
            known = [m for m in cands if self.clusters[m.cluster].gender == g]
            pick = None
            for group in (known, cands):
                spoke = [m for m in group if m.speaker and start - m.start <= SPEAKER_WINDOW]
                subj = [m for m in group if m.subject]
                pool = spoke or subj or group
                if pool:
                    pick = pool[-1]
                    break
            if pick is None or (pool is group and self._unknown_spoke(cands, start)):
                return None  # a known-gender name only in passing, while someone of unknown gender spoke (round 4)
            c = self.clusters[pick.cluster]
            if self._overtaken(pick, cands + self._org_speakers(start)):
                return None  # two people it could be: unattributed rather than the wrong mouth (issue 19)
            if c.given and not any(_gender_of(f) in (g, "") for f in c.given):
                return None  # "Mr. Obama" merged into "Michelle Obama": he cannot be her (issue 19, round 2)
            if c.shared:  # Bob or Maureen McDonnell: only a gendered pronoun that fits one given name tells
                fits = [f for f in c.given if _gender_of(f) in (g, "")]
                if len(fits) != 1:
                    return None
                return self._cluster(f"n:{c.given[fits[0]].lower()}", c.given[fits[0]], "person")
            if not c.gender:
                c.gender = g
            return c
        if low in PLURAL or low == "it":
            groups = [
                m
                for m in self._recent(start)
                if m.end <= start
                and start - m.start <= WINDOW_CHARS
                and self.clusters[m.cluster].kind in ("organization", "outlet", "anonymous", "document")
            ]
            if low == "it":  # "it" speaks only as an outlet/organisation that has just spoken
                groups = [m for m in groups if m.speaker and start - m.start <= SPEAKER_WINDOW]
            subj = [m for m in groups if m.subject]
            pool = subj or groups
            near = min(pool[-1].start, start - 300) if pool else start
            if not pool or (low != "it" and self._plural_subject_between(max(0, near), start, groups)):
                return None  # "the justices … They said": another plural could be "they" (issue 19, round 2)
            return self.clusters[pool[-1].cluster]
        return None

    def _unknown_spoke(self, cands: list[NameMention], start: int) -> bool:
        """A person of unknown gender spoke just before ("Yaakov Amidror, an adviser to Mr. Reed, said …")."""
        return any(
            m.speaker and start - m.start <= SPEAKER_WINDOW and not self.clusters[m.cluster].gender for m in cands
        )

    def _org_speakers(self, start: int) -> list[NameMention]:
        """Speakers before ``start`` that look like a person's surname the parser took for an organisation ("Rivera
        said": one capitalised word, not an acronym): they still make a later he/she ambiguous (issue 19, round 2)."""
        return [
            m
            for m in self._recent(start)
            if m.end <= start
            and m.speaker
            and self.clusters[m.cluster].kind == "organization"
            and _surname_like(m, self.text)
        ]

    def _plural_subject_between(self, start: int, end: int, groups: list[NameMention]) -> bool:
        """A plural common-noun subject ("the justices", "the workers") near "they" that is none of the groups
        mentioned, outside anyone's reported words."""
        span = self.doc.char_span(start, end, alignment_mode="contract")
        return span is not None and any(
            (t.tag_ == "NNS" or _collective(t))
            and t.dep_ in SUBJECT_DEPS
            and not self._reported(t.idx)
            and not any(m.start <= t.idx < m.end for m in groups)
            for t in span
        )

    def _overtaken(self, pick: NameMention, group: list[NameMention]) -> bool:
        """Another compatible person is the subject or speaker of a later clause than the preferred antecedent
        ("Harris spoke first. Then Pelosi took the floor. … she said"), outside anyone's reported words: salience
        rules alone cannot tell which one the pronoun means."""
        return any(
            m.cluster != pick.cluster
            and m.start > pick.end
            and (m.subject or m.speaker)
            and not self._reported(m.start)
            for m in group
        )

    def _reported(self, pos: int) -> bool:
        """``pos`` lies inside someone's reported words: a person named there is talked about, not a new
        candidate speaker."""
        k = bisect_right(self.contents, (pos, 1 << 62))  # contents[:k] start at or before pos
        # before the first index whose running maximum of ends passes pos, none reaches it (issue 24: no full scan)
        first = bisect_right(self._reach, pos, 0, k)
        return any(s <= pos < e for s, e in self.contents[first:k])

    def set_contents(self, spans: list[tuple[int, int]]) -> None:
        """The reported words of every kept quotation (persons named there are not candidate speakers)."""
        self.contents = sorted(spans)
        self._reach = list(accumulate((e for _, e in self.contents), max))

    def _description(self, tok: Token, start: int) -> Cluster | None:
        """A definite role description ("the Wisconsin lawmaker") refers back to a person named before it:
        the one most recently mentioned as a subject or speaker, when no other person was mentioned after them."""
        group = [m for m in self._recent(start) if m.end <= start and self.clusters[m.cluster].kind == "person"]
        pool = [m for m in group if m.speaker or m.subject]
        if not pool:
            return None
        pick = pool[-1]
        c = self.clusters[pick.cluster]
        return None if c.shared or self._overtaken(pick, group) else c

    def _common_noun(self, tok: Token, start: int, end: int, words: list[str]) -> Resolved | None:
        """A common-noun source: a document, outlet or institution speaks as itself; a role description resolves
        to the person it refers back to; a plural ("businesses", "supporters") or any other noun ("the ban",
        "long lines") names no one who could be quoted."""
        named = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if named:  # "the governor, Anna Reyes, said": the apposition names her
            return self.resolve(named[0])
        lem = tok.lemma_.lower()
        low = [w.lower() for w in words]
        plural = tok.tag_ in ("NNS", "NNPS")
        people = PERSON_ROLE_NOUNS | ANONYMOUS_HEADS if plural else PERSON_ROLE_NOUNS | POPULATION_NOUNS
        role = lem in people and lem not in INSTITUTION_NOUNS
        if role and not plural and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            if lem in TITLE_WORDS:  # "the president" with no one titled so here: not the last person named
                return None
            if any(c.dep_ in ("relcl", "acl") for c in tok.children):
                return None  # "the man who is overseeing Reed's budget": someone new, not the last one (round 4)
            c = self._description(tok, start)  # "the Wisconsin lawmaker": someone named before
            if c is None:
                return None
            self._note(c, start, end, True)
            return Resolved(c, start, end)
        if role:  # "a Pentagon official", "one tax lobbyist", "New York prosecutors": an unnamed source
            text = self.text[start:end]
            c = self._cluster(f"a:{text.lower()}", text, "anonymous")
            self._note(c, start, end, True)
            return Resolved(c, start, end)
        if plural and lem not in DOCUMENT_NOUNS:
            return None
        if not (set(low) & OUTLET_WORDS or lem in DOCUMENT_NOUNS or lem in INSTITUTION_NOUNS):
            return None
        kind = "outlet" if set(low) & OUTLET_WORDS else "document" if lem in DOCUMENT_NOUNS else "organization"
        if kind == "outlet" and not _capitalised(words):
            outlet = self._named_outlet(start)  # "the news outlet wrote": the outlet named before, else no one
            if outlet is None:
                return None
            self._note(outlet, start, end, True)
            return Resolved(outlet, start, end)
        bare = " ".join(words) if words else self.text[start:end]
        c = self._cluster(f"o:{bare.lower()}", bare, kind)
        self._note(c, start, end, True)
        return Resolved(c, start, end)

    def _named_outlet(self, start: int) -> Cluster | None:
        """The one outlet named (a capitalised name) within the window before a generic "the news outlet" / "the
        paper"; None when there is none or more than one (issue 19, round 4: "news outlet" is no name)."""
        ids = {
            m.cluster
            for m in self._recent(start)
            if m.end <= start
            and self.clusters[m.cluster].kind == "outlet"
            and _capitalised(self.clusters[m.cluster].name.split())
        }
        return self.clusters[ids.pop()] if len(ids) == 1 else None

    def _dateline(self, start: int, end: int) -> bool:
        """An all-capitals place at a paragraph's start followed by a dash ("WASHINGTON —"): a dateline."""
        word = self.text[start:end]
        before = self.text[max(0, start - 20) : start].rstrip(" ")[-1:]
        dash = DATELINE_DASH.match(self.text[end : end + 40])
        return word.isupper() and before in ("", "\n") and dash is not None

    def np_span(self, tok: Token) -> tuple[int, int]:
        """The noun phrase headed by ``tok``, cut before relative clauses, appositions and commas."""
        left = tok.left_edge.i
        right = tok.i
        for child in tok.rights:
            if (
                child.dep_ in ("compound", "flat")
                or (child.dep_ == "prep" and child.lower_ in ("of", "familiar", "close"))
                or (child.dep_ in ("amod", "acl") and child.lower_ in ("familiar", "close", "involved"))
            ):
                right = max(right, child.right_edge.i)
            else:
                break
        if tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "FAC"):
            ent = next((e for e in self.doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None:  # "the Center for Responsive Politics", not "Center" (issue 19, round 4)
                right = max(right, ent.end - 1)
        if tok.pos_ == "PROPN":
            k = tok.i
            while k - 1 >= left and (self.doc[k - 1].pos_ == "PROPN" or self.doc[k - 1].lower_ in TITLE_WORDS):
                k -= 1
            for x in range(k, tok.i):  # a name starts at its given name
                if self.doc[x].lower_ in FEMALE_NAMES or self.doc[x].lower_ in MALE_NAMES:
                    if x > k and self.doc[x - 1].lower_ not in TITLE_WORDS:
                        k = x
                    break
            left = k
        while left < tok.i and self.doc[left].is_punct:
            left += 1
        d = self.doc
        return d[left].idx, d[right].idx + len(d[right].text)

    def _name_inside(self, tok: Token) -> Token:
        """ "Director for the Western Hemisphere Juan Gonzalez said": the name inside the subject."""
        doc = self.doc
        if tok.lemma_.lower() in RELAY_NOUNS and any(c.dep_ == "prep" for c in tok.children):
            return tok  # "a spokesperson for Senator Reyes said": the spokesperson spoke (issue 19, round 4)
        names = [
            t
            for t in tok.subtree
            if t.i > tok.i and t.pos_ == "PROPN" and f"p:{t.text.lower()}" in self.by_key and t.dep_ != "poss"
        ]
        if names and not any(x.is_punct for x in doc[tok.i : names[-1].i]):
            tok = names[-1]
        for ent in doc.ents:
            if (
                ent.label_ == "PERSON"
                and tok.i < ent.start
                and ent.end - 1 <= tok.right_edge.i
                and not any(t.is_punct for t in doc[tok.i : ent.start])
                and not _through_clause(ent.root, tok)
            ):
                return ent.root
        return tok

    def _proper_name(self, tok: Token, rest: list[str]) -> Cluster:
        """The cluster of a proper-name source (known surname, else a new person, organisation or outlet)."""
        key = f"p:{rest[-1].lower()}"
        if key in self.by_key:
            return self.clusters[self.by_key[key]]
        name = " ".join(rest)
        lw = {w.lower() for w in rest}
        kind = (
            "outlet"
            if lw & OUTLET_WORDS
            else "organization"
            if (lw & ORG_WORDS or tok.ent_type_ in ("ORG", "NORP", "GPE") or not rest[-1][:1].isupper())
            else "person"
        )
        c = self._cluster(f"{kind[0]}:{name.lower()}", name, kind)
        if kind == "person" and rest[0].lower() in FEMALE_NAMES | MALE_NAMES:
            c.gender = "f" if rest[0].lower() in FEMALE_NAMES else "m"
        return c

    def resolve(self, tok: Token, avoid: tuple[int, int] = (0, 0)) -> Resolved | None:
        """Resolve the subject token of a cue (or an ``according to`` object) to a speaker.

        ``avoid``: the reported words, whose names cannot be the antecedent of the speaker pronoun.
        """
        doc = self.doc
        if tok.pos_ == "PRON":
            c = self._pronoun(tok, avoid)
            start, end = tok.idx, tok.idx + len(tok.text)
            if c is None:
                return None  # a bare pronoun is never a speaker: the quote is unattributed
            self._note(c, start, end, tok.dep_ in SUBJECT_DEPS)
            return Resolved(c, start, end)
        named = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"]
        if tok.pos_ in ("NOUN", "NUM") and named:  # "Dorchester's chief executive, C. Cowdray," / "One of them, X,"
            return self.resolve(named[0])
        if tok.pos_ != "PROPN" or tok.ent_type_ != "PERSON":
            tok = self._name_inside(tok)
        start, end = self.np_span(tok)
        span = doc.char_span(start, end, alignment_mode="expand")
        toks = list(span) if span is not None else [tok]
        words = _strip_poss([t.text for t in toks if t.dep_ != "det" and t.pos_ != "DET" and not t.is_punct])
        words = [w for w in words if w[:1].isalnum()]
        low = [w.lower() for w in words]
        if low and all(w in GENERIC_SOURCES for w in low):
            return None  # "anyone", "people", "many groups": no one in particular
        if _crowd(tok, low) or (low and low[0] in MONTHS and tok.ent_type_ == "DATE"):
            return None  # a crowd, or a date the parser took for a subject ("on July 9, with the headline: …")
        if (
            tok.pos_ != "PROPN"
            and (
                (low and low[-1] in ANONYMOUS_HEADS)
                or (set(low) & ANONYMOUS_HEADS and {"familiar", "close"} & set(low))
            )
            and not any(t.pos_ == "PROPN" for t in toks)
        ):
            text = self.text[start:end]
            c = self._cluster(f"a:{text.lower()}", text, "anonymous")
            self._note(c, start, end, True)
            return Resolved(c, start, end)
        title, rest, _ = _title_of(words)
        poss = [t for t in toks if t.dep_ == "poss" and t.i != tok.i]
        if title and not [w for w in rest if w[:1].isupper()]:
            holder = self.role_holder(title)
            if holder is not None:
                self._note(holder, start, end, True)
                return Resolved(holder, start, end)
        if (
            tok.pos_ == "NOUN"
            and low
            and not poss
            and tok.ent_type_ not in NAMED_ENTS
            and f"p:{low[-1]}" not in self.by_key
        ):
            return self._common_noun(tok, start, end, words)
        if rest and rest[-1][:1].isupper() and f"p:{rest[-1].lower()}" in self.by_key and not poss:
            c = self._surname_person(self.clusters[self.by_key[f"p:{rest[-1].lower()}"]], words, rest)
            if c is None:
                return None
            self._note(c, start, end, True)
            return Resolved(c, start, end)
        if self._dateline(start, end):
            return None
        propn = [t for t in toks if t.pos_ == "PROPN" and t.dep_ != "poss" and t.head.dep_ != "poss"]
        if rest and propn and not poss:
            c = self._proper_name(tok, rest)
            self._note(c, start, end, True)
            return Resolved(c, start, end)
        text = self.text[start:end]
        if not text.strip() or tok.pos_ not in ("NOUN", "PROPN"):
            return None
        lw = set(low)
        kind = "outlet" if lw & OUTLET_WORDS else "document" if tok.lemma_.lower() in DOCUMENT_NOUNS else "organization"
        bare = " ".join(words) if words else text
        c = self._cluster(f"o:{bare.lower()}", bare, kind)
        self._note(c, start, end, True)
        return Resolved(c, start, end)

    def _surname_person(self, c: Cluster, words: list[str], rest: list[str]) -> Cluster | None:
        """The person a name of a known surname means: an honorific's gender picks among the given names (or no
        one); Joe or Hunter Biden: the given name tells them apart; a bare surname is, by news convention, the
        person introduced first (the other one keeps their given name)."""
        picked = self._by_honorific(c, words, rest)
        if picked is not None:
            return picked if picked.name else None  # "Mr. Romney" when only Ann Romney is named: not her
        if c.shared:
            given = rest[0].lower() if len(rest) > 1 and rest[0].lower() in c.given else next(iter(c.given))
            full = c.given[given]
            return self._cluster(f"n:{full.lower()}", full, "person")
        return c

    def _by_honorific(self, c: Cluster, words: list[str], rest: list[str]) -> Cluster | None:
        """A surname after Mr./Mrs./Ms. ("Mr. Romney" where Ann and Mitt Romney are named): the one given name of
        that gender; an empty-named cluster when the cluster's given names or gender are all of the other
        one (abstain); None when the honorific tells nothing (issue 19, round 4)."""
        _, _, hint = _title_of(words)
        low0 = words[0].lower() if words else ""
        if not hint or low0 not in HONORIFICS or c.kind != "person" or len(rest) != 1:
            return None
        known = {f: _gender_of(f) for f in c.given}
        fits = [f for f, g in known.items() if g == hint]
        if len(fits) == 1 and c.shared:
            return self._cluster(f"n:{c.given[fits[0]].lower()}", c.given[fits[0]], "person")
        if known and all(g and g != hint for g in known.values()):
            return Cluster(id=-1, name="", kind="person")
        if not known and c.gender and c.gender != hint:
            return Cluster(id=-1, name="", kind="person")
        return None

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
