"""The ``tone`` stage: tone and stance (author / quoted voice) toward each person/organisation mentioned."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from newsprism.errors import ModelError
from newsprism.provenance import shipped
from newsprism.registry import Work, stage

if TYPE_CHECKING:
    from newsprism.options import Options


def _models(options: Options) -> dict[str, Path]:
    """VADER's two lexicon files (what ``SentimentIntensityAnalyzer()`` reads) and, with ``tone_model = "head"``,
    the learned head (``newsprism train tone``) and MiniLM, whose encoder states it reads."""
    from newsprism.nlp.embed import model_files

    spec = importlib.util.find_spec("vaderSentiment")
    if spec is None or not spec.submodule_search_locations:
        raise ModelError("E030", name="vaderSentiment", reason="not installed (pip install vaderSentiment)")
    base = Path(next(iter(spec.submodule_search_locations)))
    head = (
        shipped("tone/head.json") | model_files("minilm", compute=options.encoder_compute)
        if options.tone_model == "head"
        else {}
    )
    return {f"vader:{f}": base / f for f in ("vader_lexicon.txt", "emoji_utf8_lexicon.txt")} | head


@stage(
    "tone",
    requires=("sentences", "entities", "quotes", "doc"),
    produces=("tone",),
    version="3",
    per_article=True,
    models=_models,
)
def tone_stage(work: Work, options: Options) -> None:
    """Tone per target (name variants grouped): score, label and evidence clauses with role-aware VADER weights
    (label and score from the learned head with ``tone_model = "head"``); stance from the cues that judge it, the
    writer's voice apart from each quoted speaker's."""
    from newsprism.tone.head import load_head
    from newsprism.tone.score import tone

    head = load_head() if options.tone_model == "head" else None
    states = None
    if head is not None and head.get("state_dim"):
        from newsprism.nlp.encoder import sentence_encodings

        states = sentence_encodings([work], options)[0]  # the encoder pass claims/slant/frames/techniques share
    work.article.tone = tone(work.article, work.doc, head=head, states=states)
