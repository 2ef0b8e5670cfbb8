"""The ``tone`` stage: VADER tone toward each person/organisation mentioned."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.registry import Work, stage

if TYPE_CHECKING:
    from newsprism.options import Options


@stage("tone", requires=("entities", "doc"), produces=("tone",), version="2", per_article=True)
def tone_stage(work: Work, options: Options) -> None:
    """Tone per target (name variants grouped): score, label and evidence clauses with role-aware VADER weights."""
    from newsprism.tone.score import tone

    work.article.tone = tone(work.article, work.doc)
