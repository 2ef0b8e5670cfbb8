"""Ingestion declares its version and the boilerplate model it reads; Article.provenance and the store follow them."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from newsprism.ingest import provenance as ingest_prov
from newsprism.ingest.boilerplate import MODEL_PATH
from newsprism.options import load_options
from newsprism.provenance import MODELS_DIR, fingerprint, pipeline_provenance
from newsprism.registry import get
from newsprism.store.settings import describe_difference


def test_ingest_declares_the_shipped_boilerplate_model() -> None:
    prov = pipeline_provenance([get("tone")], load_options())
    assert prov.ingest is not None and prov.ingest.version == ingest_prov.VERSION
    assert MODEL_PATH.resolve().is_relative_to(MODELS_DIR)
    expected = hashlib.sha256(MODEL_PATH.read_bytes()).hexdigest()
    assert prov.ingest.models == {"boilerplate/line_model.json": expected}
    assert (MODELS_DIR / "boilerplate" / "line_model.json").resolve() == MODEL_PATH.resolve()


def test_boilerplate_off_reads_no_model_and_changes_the_fingerprint() -> None:
    on = pipeline_provenance([get("tone")], load_options())
    off = pipeline_provenance([get("tone")], load_options(boilerplate=False))
    assert off.ingest is not None and off.ingest.models == {}
    assert fingerprint(on) != fingerprint(off)


def test_another_boilerplate_model_changes_the_fingerprint_and_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = pipeline_provenance([get("tone")], load_options())
    other = tmp_path / "line_model.json"
    other.write_bytes(MODEL_PATH.read_bytes() + b"\n")
    monkeypatch.setattr(ingest_prov, "MODEL_PATH", other)
    after = pipeline_provenance([get("tone")], load_options())
    assert fingerprint(before) != fingerprint(after)
    said = describe_difference(before.model_dump(mode="json"), after.model_dump(mode="json"))
    assert said.startswith("ingest model boilerplate/line_model.json ")


def test_a_store_made_before_ingest_was_declared_names_it() -> None:
    now = pipeline_provenance([get("tone")], load_options()).model_dump(mode="json")
    old = {**now, "ingest": None}
    assert describe_difference(old, now).startswith("ingest version None -> 1; ingest model boilerplate/")
