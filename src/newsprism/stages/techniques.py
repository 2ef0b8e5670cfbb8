"""The ``techniques`` stage: PTC persuasion techniques with explanations and neutral wording."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from newsprism.nlp.embed import model_files
from newsprism.provenance import shipped
from newsprism.registry import Work, stage

if TYPE_CHECKING:
    from newsprism.nlp.encoder import SentenceStates
    from newsprism.options import Options


def _models(options: Options) -> dict[str, Path]:
    """The model files ``TechniquesModel.load`` reads, the neutral-wording lexicon(s) and MiniLM."""
    from newsprism.techniques.neutral import LEXICON_PATH

    if options.techniques_model == "tagger":
        files = shipped(*(f"techniques/tagger/{f}" for f in ("meta.json", "tagger.onnx", "tc_coef.npy")))
    else:
        files = shipped(*(f"techniques/{f}" for f in ("meta.json", "si_coef.npy", "tc_coef.npy")))
        files.update(
            {
                k: p
                for k, p in shipped(
                    "techniques/tc_emb_coef.npy", "techniques/si_gate_coef.npy", "techniques/shown_calibrator.json"
                ).items()
                if p.exists()
            }
        )
    files.update(shipped("techniques/lexicon_scores.json"))  # per-row lexicon span scores (both models)
    files["package:lexicons/neutral.tsv"] = LEXICON_PATH
    if options.neutral_lexicon:
        files["user:neutral_lexicon"] = Path(options.neutral_lexicon)
    return {**files, **model_files(options.embedding_model, "minilm", compute=options.encoder_compute)}


@stage(
    "techniques",
    requires=("sentences", "quotes", "doc"),
    produces=("techniques", "technique_summary"),
    version="7",  # 7: the linear model's span calibrator scores every detection and sets its shown cut (issue 27)
    per_article=True,
    models=_models,
)
def techniques_stage(work: Work, options: Options) -> None:
    """Persuasion techniques (14 PTC classes), spans, calibrated scores, explanations, neutral wording."""
    from newsprism.techniques.stage import analyse

    if work.doc is None:
        return
    if options.techniques_model == "tagger":
        from newsprism.nlp.encoder import sentence_encodings

        # the encoder pass claims/slant/frames share (Work.cache): sentence vectors and intermediate token states
        states = sentence_encodings([work], options)[0]
        analyse(work.article, work.doc, options.neutral_lexicon, which="tagger", states=states)
        return
    from newsprism.nlp.shared import sentence_embeddings

    vectors = sentence_embeddings([work], options)[0]  # shared with claims/slant/frames via Work.cache
    span_states: list[SentenceStates] | None = None
    if shipped_model_reads_states():
        from newsprism.nlp.encoder import sentence_encodings

        span_states = sentence_encodings([work], options)[0]  # the same pass's states: spans are not re-embedded
    analyse(work.article, work.doc, options.neutral_lexicon, states=span_states, sentence_vectors=vectors)


def shipped_model_reads_states() -> bool:
    """The shipped linear model classifies spans from encoder states (``meta["tc_span_vector"]``)."""
    from newsprism.techniques.model import shipped_model

    return shipped_model().span_states
