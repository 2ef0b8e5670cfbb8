"""Speaker resolution: each kept candidate's source token becomes a canonical speaker (name, title, pronoun,
organisation, outlet, anonymous source) and PolNeAR's whole source phrase."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.quotes.context import QUANTITY_HEADS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsprism.quotes.candidate import Candidate
    from newsprism.quotes.context import Context
    from newsprism.quotes.speaker_names import Resolved


def resolve_speakers(ctx: Context, quotes: list[Candidate]) -> None:
    """Fill ``speaker`` and ``source_start``/``source_end``; sources are resolved left to right so each
    pronoun sees the speakers before it (one resolution per source token)."""
    done: dict[int, Resolved | None] = {}
    _inherit_outer(quotes)
    ctx.speakers.set_contents([(q.start, q.end) for q in quotes])
    for q in sorted((q for q in quotes if q.subj is not None), key=lambda q: q.subj.i if q.subj else 0):
        assert q.subj is not None
        if q.subj.i not in done:
            done[q.subj.i] = ctx.speakers.resolve(q.subj, avoid=(q.start, q.end))
        q.speaker = done[q.subj.i]
        q.extra["source_start"], q.extra["source_end"] = source_span(ctx.text, q.subj)


def _inherit_outer(quotes: list[Candidate]) -> None:
    """A partial quotation inside reported speech is that speech's words: it takes the source and cue of the
    indirect quotation around it ("Medel said … that the terminations “were unilateral”"), not another cue of the
    sentence (issue 19, round 2: a header's "they" had been its speaker)."""
    outers = sorted((q for q in quotes if q.kind == "indirect" and q.subj is not None), key=lambda q: q.end - q.start)
    for q in quotes:
        if q.kind != "partial":
            continue
        outer = next((o for o in outers if o.start <= q.start and q.end <= o.end), None)
        by_possessor = q.subj is not None and q.cue is None  # "Sanders' claim of “…”" stays Sanders'
        if outer is not None and outer.subj is not q.subj and not by_possessor:
            q.subj, q.cue = outer.subj, outer.cue


def source_span(text: str, subj: Token) -> tuple[int, int]:
    """The whole source noun phrase as written ("Donna Brazile, the interim chairwoman of the DNC"),
    PolNeAR's notion of a source; ``speaker`` keeps the short mention."""
    head = subj
    if head.head.dep_ == "prep" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in QUANTITY_HEADS:
        head = head.head.head
    if head.pos_ == "PRON":
        return head.idx, head.idx + len(head.text)
    toks = list(head.subtree)
    s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    while e > s and text[e - 1] in ",;:—–- ":
        e -= 1
    return s, e
