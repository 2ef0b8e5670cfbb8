"""What made an article's output: the newsprism version, the ingest step and, per stage, its version and
model-file hashes.

Ingestion declares its own version and model files (the boilerplate line classifier) in
:mod:`newsprism.ingest.provenance`; they go to ``Provenance.ingest``.

Each stage declares the model files it reads (``models=`` in :func:`newsprism.registry.stage`): paths relative to
the package's ``models/`` directory, or a callable ``(options) -> {entry: path}`` for files found elsewhere (the
spaCy pipeline, the MiniLM ONNX model). A directory is hashed as a whole (every file's relative path and
sha256). Hashes are computed once per process.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from newsprism.errors import ModelError
from newsprism.model import Provenance, StageProvenance

if TYPE_CHECKING:
    from newsprism.options import Options
    from newsprism.registry import StageInfo

MODELS_DIR = Path(__file__).resolve().parent / "models"
_CHUNK = 1 << 20


def file_sha256(path: Path) -> str:
    """sha256 of one file, read in chunks (uncached: a file rebuilt in place gets its new digest)."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


@lru_cache(maxsize=512)
def sha256_of(path: Path) -> str:
    """sha256 of a file, or of a directory as ``relative path NUL sha256`` lines of its files (caches skipped)."""
    if path.is_file():
        return file_sha256(path)
    if not path.is_dir():
        raise ModelError("E030", name=str(path), reason="model file not found (declared by a stage's models=)")
    h = hashlib.sha256()
    for f in sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(f"{f.relative_to(path).as_posix()}\0{file_sha256(f)}\n".encode())
    return h.hexdigest()


def shipped(*relative: str) -> dict[str, Path]:
    """``{path relative to models/: path}`` for files shipped in the package's ``models/`` directory."""
    return {rel: MODELS_DIR / rel for rel in relative}


def model_paths(info: StageInfo, options: Options) -> dict[str, Path]:
    """``{entry: path}`` of the model files ``info`` reads under ``options``."""
    if callable(info.models):
        return dict(info.models(options))
    return shipped(*info.models)


def _hashed(version: str, paths: dict[str, Path]) -> StageProvenance:
    return StageProvenance(version=version, models={e: sha256_of(p.resolve()) for e, p in sorted(paths.items())})


def stage_provenance(info: StageInfo, options: Options) -> StageProvenance:
    return _hashed(info.version, model_paths(info, options))


def ingest_provenance(options: Options) -> StageProvenance:
    """The ingest step's version and the sha256 of the model files it reads under ``options``."""
    from newsprism.ingest.provenance import VERSION, ingest_models

    return _hashed(VERSION, ingest_models(options))


def pipeline_provenance(stages: list[StageInfo], options: Options | None = None) -> Provenance:
    """Provenance of a run of ``stages`` (in order) with ``options`` (default: :func:`load_options`)."""
    import newsprism
    from newsprism.options import load_options

    opts = options or load_options()
    return Provenance(
        newsprism=newsprism.__version__,
        ingest=ingest_provenance(opts),
        stages={info.name: stage_provenance(info, opts) for info in stages},
    )


def fingerprint(p: Provenance) -> str:
    """Stable sha256 hex of a provenance (stage order included): equal iff the same ingest step, stages, versions
    and files."""
    data = {
        "newsprism": p.newsprism,
        "ingest": p.ingest.model_dump(mode="json") if p.ingest is not None else None,
        "stages": [[k, v.model_dump(mode="json")] for k, v in p.stages.items()],
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True, separators=(",", ":")).encode()).hexdigest()
