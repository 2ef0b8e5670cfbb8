"""Speaker resolution over a spaCy Doc: the subject of a cue (or the object of ``according to``) resolved to a
speaker — names merged into one canonical speaker (:mod:`newsprism.quotes.speaker_names`), titles and roles mapped
to the person who holds them, pronouns resolved to the most salient compatible person
(:mod:`newsprism.quotes.pronouns`), and organisations, outlets, documents and anonymous sources recognised.

Rules over the parse (no coreference model ships on PyPI for spaCy 3.8 without torch).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprism.quotes.lexicon import (
    ANONYMOUS_HEADS,
    DOCUMENT_NOUNS,
    FEMALE_NAMES,
    HONORIFICS,
    INSTITUTION_NOUNS,
    MALE_NAMES,
    ORG_WORDS,
    OUTLET_WORDS,
    PERSON_ROLE_NOUNS,
    POPULATION_NOUNS,
    RELATION_NOUNS,
)
from newsprism.quotes.pronouns import PronounBook
from newsprism.quotes.speaker_names import (
    DATELINE_DASH,
    GENERIC_SOURCES,
    MONTHS,
    NAMED_ENTS,
    RELAY_NOUNS,
    SUBJECT_DEPS,
    TITLE_WORDS,
    Cluster,
    Resolved,
    _capitalised,
    _crowd,
    _gender_of,
    _strip_poss,
    _through_clause,
    _title_of,
    glued,
    hyphen_glue,
)

PARAGRAPH_BREAK = re.compile(r"\n\s*")  # one paragraph break (blank lines included)
NAMESAKE_PARAS = 2  # a namesake named this few paragraphs back could still be meant by a bare surname

if TYPE_CHECKING:
    from spacy.tokens import Token

PARTY_MEMBERS = frozenset(["democrat", "republican", "independent", "libertarian"])
WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
CORP_SUFFIXES = frozenset(["inc", "corp", "corporation", "co", "ltd", "llc", "plc", "company", "ag", "sa", "gmbh"])
"""The last word of a firm's name, by which "the company" refers back to it (round 6)."""
OWNERS = frozenset(["his", "her", "their", "its"])  # "whose members" is no owner to resolve
OWNED_BODIES = frozenset(["campaign", "office", "team", "staff", "administration", "government", "camp"])


def _no_one(tok: Token, low: list[str]) -> bool:
    """No one in particular ("anyone", "people", "many groups"), a crowd, or a date the parser took for a subject
    ("on July 9, with the headline: …")."""
    if low and all(w in GENERIC_SOURCES for w in low):
        return True
    if tok.ent_type_ in ("DATE", "TIME") or (low and low[-1] in WEEKDAYS):
        return True  # "Thursday" is no one (session 8)
    return _crowd(tok, low) or (bool(low) and low[0] in MONTHS and tok.ent_type_ == "DATE")


def _anonymous(tok: Token, toks: list[Token], low: list[str]) -> bool:
    """An unnamed source by its head ("officials familiar with the talks", "a source close to …")."""
    return (
        tok.pos_ != "PROPN"
        and bool(
            (low and low[-1] in ANONYMOUS_HEADS) or (set(low) & ANONYMOUS_HEADS and {"familiar", "close"} & set(low))
        )
        and not any(t.pos_ == "PROPN" for t in toks)
    )


def _owned_kind(tok: Token) -> str:
    """ "person" for a role or tie owned by someone ("Reed's aide"), "organization" for an owned body ("his
    campaign"), "" for anything else ("Reed's remarks")."""
    lem = tok.lemma_.lower()
    if lem in RELATION_NOUNS | RELAY_NOUNS | PERSON_ROLE_NOUNS | POPULATION_NOUNS | ANONYMOUS_HEADS:
        return "person"
    return "organization" if lem in INSTITUTION_NOUNS | OWNED_BODIES else ""


def _owner(tok: Token) -> Token | None:
    """The owner of a role or body ("Reed's aide", "his campaign"): a name or a personal pronoun."""
    if tok.pos_ != "NOUN" or not _owned_kind(tok):
        return None
    poss = [c for c in tok.children if c.dep_ == "poss" and (c.pos_ == "PROPN" or c.lower_ in OWNERS)]
    return poss[0] if poss else None


class SpeakerBook(PronounBook):
    """All speaker knowledge for one article: clusters, title→person map, mention history, and resolution."""

    def _common_noun(self, tok: Token, start: int, end: int, words: list[str]) -> Resolved | None:
        """A common-noun source: a document, outlet or institution speaks as itself; a role description resolves
        to the person it refers back to; a plural ("businesses", "supporters") or any other noun ("the ban",
        "long lines") names no one who could be quoted."""
        named = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if named:  # "the governor, Anna Reyes, said": the apposition names her
            return self.resolve(named[0])
        lem = tok.lemma_.lower()
        if lem in RELATION_NOUNS and any(c.dep_ == "prep" for c in tok.children):
            text = self.text[start:end]  # "the sister of Ann Cole": someone new, by their tie (session 8)
            return self._noted(self._cluster(f"a:{text.lower()}", text, "anonymous"), start, end)
        low = [w.lower() for w in words]
        plural = tok.tag_ in ("NNS", "NNPS")
        people = PERSON_ROLE_NOUNS | ANONYMOUS_HEADS if plural else PERSON_ROLE_NOUNS | POPULATION_NOUNS
        role = lem in people and lem not in INSTITUTION_NOUNS
        if role and not plural and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            if lem in TITLE_WORDS:  # "the president" with no one titled so here: not the last person named
                return None
            if any(c.dep_ in ("relcl", "acl") for c in tok.children):
                return None  # "the man who is overseeing Reed's budget": someone new, not the last one (round 4)
            c = self._description(start)  # "the Wisconsin lawmaker": someone named before
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
        named_org = self._named_org(tok, start) if kind == "organization" else None
        if named_org is not None:  # "the ministry" after "the Interior Ministry": that ministry (round 6)
            return self._noted(named_org, start, end)
        bare = " ".join(words) if words else self.text[start:end]
        c = self._cluster(f"o:{bare.lower()}", bare, kind)
        self._note(c, start, end, True)
        return Resolved(c, start, end)

    def _whole_org(self, tok: Token, start: int, end: int, low: list[str]) -> Resolved | None:
        """An organisation's whole name when a possessive lies inside its entity ("People's Daily", "Moody's
        Investors Service"), not the words after it (issue 19, round 6)."""
        ent = next((e for e in self.doc.ents if e.start <= tok.i < e.end and e.label_ == "ORG"), None)
        if ent is None or not any(t.dep_ == "poss" for t in ent):
            return None
        first = ent[1] if ent[0].pos_ == "DET" and len(ent) > 1 else ent[0]
        name = self.text[first.idx : ent.end_char].strip()
        kind = "outlet" if set(low) & OUTLET_WORDS else "organization"
        return self._noted(self._cluster(f"{kind[0]}:{name.lower()}", name, kind), start, end)

    def _named_org(self, tok: Token, start: int) -> Cluster | None:
        """The organisation a definite generic noun ("the ministry", "the central bank") refers back to: the last
        organisation named before it whose name holds the same head noun ("the Interior Ministry", "the People's
        Bank of China"); None when there is none (issue 19, round 6)."""
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            return None
        if any(c.dep_ in ("poss", "relcl", "acl", "prep") for c in tok.children):
            return None
        lem = tok.lemma_.lower()
        for ent in reversed(self.doc.ents):
            if ent.end_char > start or ent.label_ != "ORG":
                continue
            if lem in {t.lemma_.lower() for t in ent} and any(t.text[:1].isupper() for t in ent):
                toks = [t for t in ent if t.pos_ != "DET" and not t.is_punct]
                if not toks:
                    return None
                name = self.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]  # "People's Bank of China"
                return self._cluster(f"o:{name.lower()}", name, "organization")
        return self._named_body(tok, start) or (self._one_firm(start) if lem == "company" else None)

    def _one_firm(self, start: int) -> Cluster | None:
        """ "the company" when the article named exactly one firm before it by a corporate suffix ("Acme Corp.",
        "Lowe Holdings Inc."); None for none or several (round 6: no guess between two companies)."""
        names = set()
        for ent in self.doc.ents:
            toks = [t for t in ent if t.pos_ != "DET" and not (t.is_punct and t.text != ".")]
            if ent.end_char <= start and ent.label_ == "ORG" and toks and toks[-1].lower_.rstrip(".") in CORP_SUFFIXES:
                names.add(self.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)])
        if len(names) != 1:
            return None
        name = names.pop()
        return self._cluster(f"o:{name.lower()}", name, "organization")

    def _named_body(self, tok: Token, start: int) -> Cluster | None:
        """The last body named by the same noun with a proper-name modifier before ``start`` ("the Biden
        campaign", "Reed's campaign" before "the campaign said"); None when there is none (round 6)."""
        lem = tok.lemma_.lower()
        for t in reversed(self.doc[: tok.i]):
            if t.idx + len(t.text) > start or t.lemma_.lower() != lem or t.pos_ != "NOUN":
                continue
            mods = [c for c in t.lefts if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" and c.text[:1].isupper()]
            if mods and not self._reported(t.idx):
                name = self.text[mods[0].left_edge.idx : t.idx + len(t.text)]
                return self._cluster(f"o:{name.lower()}", name, "organization")
        return None

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
        org = None
        if tok.pos_ in ("PROPN", "NOUN") and tok.ent_type_ in ("ORG", "FAC"):
            org = next((e for e in self.doc.ents if e.start <= tok.i < e.end), None)
            if org is not None:  # "(the) Center for Responsive Politics", not "Center" (issue 19, rounds 4 and 5)
                right = max(right, org.end - 1)
        if tok.pos_ == "PROPN":
            k = tok.i
            while k - 1 >= left and (
                self.doc[k - 1].pos_ == "PROPN" or self.doc[k - 1].lower_ in TITLE_WORDS or hyphen_glue(self.doc, k - 2)
            ):
                k -= 1  # "Ocasio-Cortez": the hyphen of one name too (session 10)
            for x in range(k, tok.i):  # a name starts at its given name
                if self.doc[x].lower_ in FEMALE_NAMES or self.doc[x].lower_ in MALE_NAMES:
                    if x > k and self.doc[x - 1].lower_ not in TITLE_WORDS:
                        k = x
                    break
            if org is not None:  # "People's Daily", not "Daily" (round 6); not its article ("The Center …")
                k = min(k, org.start + (self.doc[org.start].pos_ == "DET"))
            left = k
        while left < tok.i and self.doc[left].is_punct:
            left += 1
        d = self.doc
        return d[left].idx, d[right].idx + len(d[right].text)

    def _name_inside(self, tok: Token) -> Token:
        """ "Director for the Western Hemisphere Juan Gonzalez said": the name inside the subject."""
        doc = self.doc
        if tok.lemma_.lower() in RELAY_NOUNS | RELATION_NOUNS and any(c.dep_ == "prep" for c in tok.children):
            return tok  # "a spokesperson for Senator Reyes", "the sister of Ann Cole": the head noun spoke (round 4/5)
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
        if tok.pos_ == "PRON":
            return self._resolve_pronoun(tok, avoid)
        named = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"]
        if tok.pos_ in ("NOUN", "NUM") and named:  # "Dorchester's chief executive, C. Cowdray," / "One of them, X,"
            return self.resolve(named[0])
        if tok.pos_ != "PROPN" or tok.ent_type_ != "PERSON":
            tok = self._name_inside(tok)
        start, end = self.np_span(tok)
        span = self.doc.char_span(start, end, alignment_mode="expand")
        toks = list(span) if span is not None else [tok]
        words = _strip_poss([w for w, t in glued(toks) if t.dep_ != "det" and t.pos_ != "DET" and not t.is_punct])
        words = [w for w in words if w[:1].isalnum()]
        low = [w.lower() for w in words]
        if _no_one(tok, low):
            return None
        owner = _owner(tok)
        if owner is not None:
            return self._owned(tok, owner, end, avoid)
        if _anonymous(tok, toks, low):
            text = self.text[start:end]
            return self._noted(self._cluster(f"a:{text.lower()}", text, "anonymous"), start, end)
        return self._named_source(tok, start, end, toks, words)

    def _resolve_pronoun(self, tok: Token, avoid: tuple[int, int]) -> Resolved | None:
        """A pronoun subject: its antecedent, or None (a bare pronoun is never a speaker: the quote is
        unattributed)."""
        c = self._pronoun(tok, avoid)
        start, end = tok.idx, tok.idx + len(tok.text)
        if c is None:
            return None
        self._note(c, start, end, tok.dep_ in SUBJECT_DEPS)
        return Resolved(c, start, end)

    def _noted(self, c: Cluster, start: int, end: int) -> Resolved:
        """``c`` noted as the speaker at ``start:end``."""
        self._note(c, start, end, True)
        return Resolved(c, start, end)

    def _named_source(self, tok: Token, start: int, end: int, toks: list[Token], words: list[str]) -> Resolved | None:
        """A source that is no pronoun, crowd or anonymous head: a title's holder, someone's aide or campaign, a
        common noun, a known surname, a proper name, else an organisation, outlet or document named by the noun
        phrase."""
        low = [w.lower() for w in words]
        title, rest, _ = _title_of(words)
        poss = [t for t in toks if t.dep_ == "poss" and t.i != tok.i]
        if poss and tok.ent_type_ == "ORG":
            whole = self._whole_org(tok, start, end, low)  # a possessive inside the name: "People's Daily"
            if whole is not None:
                return whole
        if title and not [w for w in rest if w[:1].isupper()]:
            holder = self.role_holder(title)
            if holder is not None:
                return self._noted(holder, start, end)
        tied = tok.lemma_.lower() in RELATION_NOUNS and any(c.dep_ == "prep" for c in tok.children)
        if (
            tok.pos_ == "NOUN"
            and low
            and not poss
            and tok.ent_type_ not in NAMED_ENTS
            and (tied or f"p:{low[-1]}" not in self.by_key)  # "the sister of Ann Cole" is not Ann Cole
        ):
            return self._common_noun(tok, start, end, words)
        if rest and rest[-1][:1].isupper() and f"p:{rest[-1].lower()}" in self.by_key and not poss:
            c = self._surname_person(self.clusters[self.by_key[f"p:{rest[-1].lower()}"]], words, rest, start)
            return None if c is None else self._noted(c, start, end)
        if self._dateline(start, end):
            return None
        if tok.lower_ in PARTY_MEMBERS and tok.tag_ in ("NNP", "NN"):  # "the Ohio Democrat": a person, not a body
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):  # "a New Hampshire Republican"
                text = self.text[start:end]
                return self._noted(self._cluster(f"a:{text.lower()}", text, "anonymous"), start, end)
            c = self._description(start)
            last = [m for m in self._recent(start) if m.end <= start and self.clusters[m.cluster].kind == "person"]
            if c is None or not last or last[-1].cluster != c.id:
                return None  # someone else named since: either could be the party member
            return self._noted(c, start, end)
        propn = [t for t in toks if t.pos_ == "PROPN" and t.dep_ != "poss" and t.head.dep_ != "poss"]
        if rest and propn and not poss:
            return self._noted(self._proper_name(tok, rest), start, end)
        text = self.text[start:end]
        if not text.strip() or tok.pos_ not in ("NOUN", "PROPN"):
            return None
        kind = (
            "outlet"
            if set(low) & OUTLET_WORDS
            else "document"
            if tok.lemma_.lower() in DOCUMENT_NOUNS
            else "organization"
        )
        bare = " ".join(words) if words else text
        return self._noted(self._cluster(f"o:{bare.lower()}", bare, kind), start, end)

    def _owned(self, tok: Token, owner: Token, end: int, avoid: tuple[int, int]) -> Resolved | None:
        """ "Reed's aide", "his campaign": a person or body named by its owner, the owner written out ("Tom Reed's
        aide"); a pronoun owner that resolves to no one leaves the quote unattributed (session 8)."""
        if owner.pos_ == "PRON":
            c = self._pronoun(owner, avoid)
            if c is None or not c.name:
                return None
            name = c.name
        else:
            known = self.by_key.get(f"p:{owner.text.lower()}")
            written = " ".join(_strip_poss([t.text for t in owner.subtree if not t.is_punct and t.dep_ != "case"]))
            name = self.clusters[known].name if known is not None else written
        start = owner.left_edge.idx
        head = self.text[owner.right_edge.idx + len(owner.right_edge.text) : end].strip()
        head = head[2:].strip() if head[:2] in ("'s", "’s") else head.lstrip("'’").strip()
        full = f"{name}'s {head}"
        kind = "anonymous" if _owned_kind(tok) == "person" else "organization"
        return self._noted(self._cluster(f"{kind[0]}:{full.lower()}", full, kind), start, end)

    def _surname_person(self, c: Cluster, words: list[str], rest: list[str], start: int) -> Cluster | None:
        """The person a name of a known surname means: an honorific's gender picks among the given names (or no
        one); Joe or Hunter Biden: the given name tells them apart; a bare surname is the namesake named last
        before it, or no one when both could be meant (``_namesake``)."""
        picked = self._by_honorific(c, words, rest)
        if picked is not None:
            return picked if picked.name else None  # "Mr. Romney" when only Ann Romney is named: not her
        if c.shared:
            given = rest[0].lower() if len(rest) > 1 and rest[0].lower() in c.given else self._namesake(c, start)
            if given is None:
                return None
            full = c.given[given]
            return self._cluster(f"n:{full.lower()}", full, "person")
        return c

    def _namesake(self, c: Cluster, start: int) -> str | None:
        """The given name a bare surname at ``start`` means when two people share it (Rand and Ron Paul): the last
        full name when it is a subject in the surname's sentence or the one before and the other is not named
        there; else the principal (the first named as a subject) when its last full name is a subject or the other
        one was last named more than two paragraphs before; else no one (either could be meant). A pair written
        together ("Joe Biden and Hunter Biden") keeps the first of the pair; names inside reported words or
        quotation marks do not count; a given word that is no known given name ("Media Hillary Clinton", "Photo
        McConnell") makes no namesake (session 8, issue 19, round 7)."""
        real = {g for g in c.given if g in FEMALE_NAMES or g in MALE_NAMES or g in c.given_gender}
        before = [
            m
            for m in c.given_at
            if m.start < start and m.given in real and not self._reported(m.start) and not self._in_marks(m.start)
        ]
        if len(real) < 2 or not before:
            return next(iter(c.given))  # the first introduced (news convention)
        last = before[-1]
        others = [m for m in before if m.given != last.given]
        if not others:
            return last.given
        if last.conj and others[-1].sent == last.sent:
            return others[-1].given  # "Joe Biden and Hunter Biden": the first of the pair
        near = self._two_sentences(start)
        if last.subject and last.sent in near and not any(m.sent in near for m in others):
            return last.given  # "Mark Pratt now runs the firm. Pratt said …"
        principal = next((m.given for m in before if m.subject), before[0].given)
        if last.given == principal and last.subject:
            return principal  # the principal named again as a subject since the other one
        rival = last if last.given != principal else others[-1]
        if len(PARAGRAPH_BREAK.findall(self.text, rival.start, start)) <= NAMESAKE_PARAS:
            return None  # the other one named just before: either could be meant
        return principal

    def _in_marks(self, pos: int) -> bool:
        """``pos`` stands inside quotation marks opened earlier in its paragraph ("“She [Ann Cole] was …")."""
        para = self.text[self.text.rfind("\n", 0, pos) + 1 : pos]
        return para.count("“") > para.count("”") or para.count('"') % 2 == 1

    def _two_sentences(self, start: int) -> tuple[int, int]:
        """The first tokens of the sentence at ``start`` and of the one before it."""
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None:
            return (-1, -1)
        s0 = span[0].sent.start
        return (s0, self.doc[s0 - 1].sent.start if s0 > 0 else s0)

    def _by_honorific(self, c: Cluster, words: list[str], rest: list[str]) -> Cluster | None:
        """A surname after Mr./Mrs./Ms. ("Mr. Romney" where Ann and Mitt Romney are named): the one given name of
        that gender; an empty-named cluster when the cluster's given names or gender are all of the other
        one (abstain); None when the honorific tells nothing (issue 19, round 4)."""
        _, _, hint = _title_of(words)
        low0 = words[0].lower() if words else ""
        if not hint or low0 not in HONORIFICS or c.kind != "person" or len(rest) != 1:
            return None
        known = {f: c.given_gender.get(f) or _gender_of(f) for f in c.given}
        fits = [f for f, g in known.items() if g == hint]
        if len(fits) == 1 and c.shared:
            return self._cluster(f"n:{c.given[fits[0]].lower()}", c.given[fits[0]], "person")
        if known and all(g and g != hint for g in known.values()):
            return Cluster(id=-1, name="", kind="person")
        if not known and c.gender and c.gender != hint:
            return Cluster(id=-1, name="", kind="person")
        return None
