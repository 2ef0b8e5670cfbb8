"""The ``claims`` stage: check-worthiness and subjectivity for every sentence, and the check-worthy claims
(clause-level where a sentence joins a fact and an opinion) with numbers, dates, entities, hedges, sourcing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.registry import Work, stage

if TYPE_CHECKING:
    from newsprism.options import Options


@stage(
    "claims",
    requires=("sentences", "entities", "doc"),
    produces=("claims", "checkworthiness", "subjectivity"),
    version="2",
)
def claims_stage(batch: list[Work], options: Options) -> None:
    """Check-worthy claims with type, numbers, dates, entities, hedges and sourcing; sentence scores."""
    from newsprism.claims.stage import annotate

    annotate(batch, options=options)
