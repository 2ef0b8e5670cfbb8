"""The ``slant`` stage: article slant (left/center/right/uncertain), hyperpartisan, phrase evidence, sentence bias."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.nlp.embed import model_files
from newsprism.provenance import shipped
from newsprism.registry import Work, stage

if TYPE_CHECKING:
    from pathlib import Path

    from newsprism.options import Options


SLANT_FILES = (
    "phrases.json",
    "topic_phrases.json",
    "calibration.json",
    "allsides_vocab.json",  # the AllSides word 1-2-gram TF-IDF + LR (slant.baseline.model_files("allsides"))
    "allsides_idf.npy",
    "allsides_coef.npy",
    "allsides_intercept.npy",
    "babe.npz",
    "babe_char.npz",
    "babe_emb.npz",
    "babe_stack.json",
    "babe_lexicon.json",
    "hyperpartisan.npz",
    "hyperpartisan_char.npz",
    "hyperpartisan_emb.npz",
    "hyperpartisan_stack.json",
)  # what newsprism.slant.score loads (the char/emb models are read when calibration.json weighs them)


def _models(options: Options) -> dict[str, Path]:
    return {
        **shipped(*(f"slant/{f}" for f in SLANT_FILES)),
        **model_files(options.embedding_model, "minilm", compute=options.encoder_compute),
    }


@stage(
    "slant",
    requires=("sentences",),
    produces=("slant", "sentences.bias"),
    version="6",
    per_article=True,
    models=_models,
)
def slant_stage(work: Work, options: Options) -> None:
    """Slant score in [-1, 1] with log-odds phrase evidence, classifier label + confidence, BABE sentence bias."""
    from newsprism.nlp.shared import sentence_embeddings
    from newsprism.slant.score import sentence_bias, slant

    vectors = sentence_embeddings([work], options)[0] if work.article.sentences else None  # shared with claims/frames
    sentence_bias(work.article, vectors)  # first: the hyperpartisan head pools these sentence probabilities
    work.article.slant = slant(work.article, vectors)
