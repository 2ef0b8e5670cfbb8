"""The ``quotes`` stage: direct, partial, block and indirect quotations with resolved speakers,
cue verbs and their class, and groups of quotations that render one utterance (fidelity)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from newsprism.provenance import shipped
from newsprism.quotes.build import quotes_for
from newsprism.quotes.fidelity import group_quotes
from newsprism.registry import Work, stage

if TYPE_CHECKING:
    from newsprism.options import Options

log = logging.getLogger(__name__)


def _transcript(options: Options, work: Work) -> str | None:
    ref = getattr(options, "transcript", None)
    if not ref:
        return None
    path = Path(ref)
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        work.article.warn("W070", f"cannot read transcript {ref}: {exc}")
        return None


def _models(options: Options) -> dict[str, Path]:
    """The attribution-confidence model (``newsprism train quotes``) that decides which quotes are shown."""
    return shipped("quotes/confidence.json")


@stage(
    "quotes",
    requires=("doc",),
    produces=("quotes", "quote_groups", "speakers"),
    version="2",
    per_article=True,
    models=_models,
)
def quotes_stage(work: Work, options: Options) -> None:
    """Quotations (direct, partial, block, indirect) with resolved speakers, cue classes and fidelity groups."""
    art = work.article
    if work.doc is None:
        return
    quotes, speakers = quotes_for(art, work.doc)
    art.quotes = quotes
    art.speakers = speakers
    transcript = _transcript(options, work)
    art.quote_groups = group_quotes([(art.id, q) for q in quotes], transcript)
