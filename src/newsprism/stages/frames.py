"""The ``frames`` stage: Policy Frames Codebook frames per sentence and per article."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.nlp.embed import model_files
from newsprism.registry import Work, stage

if TYPE_CHECKING:
    from pathlib import Path

    from newsprism.options import Options


def _models(options: Options) -> dict[str, Path]:
    # newsprism.frames.score embeds with the default model, whatever the option
    return model_files("minilm", compute=options.encoder_compute)


@stage(
    "frames",
    requires=("sentences",),
    produces=("frames", "sentences.frame", "sentences.frame_score"),
    version="2",
    per_article=True,
    models=_models,
)
def frames_stage(work: Work, options: Options) -> None:
    """15 policy frames from MiniLM prototype similarity + seed phrases, with evidence sentences."""
    from newsprism.frames.score import frames
    from newsprism.nlp.shared import sentence_embeddings

    # the shared encoder pass, when it is the MiniLM the prototypes were embedded with
    shared = work.article.sentences and options.embedding_model == "minilm"
    vectors = sentence_embeddings([work], options)[0] if shared else None
    work.article.frames = frames(work.article, vectors)
