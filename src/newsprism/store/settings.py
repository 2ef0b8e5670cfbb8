"""The store's analysis settings: every record in a store was made by one provenance (ingest, stages, versions,
models).

``store.json`` records the provenance and its fingerprint when the first ingest starts; every later ingest
(and repair) must have the same fingerprint, else it is refused with E125 naming what differs. A store
is never filled with differently-made records.
"""

from __future__ import annotations

from typing import Any

from newsprism.errors import StoreError
from newsprism.model import Provenance
from newsprism.provenance import fingerprint
from newsprism.store.layout import Store

FORMAT = 2  # store.json layout; 1 = stores before store.json existed


def describe_difference(old: dict[str, Any], new: dict[str, Any]) -> str:
    """What changed between two provenance dicts, in words (stage set, ingest and stage versions and model files,
    newsprism)."""
    old_st, new_st = old.get("stages", {}), new.get("stages", {})
    if list(old_st) != list(new_st):
        return f"stages {','.join(old_st) or '-'} -> {','.join(new_st) or '-'}"
    parts = _step_difference("ingest", old.get("ingest") or {}, new.get("ingest") or {})
    for name, was in old_st.items():
        parts += _step_difference(f"stage {name}", was, new_st[name])
    if old.get("newsprism") != new.get("newsprism"):
        parts.append(f"newsprism {old.get('newsprism')} -> {new.get('newsprism')}")
    return "; ".join(parts) or "provenance differs"


def _step_difference(label: str, was: dict[str, Any], now: dict[str, Any]) -> list[str]:
    """Version and model-file changes of one step (the ingest step or a stage)."""
    parts = []
    if was.get("version") != now.get("version"):
        parts.append(f"{label} version {was.get('version')} -> {now.get('version')}")
    for model in sorted(set(was.get("models", {})) | set(now.get("models", {}))):
        a, b = was.get("models", {}).get(model), now.get("models", {}).get(model)
        if a != b:
            parts.append(f"{label} model {model} {(a or 'none')[:12]} -> {(b or 'none')[:12]}")
    return parts


def check_settings(store: Store, provenance: Provenance, record: bool) -> str:
    """Return the fingerprint after checking it against the store's; ``record`` writes it into a new store."""
    current = fingerprint(provenance)
    prov = provenance.model_dump(mode="json")
    meta = store.meta()
    if meta is None:
        if store.ledger():
            raise StoreError(
                "E125", path=str(store.root), difference="the store was written before settings were recorded"
            )
        if record:
            store.write_meta({"format": FORMAT, "fingerprint": current, "provenance": prov})
        return current
    if meta.get("fingerprint") != current:
        raise StoreError("E125", path=str(store.root), difference=describe_difference(meta.get("provenance", {}), prov))
    return current
