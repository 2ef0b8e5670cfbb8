"""A store keeps one provenance: a later ingest with other settings is refused (E125) with the difference in words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprism.errors import StoreError
from newsprism.model import Provenance
from newsprism.provenance import fingerprint
from newsprism.store import Store
from newsprism.store.settings import FORMAT, check_settings, describe_difference


def prov(**stages: dict[str, Any]) -> dict[str, Any]:
    return {"newsprism": "1.0", "ingest": {"version": "1", "models": {}}, "stages": stages}


def test_changed_stage_list_is_named_first() -> None:
    old = prov(nlp={"version": "1"}, quotes={"version": "2"})
    new = prov(nlp={"version": "1"})
    assert describe_difference(old, new) == "stages nlp,quotes -> nlp"
    assert describe_difference(prov(), new) == "stages - -> nlp"
    assert describe_difference(new, prov()) == "stages nlp -> -"
    assert describe_difference({}, new) == "stages - -> nlp"  # an old provenance without stages
    assert describe_difference(new, {}) == "stages nlp -> -"
    reordered = prov(quotes={"version": "2"}, nlp={"version": "1"})
    assert describe_difference(old, reordered) == "stages nlp,quotes -> quotes,nlp"


def test_stage_versions_and_model_files_are_named() -> None:
    old = prov(nlp={"version": "1", "models": {"m/a.bin": "a" * 64, "m/b.bin": "b" * 64}})
    new = prov(nlp={"version": "2", "models": {"m/a.bin": "c" * 64, "m/new.bin": "d" * 64}})
    assert describe_difference(old, new) == (
        "stage nlp version 1 -> 2; stage nlp model m/a.bin aaaaaaaaaaaa -> cccccccccccc; "
        "stage nlp model m/b.bin bbbbbbbbbbbb -> none; stage nlp model m/new.bin none -> dddddddddddd"
    )


def test_a_step_without_models_or_version_reads_as_none() -> None:
    old = prov(nlp={})
    new = prov(nlp={"version": "3", "models": {"x": "e" * 64}})
    assert describe_difference(old, new) == "stage nlp version None -> 3; stage nlp model x none -> eeeeeeeeeeee"
    assert describe_difference(new, old) == "stage nlp version 3 -> None; stage nlp model x eeeeeeeeeeee -> none"


def test_ingest_and_newsprism_versions_are_named() -> None:
    old = prov(nlp={"version": "1"})
    new = {**old, "newsprism": "2.0", "ingest": {"version": "2", "models": {"bp": "f" * 64}}}
    assert describe_difference(old, new) == (
        "ingest version 1 -> 2; ingest model bp none -> ffffffffffff; newsprism 1.0 -> 2.0"
    )
    assert describe_difference({**old, "ingest": None}, old) == "ingest version None -> 1"
    assert describe_difference(old, {**old, "ingest": None}) == "ingest version 1 -> None"
    assert describe_difference({"stages": {}}, {"stages": {}, "newsprism": "3"}) == "newsprism None -> 3"


def test_equal_steps_give_the_generic_words() -> None:
    same = prov(nlp={"version": "1", "models": {"a": "1" * 64}})
    assert describe_difference(same, dict(same)) == "provenance differs"


PROV = Provenance.model_validate(prov(nlp={"version": "1"}))
OTHER = Provenance.model_validate(prov(nlp={"version": "2"}))


def test_first_check_records_settings_in_a_new_store(tmp_path: Path) -> None:
    store = Store(tmp_path / "st", create=True)
    assert check_settings(store, PROV, record=False) == fingerprint(PROV)
    assert store.meta() is None  # record=False writes nothing
    assert check_settings(store, PROV, record=True) == fingerprint(PROV)
    meta = store.meta()
    assert meta == {"format": FORMAT, "fingerprint": fingerprint(PROV), "provenance": PROV.model_dump(mode="json")}
    assert FORMAT == 2
    assert check_settings(store, PROV, record=True) == fingerprint(PROV)  # same settings: accepted


def test_other_settings_are_refused_with_the_difference(tmp_path: Path) -> None:
    store = Store(tmp_path / "st", create=True)
    check_settings(store, PROV, record=True)
    with pytest.raises(StoreError) as err:
        check_settings(store, OTHER, record=True)
    assert err.value.code == "E125"
    assert err.value.fields == {"path": str(store.root), "difference": "stage nlp version 1 -> 2"}
    assert store.meta()["fingerprint"] == fingerprint(PROV)  # type: ignore[index]


def test_store_written_before_settings_were_recorded_is_refused(tmp_path: Path) -> None:
    store = Store(tmp_path / "st", create=True)
    store.commit({"partition": "p00000000", "n": 0})
    with pytest.raises(StoreError) as err:
        check_settings(store, PROV, record=True)
    assert err.value.code == "E125"
    assert err.value.fields == {
        "path": str(store.root),
        "difference": "the store was written before settings were recorded",
    }
    assert store.meta() is None


def test_meta_without_provenance_names_every_stage(tmp_path: Path) -> None:
    store = Store(tmp_path / "st", create=True)
    store.write_meta({"format": 2, "fingerprint": "old"})
    with pytest.raises(StoreError, match="stages - -> nlp"):
        check_settings(store, PROV, record=True)
