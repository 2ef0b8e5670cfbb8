"""What ingestion declares for provenance: its version and the model files it reads.

Ingestion is not a registered stage, but what it writes (``text`` without the boilerplate lines, ``boilerplate``)
depends on the boilerplate line classifier (``models/boilerplate/line_model.json``, read for plain-text inputs
when the ``boilerplate`` option is on). :func:`newsprism.provenance.pipeline_provenance` records both in
``Article.provenance.ingest``, so the store's fingerprint changes with them as with a stage's files.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from newsprism.ingest.boilerplate import MODEL_PATH

if TYPE_CHECKING:
    from newsprism.options import Options

VERSION = "1"
"""Bump whenever ingestion's output (canonical text, removed boilerplate) changes for the same input."""


def ingest_models(options: Options) -> dict[str, Path]:
    """``{path relative to models/: path}`` of the model files ingestion reads under ``options``."""
    if not options.boilerplate:
        return {}
    return {"boilerplate/" + MODEL_PATH.name: MODEL_PATH}
