"""The ``techniques`` stage: PTC persuasion techniques with explanations and neutral wording."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.registry import Work, stage

if TYPE_CHECKING:
    from newsprism.options import Options


@stage("techniques", requires=("sentences", "doc"), produces=("techniques",), version="2", per_article=True)
def techniques_stage(work: Work, options: Options) -> None:
    """Persuasion techniques (14 PTC classes), spans, calibrated scores, explanations, neutral wording."""
    from newsprism.nlp.shared import sentence_embeddings
    from newsprism.techniques.stage import analyse

    if work.doc is None:
        return
    vectors = sentence_embeddings([work], options)[0]  # shared with claims/slant/frames via Work.cache
    analyse(work.article, work.doc, getattr(options, "neutral_lexicon", None), sentence_vectors=vectors)
