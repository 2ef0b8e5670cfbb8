"""Extract every quotation of an article from its text and spaCy Doc.

Independent passes each propose candidates (block quotes, quotation marks, transcripts and interviews,
sourceless attributions, cue verbs and "according to", nominal cues, documents, headline colons); one merge
keeps them by that precedence (:mod:`newsprism.quotes.merge`); quoted terms and speech acts are told apart
(:mod:`newsprism.quotes.classify`); then speakers are resolved (:mod:`newsprism.quotes.resolve`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.quotes.blocks import block_candidates, find_blocks, headline_candidates, interview_candidates
from newsprism.quotes.classify import classify
from newsprism.quotes.context import Context
from newsprism.quotes.indirect import sourceless_candidates, verb_candidates
from newsprism.quotes.marked import marked_candidates
from newsprism.quotes.merge import merge
from newsprism.quotes.nominal import nominal_candidates, record_candidates
from newsprism.quotes.resolve import resolve_speakers

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc

    from newsprism.quotes.candidate import Candidate

# Highest precedence first: a later pass's candidate is dropped where an earlier one already holds the text.
PASSES: tuple[Callable[[Context], list[Candidate]], ...] = (
    block_candidates,
    marked_candidates,
    interview_candidates,
    sourceless_candidates,
    verb_candidates,
    nominal_candidates,
    record_candidates,
    headline_candidates,
)


def build_context(text: str, doc: Doc) -> Context:
    """The read-only context of the passes: marks, block quotes and the speaker book (``doc`` comes from the nlp
    stage, cue-verb lemmas already repaired there)."""
    ctx = Context(text, doc)
    ctx.set_blocks(find_blocks(ctx))
    return ctx


def extract(text: str, doc: Doc) -> tuple[list[Candidate], Context]:
    """The kept quotations of ``text`` (sorted by offsets, speakers resolved) and the context they came from."""
    ctx = build_context(text, doc)
    quotes = merge([run(ctx) for run in PASSES])
    classify(ctx, quotes)
    resolve_speakers(ctx, quotes)
    return quotes, ctx
