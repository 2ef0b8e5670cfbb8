"""The ``frames`` stage: Policy Frames Codebook frames per sentence and per article."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.registry import Work, stage

if TYPE_CHECKING:
    from newsprism.options import Options


@stage("frames", requires=("sentences",), produces=("frames",), version="2", per_article=True)
def frames_stage(work: Work, options: Options) -> None:
    """15 policy frames from MiniLM prototype similarity + seed phrases, with evidence sentences."""
    from newsprism.frames.score import frames

    work.article.frames = frames(work.article)
