"""Pronoun and role-description antecedents of speaker resolution: he/she resolved to the most salient compatible
person, they/it to an organisation, outlet or unnamed source that just spoke, and "the Wisconsin lawmaker" to the
person named before; unattributed when another candidate could be meant.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import TYPE_CHECKING

from newsprism.quotes.sentences import three_sentences
from newsprism.quotes.speaker_names import (
    PERSONAL,
    PLURAL,
    SPEAKER_WINDOW,
    SUBJECT_DEPS,
    WINDOW_CHARS,
    Cluster,
    NameBook,
    NameMention,
    _collective,
    _gender_of,
    _surname_like,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


class PronounBook(NameBook):
    """Speaker names plus the antecedents of pronouns and role descriptions (reported words are no candidates)."""

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
            if self._overtaken(pick, cands + self._org_speakers(start)) or self._unnamed_subject_after(pick, start):
                return None  # two people it could be: unattributed rather than the wrong mouth (issue 19)
            if self._rival_nearby(pick, known, tok) or self._unknown_subject_near(pick, cands, tok):
                return None  # two he's or two she's named in the sentences just before (round 6)
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

    def _rival_nearby(self, pick: NameMention, known: list[NameMention], tok: Token) -> bool:
        """Another person of the pronoun's gender is named (outside reported words) in the pronoun's sentence or
        the two before it, after the pick ("Reed met Mark Cole. … he said") or when the pick was itself named only
        in passing: ambiguous. A rival named in the sentence where the pick spoke is not ("“…,” Reed said of
        Cole. “…,” he added" is Reed); a rival subject before the pick is not (the later subject is meant)."""
        sent = tok.sent
        lo = three_sentences(tok).start_char
        pick_span = self.doc.char_span(pick.start, pick.end, alignment_mode="expand")
        after = pick_span.sent.end_char if pick_span is not None else pick.end
        if any(m.cluster == pick.cluster and m.subject and sent.start_char <= m.start < tok.idx for m in known):
            return False  # "Reed alluded to Cole when he asserted …": the subject of the pronoun's own sentence
        weak = not (pick.subject or pick.speaker)  # the pick itself was only named in passing
        return any(
            m.cluster != pick.cluster
            and lo <= m.start < tok.idx
            and not self._reported(m.start)
            and (weak or (m.start > pick.end and not (pick.speaker and m.start < after)))
            and not self._possessor(m)
            for m in known
        )

    def _unknown_subject_near(self, pick: NameMention, cands: list[NameMention], tok: Token) -> bool:
        """The pick was only named in passing (an object, a name in a prepositional phrase) while a person of
        unknown gender is a subject in the pronoun's sentence or the two before ("Kerry Vance met Tom Reed. “…,”
        he said"): either could be meant (session 8, issue 19, round 7)."""
        if pick.subject or pick.speaker:
            return False
        lo = three_sentences(tok).start_char
        return any(
            m.cluster != pick.cluster
            and m.subject
            and not self.clusters[m.cluster].gender
            and lo <= m.start < tok.idx
            and not self._reported(m.start)
            for m in cands
        )

    def _possessor(self, m: NameMention) -> bool:
        """The mention owns a noun ("Harris's press secretary"): a possessor is talked about, not a candidate."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and (span.root.dep_ == "poss" or span[-1].text in ("’s", "'s", "’", "'"))

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

    def _unnamed_subject_after(self, pick: NameMention, start: int) -> bool:
        """A one-word name the entity tagger missed or mislabelled ("Cole disagreed.", tagged a product) is the
        subject of a clause between the antecedent and the pronoun: it could be the one meant (session 8)."""
        span = self.doc.char_span(pick.end, start, alignment_mode="contract")
        return span is not None and any(
            t.pos_ == "PROPN"
            and t.dep_ in SUBJECT_DEPS
            and t.ent_type_ in ("", "PERSON", "PRODUCT", "WORK_OF_ART")
            and t.text.isalpha()
            and t.text[:1].isupper()
            and not t.text.isupper()
            and f"p:{t.lower_}" not in self.by_key
            and not any(c.dep_ == "compound" for c in t.children)
            and not self._reported(t.idx)
            for t in span
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

    def _description(self, start: int) -> Cluster | None:
        """A definite role description ("the Wisconsin lawmaker") refers back to a person named before it:
        the one most recently mentioned as a subject or speaker, when no other person was mentioned after them."""
        group = [m for m in self._recent(start) if m.end <= start and self.clusters[m.cluster].kind == "person"]
        pool = [m for m in group if m.speaker or m.subject]
        if not pool:
            return None
        pick = pool[-1]
        c = self.clusters[pick.cluster]
        return None if c.shared or self._overtaken(pick, group) else c
