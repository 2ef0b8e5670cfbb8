"""The ``slant`` stage: article slant (left/center/right/uncertain), hyperpartisan, phrase evidence, sentence bias."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.registry import Work, stage

if TYPE_CHECKING:
    from newsprism.options import Options


@stage("slant", requires=("sentences", "doc"), produces=("slant", "sentence_bias"), version="3", per_article=True)
def slant_stage(work: Work, options: Options) -> None:
    """Slant score in [-1, 1] with log-odds phrase evidence, classifier label + confidence, BABE sentence bias."""
    from newsprism.nlp.shared import sentence_embeddings
    from newsprism.slant.score import sentence_bias, slant

    vectors = sentence_embeddings([work], options)[0] if work.article.sentences else None  # shared with claims/frames
    work.article.slant = slant(work.article, vectors)
    sentence_bias(work.article, vectors)
