"""The ``claims`` stage: check-worthiness and subjectivity for every sentence, and the check-worthy claims
(clause-level where a sentence joins a fact and an opinion) with numbers, dates, entities, hedges, sourcing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from newsprism.errors import ModelError
from newsprism.nlp.embed import model_files
from newsprism.provenance import MODELS_DIR, shipped
from newsprism.registry import Work, stage

if TYPE_CHECKING:
    from newsprism.options import Options


def _models(options: Options) -> dict[str, Path]:
    """meta.json and the files of every base model it lists (what ``ClaimsModel.load`` reads), plus MiniLM."""
    meta_path = MODELS_DIR / "claims" / "meta.json"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        bases = [b for head in meta["heads"].values() for b in head["bases"]]
        files = [f"{b['stem']}_coef.npy" for b in bases]
        files += [f"{b['stem']}_{part}" for b in bases if b["kind"] != "embed" for part in ("vocab.json", "idf.npy")]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError("E081", path=meta_path.parent, reason=str(exc)) from exc
    return {
        **shipped("claims/meta.json", *(f"claims/{f}" for f in files)),
        **model_files(options.embedding_model, "minilm", compute=options.encoder_compute),
    }


@stage(
    "claims",
    requires=("sentences", "entities", "quotes", "doc"),
    produces=(
        "claims",
        "sentences.checkworthiness",
        "sentences.subjectivity",
        "sentences.headline",
        "sentences.kind",
        "sentences.kind_reason",
        "sentences.fact",
    ),
    version="7",  # 4: issue 26 numbers/dates; 5: counts_subject, date subject; 6: "his 30s"; 7: round-4 rules
    models=_models,
)
def claims_stage(batch: list[Work], options: Options) -> None:
    """Each sentence's kind (claim, opinion, mixed, other) and scores; the claims with proposition, numbers,
    dates, entities, hedges and source."""
    from newsprism.claims.stage import annotate

    annotate(batch, options=options)
