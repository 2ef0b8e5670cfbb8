"""What every extraction pass reads: the text, its Doc, paragraphs, quotation marks, block quotes and the
speaker book, with small parse helpers (subject of a cue, agentive sources, trimming spans).

The context is read-only once built (:func:`newsprism.quotes.extract.build_context`); passes only read it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from newsprism.lexicons.speech import PREP_FRAMES, is_cue
from newsprism.quotes.lexicon import ANONYMOUS_HEADS, DOCUMENT_NOUNS, HUMAN_NOUNS, TITLES
from newsprism.quotes.marks import MarkSpan, find_marks, paragraphs
from newsprism.quotes.speakers import SpeakerBook

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

QUANTITY_HEADS = frozenset(
    ["number", "lot", "group", "majority", "some", "many", "dozens", "handful", "couple", "few", "most", "several"]
)
NON_AGENT_PRONOUNS = frozenset(["it", "this", "that", "which", "what", "i", "we", "you", "me", "us"])
TITLE_WORDS = frozenset(
    w for t in TITLES for w in t.split()
)  # words allowed between a quotation and its cue ("," said the former governor.)


def words(s: str) -> int:
    return len(re.findall(r"\w+", s))


def subject_of(v: Token) -> Token | None:
    """The subject of a reporting verb, climbing conj/advcl/xcomp links; the agent of a passive."""
    h = v
    for _ in range(4):
        for c in h.children:
            if c.dep_ in ("nsubj", "nsubjpass", "csubj") and c.pos_ in ("PROPN", "NOUN", "PRON"):
                if c.i > h.i and h.tag_ == "VBG":
                    continue  # "stating Mexico is ...": the noun belongs to the reported clause
                if c.lower_ in ("who", "that") and h.dep_ == "relcl":
                    return h.head
                if c.lemma_.lower() in QUANTITY_HEADS:  # "a number of attendees said"
                    for p in c.children:
                        if p.dep_ == "prep" and p.lower_ == "of":
                            objs = [g for g in p.children if g.dep_ == "pobj"]
                            if objs:
                                return objs[0]
                return c
            if c.dep_ == "agent":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if h.dep_ in ("conj", "advcl", "xcomp", "csubj", "pcomp", "acl", "dep") and h.head.i != h.i:
            h = h.head
        else:
            break
    if v.tag_ == "VBG":  # ", stating ...": the main clause's subject speaks
        if v.dep_ == "acl" and v.head.pos_ == "NOUN" and v.head.lemma_.lower() not in DOCUMENT_NOUNS:
            return None  # "despite the facility telling him …": the noun tells, not the main subject (issue 19)
        if v.dep_ == "acl" and v.head.pos_ == "NOUN" and v.head.dep_ == "pobj":
            return v.head  # "reports of a letter telling officials that …": the letter, not the main subject's own
            # statement ("Harris released a statement saying …" stays Harris's) (issue 19, round 4)
        root = v.sent.root
        for c in root.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i < v.i:
                return c
    return None


def frame_prep(c: Token) -> bool:
    """A preposition right after its cue that belongs to the cue's frame ("talked about", "pointed to")."""
    h = c.head
    return c.dep_ == "prep" and c.i == h.i + 1 and c.lower_ in PREP_FRAMES.get(h.lemma_.lower(), ())


def according_object(tok: Token) -> Token | None:
    """The object of "according to"."""
    for c in tok.children:
        if c.lower_ == "to":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == "to" and nxt.i + 1 < len(tok.doc):
        cand = [g for g in nxt.children if g.dep_ == "pobj"]
        return cand[0] if cand else None
    return None


def agentive(subj: Token | None, speech: bool = False) -> bool:
    """Can this subject report speech? Names, personal pronouns, people and bodies of people.

    With a speech verb (say, tell, report...) any noun may speak ("the report says").
    """
    if subj is None:
        return False
    if subj.pos_ == "PRON":
        return subj.lower_ not in NON_AGENT_PRONOUNS
    if speech and subj.pos_ == "NOUN":
        return True
    if subj.pos_ == "PROPN" or subj.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    lem = subj.lemma_.lower()
    return lem in HUMAN_NOUNS or lem in ANONYMOUS_HEADS or lem in TITLE_WORDS or subj.lower_ in HUMAN_NOUNS


# "WASHINGTON —", "NEW YORK (AP) —", "LONDON, England —" at a paragraph's start
DATELINE = re.compile(r"[A-Z][A-Z.' ]*[A-Z.](?:,\s*[A-Z][\w.' ]{0,25})?(?:\s*\([^)]{1,30}\))?\s*[—–]+\s*")


class Context:
    """Text, Doc, paragraphs, quotation marks and (after :meth:`set_blocks`) block quotes and speakers."""

    def __init__(self, text: str, doc: Doc) -> None:
        self.text = text
        self.doc = doc
        self.paras = paragraphs(text)
        self.marks: list[MarkSpan] = find_marks(text)
        self._para_starts = [s for s, _ in self.paras]
        self._index_marks()
        # (intro paragraph, block start, block end, is an outlet's report, intro cue)
        self.blocks: list[tuple[int, int, int, bool, Token]] = []
        self.person_blocks: list[tuple[int, int]] = []
        self.book: SpeakerBook | None = None
        # a partial quotation's cue and source depend only on its sentence: found once per sentence (issue 24)
        self.sentence_sources: dict[int, tuple[Token, Token] | None] = {}
        self.possessors: dict[int, Token | None] = {}  # by token index: the same (issue 24)

    def set_blocks(self, blocks: list[tuple[int, int, int, bool, Token]]) -> None:
        """Record the block quotes; marks inside a person's block are part of the speech, not quotations."""
        self.blocks = blocks
        self.person_blocks = [(s, e) for _, s, e, outlet, _ in blocks if not outlet]
        self.marks = [m for m in self.marks if not any(s <= m.start < e for s, e in self.person_blocks)]
        self._index_marks()
        exclude = [(m.start, m.end) for m in self.marks] + self.person_blocks
        self.book = SpeakerBook(self.text, self.doc, exclude=exclude)

    @property
    def speakers(self) -> SpeakerBook:
        assert self.book is not None, "set_blocks() builds the speaker book"
        return self.book

    def _index_marks(self) -> None:
        """Mark starts for binary search (issue 24: scanning every mark per token made the stage quadratic on
        texts full of quotation marks). find_marks gives sorted, non-overlapping marks; anything else keeps
        the plain scans (``_mark_starts`` None)."""
        ordered = all(a.end <= b.start for a, b in zip(self.marks, self.marks[1:], strict=False))
        self._mark_starts: list[int] | None = [m.start for m in self.marks] if ordered else None

    @property
    def sorted_marks(self) -> bool:
        """True when the marks are sorted and disjoint (always, from find_marks): binary search applies."""
        return self._mark_starts is not None

    def _mark_at(self, pos: int) -> MarkSpan | None:
        """The last mark starting at or before ``pos`` (needs ``_mark_starts``)."""
        assert self._mark_starts is not None
        k = bisect_right(self._mark_starts, pos) - 1
        return self.marks[k] if k >= 0 else None

    def in_marks(self, pos: int) -> bool:
        if self._mark_starts is not None:
            m = self._mark_at(pos)
            return m is not None and pos < m.end
        return any(m.start <= pos < m.end for m in self.marks)

    def in_person_block(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.person_blocks)

    def cue_tokens(self, start: int, end: int, *, stance: bool = False) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return []
        return [
            t
            for t in span
            if t.pos_ in ("VERB", "AUX")
            and is_cue(t.lemma_, stance=stance)
            and not self.in_marks(t.idx)
            and t.lemma_.lower() != "be"
        ]

    def speaker_for(self, cue: Token) -> Token | None:
        subj = subject_of(cue)
        if subj is None and cue.tag_ in ("VBD", "VBZ", "VBP"):
            # "said Ken Cuccinelli" with a broken parse: the next proper noun or pronoun
            nxt = cue.nbor(1) if cue.i + 1 < len(self.doc) else None
            if nxt is not None and nxt.pos_ in ("PROPN", "PRON"):
                head = nxt
                while head.dep_ in ("compound", "flat") and head.head.i > head.i:
                    head = head.head
                subj = head
        if subj is not None and self.in_marks(subj.idx):
            # "“… the things he did,” said Senator Lindsey Graham": a noun of the quotation the parser also hung
            # on the cue is not its subject; the subject after the cue, outside the marks, is (issue 19)
            subj = next(
                (
                    c
                    for c in cue.children
                    if c.dep_ in ("nsubj", "nsubjpass")
                    and c.i > cue.i
                    and c.pos_ in ("PROPN", "NOUN", "PRON")
                    and not self.in_marks(c.idx)
                ),
                None,
            )
        return subj

    def lemma_at(self, pos: int) -> str:
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        return span[0].lemma_ if span is not None and len(span) else ""

    def sentence(self, pos: int) -> Span | None:
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        return span[0].sent if span is not None and len(span) else None

    def para_of(self, pos: int) -> int:
        """The paragraph holding ``pos`` (its end included); ValueError for an offset between paragraphs."""
        k = bisect_right(self._para_starts, pos) - 1  # paragraphs are sorted and disjoint (issue 24: no scan)
        if k < 0 or pos > self.paras[k][1]:
            raise ValueError(f"offset {pos} is in no paragraph")
        return k

    def trim(self, s: int, e: int) -> tuple[int, int]:
        t = self.text
        while s < e and (t[s].isspace() or t[s] in ",;:—–-"):
            s += 1
        if s == 0 or t[s - 1] == "\n":  # a paragraph's dateline is the outlet's, not the reported words
            m = DATELINE.match(t, s, min(e, s + 80))
            if m is not None:
                s = m.end()
        while e > s and (t[e - 1].isspace() or t[e - 1] in ".,;:—–-"):
            e -= 1
        return s, e

    def extend_marks(self, s: int, e: int) -> tuple[int, int]:
        """Widen a reported clause to whole quotation marks it cuts through."""
        if self._mark_starts is not None and s <= e:
            # sorted, disjoint marks: only the mark holding s and the last one starting before e can apply, in
            # this order (the same result as the scan below, in O(log n); issue 24)
            k = bisect_left(self._mark_starts, s) - 1
            last = bisect_left(self._mark_starts, e) - 1
            for m in [self.marks[i] for i in sorted({k, last}) if i >= 0]:
                if m.start < e <= m.end and m.start >= s:
                    e = m.end
                if m.start < s < m.end and m.end <= e:
                    s = m.start
            return s, e
        for m in self.marks:
            if m.start < e <= m.end and m.start >= s:
                e = m.end
            if m.start < s < m.end and m.end <= e:
                s = m.start
        return s, e
