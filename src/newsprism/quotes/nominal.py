"""Passes where a noun is the cue: nominal cues ("Trump's attacks on Clinton", "his decision to run",
"allegations that …") and documents leading a sentence ("In a new poll, Clinton leads …")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsprism.lexicons.speech import NOMINAL_CUES, SPEECH_NOUNS, is_cue
from newsprism.quotes.candidate import Candidate
from newsprism.quotes.context import NON_AGENT_PRONOUNS, words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newsprism.quotes.context import Context

NOMINAL_PREPS = frozenset(["of", "on", "to", "for", "about", "against", "toward", "towards", "with"])
TIME_ENTS = frozenset(["DATE", "TIME", "CARDINAL", "ORDINAL", "GPE", "LOC", "FAC", "EVENT"])
# "In a new poll, …": documents and findings that speak for their authors
RECORD_SOURCES = frozenset(
    ["poll", "survey", "study", "report", "analysis", "memo", "letter", "statement", "filing", "op-ed", "essay",
     "editorial", "column", "book", "memoir", "complaint", "lawsuit", "tweet", "post", "ad", "advertisement"]
)  # fmt: skip


def _clause_like(tok: Token) -> bool:
    """A that-clause or to-infinitive hanging from a noun ("the claim that …", "his decision to run")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    first = tok.left_edge
    return first.lower_ in ("that", "to") or any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _quoted(text: str) -> bool:
    """The content holds a quotation mark: "his claim of “a rigged vote”" gives the words, not a topic."""
    return any(m in text for m in ('"', "“", "”"))


def nominal_candidates(ctx: Context) -> list[Candidate]:
    """Nominal cues: the possessor is the source (none: a sourceless attribution, only with a that-clause);
    the content is the noun's clause ("that …", "to …") or the object of its preposition ("criticism of X").
    A noun inside reported words belongs to that attribution (the merge drops it: ``guard_also``)."""
    out: list[Candidate] = []
    for tok in ctx.doc:
        lem = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or lem not in NOMINAL_CUES or ctx.in_marks(tok.idx) or ctx.in_person_block(tok.idx):
            continue
        kids = [c for c in tok.children if c.i > tok.i]
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.i < tok.i), None)
        clause = next((c for c in kids if c.dep_ in ("acl", "ccomp") and _clause_like(c)), None)
        prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ in NOMINAL_PREPS), None)
        content: Token | None = clause
        if content is None and prep is not None and owner is not None:
            objs = [o for o in prep.children if o.dep_ in ("pobj", "pcomp") and o.ent_type_ not in TIME_ENTS]
            content = objs[0] if objs else None
        if content is None or (owner is None and clause is None):
            continue
        if owner is not None and owner.lower_ in NON_AGENT_PRONOUNS | {"its"}:
            continue
        s, e = ctx.trim(content.left_edge.idx, content.right_edge.idx + len(content.right_edge.text))
        s, e = ctx.extend_marks(s, e)
        if words(ctx.text[s:e]) < 2:
            continue
        extra: dict[str, Any] = {"nominal": True}
        if lem not in SPEECH_NOUNS or (content is not clause and not _quoted(ctx.text[max(0, s - 1) : e + 1])):
            extra["attitude"] = True  # "claims about voter fraud": the topic or target, not the words (session 8)
        if owner is None:
            extra["sourceless"] = True
        guard_also = (tok.idx, tok.idx + len(tok.text))
        out.append(
            Candidate(
                "indirect",
                s,
                e,
                subj=owner,
                cue=tok,
                event=len(out) + 1,
                extra=extra,
                guard_also=guard_also,
                rule="nominal",
            )
        )
    return out


def record_candidates(ctx: Context) -> list[Candidate]:
    """ "In a new poll, Clinton leads by 10 points." / "In his letter, …": a sentence led by "in" + a
    poll, study or document is its content; the document is the source and "In" the cue."""
    out: list[Candidate] = []
    for sent in ctx.doc.sents:
        first = next((t for t in sent if not t.is_punct and not t.is_space), None)
        if first is None or first.lower_ != "in" or ctx.in_marks(first.idx) or ctx.in_person_block(first.idx):
            continue
        objs = [o for o in first.children if o.dep_ == "pobj" and o.lemma_.lower() in RECORD_SOURCES]
        if not objs:
            continue
        after = first.right_edge.i + 1
        if after >= sent.end:
            continue
        s, e = ctx.extend_marks(*ctx.trim(ctx.doc[after].idx, sent.end_char))
        if words(ctx.text[s:e]) < 3 or _speaker_line(ctx, sent):
            continue
        q = Candidate(
            "indirect", s, e, subj=objs[0], cue=first, event=len(out) + 1, extra={"in_record": True}, rule="record"
        )
        out.append(q)
    return out


def _speaker_line(ctx: Context, sent: Span) -> bool:
    """ "In a letter released on Friday, the association said:": a line that introduces the quotation after it, whose
    own content is that quotation, not the rest of the line (issue 19, round 2)."""
    if not ctx.text[sent.start_char : sent.end_char].rstrip().endswith(":"):
        return False
    return any(t.dep_ == "ROOT" and is_cue(t.lemma_.lower()) for t in sent)
