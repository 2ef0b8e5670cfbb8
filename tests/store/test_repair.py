"""``store repair`` on small stores: what is quarantined, what is re-ingested from where, what is rebuilt."""

from __future__ import annotations

import errno
import json
from pathlib import Path
from typing import Any

import pytest

from newsprism.batch import runner
from newsprism.errors import StoreError
from newsprism.store import Store
from newsprism.store import repair as repair_mod
from newsprism.store.dedup import update_duplicates
from newsprism.store.layout import TABLES
from newsprism.store.repair import RepairResult, repair
from newsprism.store.stories import rebuild_stories
from newsprism.store.verify import verify

from .conftest import art, commit_partition, unit_vectors


class Done:
    articles = 7


def damaged_store(root: Path, sources: list[str], meta: dict[str, Any] | None, stories: bool = False) -> Store:
    store = Store(root, create=True)
    vec = unit_vectors if stories else (lambda n: None)
    commit_partition(store, "p00000000", [art("a"), art("b")], vectors=vec(2), sources=sources[:1])
    commit_partition(store, "p00000001", [art("c")], vectors=vec(1), sources=sources)
    commit_partition(store, "p00000002", [art("d")], vectors=vec(1), sources=sources[::-1])
    if meta is not None:
        store.write_meta(meta)
    update_duplicates(store)
    if stories:
        rebuild_stories(store)
    store.shard_path("quotes", "p00000000").unlink()
    store.shard_path("articles", "p00000002").write_bytes(b"junk")
    return store


def test_damaged_partitions_are_quarantined_and_the_loss_reported(tmp_path: Path) -> None:
    gone = str(tmp_path / "gone.jsonl")
    store = damaged_store(tmp_path / "st", [gone, "https://example.org/feed"], None)
    leftover = store.shard_path("quotes", "p00000001").with_name(".x.parquet.tmp-9")
    leftover.write_bytes(b"half")
    result = repair(store)
    assert result == RepairResult(
        quarantined=["p00000000", "p00000002"],
        lost_ids=3,
        reingested=0,
        missing_sources=[gone],
        removed_leftovers=1,
        rebuilt=["duplicates"],
        error=None,
    )
    assert [e["partition"] for e in store.ledger()] == ["p00000001"]
    moved = sorted(p.relative_to(store.quarantine_dir).as_posix() for p in store.quarantine_dir.rglob("*.parquet"))
    assert {m.split("/")[0].rsplit("-", 1)[0] for m in moved} == {"p00000000", "p00000002"}
    assert {m.split("/")[1] for m in moved if m.startswith("p00000000")} == {
        "articles.parquet",
        "sentences.parquet",
        "claims.parquet",
        "techniques.parquet",
        "slant.parquet",
        "frames.parquet",
        "tone.parquet",
        "minhash.parquet",
    }  # every table the ledger listed and still there (quotes was lost)
    assert [p.kind for p in verify(store).problems] == ["settings"]  # an old store without store.json, else clean
    assert json.loads(store.dedup_manifest_path.read_text())["covered"] == ["p00000001"]
    assert not store.stories_path.exists()


def test_present_inputs_are_reingested_with_the_stores_stages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("{}\n")
    meta = {"fingerprint": "fp", "provenance": {"stages": {"nlp": {}, "quotes": {}}}}
    store = damaged_store(tmp_path / "st", [str(src), "http://example.org/x"], meta, stories=True)
    calls: list[tuple[Any, ...]] = []

    def ingest(*args: Any) -> Done:
        calls.append(args)
        return Done()

    monkeypatch.setattr(runner, "_ingest_locked", ingest)
    result = repair(store, workers=3)
    assert result.reingested == 7 and result.error is None and result.missing_sources == []
    assert result.rebuilt == ["duplicates", "stories"] and result.lost_ids == 3
    ((st, sources, options, workers, scheduler, batch, progress, stories),) = calls
    assert st is store and sources == [str(src), "http://example.org/x"] and options.stages == ("nlp", "quotes")
    assert (workers, scheduler, batch, progress, stories) == (3, None, 100, None, True)
    assert not store.dedup_dir.exists()  # left to the ingest, which recomputes duplicates and stories


def test_a_store_without_recorded_stages_reingests_with_the_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("{}\n")
    store = damaged_store(tmp_path / "st", [str(src)], {"fingerprint": "fp"})
    seen: list[Any] = []
    monkeypatch.setattr(runner, "_ingest_locked", lambda *a: seen.append(a) or Done())
    repair(store)
    assert seen[0][2].stages == ("nlp", "quotes", "claims", "techniques", "slant", "frames", "tone")
    assert seen[0][7] is False and seen[0][3] == 1  # no stories before: none after; one worker by default


def test_a_refused_reingest_keeps_the_store_consistent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("{}\n")
    store = damaged_store(tmp_path / "st", [str(src)], {"fingerprint": "fp", "provenance": {}}, stories=True)

    def refuse(*a: Any) -> None:
        raise StoreError("E125", path="x", difference="stage nlp version 1 -> 2")

    monkeypatch.setattr(runner, "_ingest_locked", refuse)
    result = repair(store)
    assert result.error is not None and result.error.startswith("E125: ") and result.reingested == 0
    assert json.loads(store.dedup_manifest_path.read_text())["covered"] == ["p00000001"]
    assert store.stories_path.exists() and verify(store).ok


def test_a_clean_store_only_rebuilds_derived_tables(tmp_path: Path) -> None:
    store = Store(tmp_path, create=True)
    commit_partition(store, "p00000000", [art("a")], vectors=unit_vectors(1))
    store.write_meta({})
    rebuild_stories(store)
    result = repair(store)
    assert result.quarantined == [] and result.lost_ids == 0 and result.rebuilt == ["stories"]
    assert store.stories_path.exists() and store.dedup_manifest_path.exists() and not store.quarantine_dir.exists()


def test_stories_are_rebuilt_when_only_features_were_stored(tmp_path: Path) -> None:
    store = Store(tmp_path, create=True)
    commit_partition(store, "p00000000", [art("a")], vectors=unit_vectors(1))
    assert repair(store).rebuilt == [] and store.stories_path.exists()


def test_repair_waits_for_no_one(tmp_path: Path) -> None:
    store = Store(tmp_path, create=True)
    with store.writer(), pytest.raises(StoreError) as err:
        repair(Store(tmp_path))
    assert err.value.code == "E127"


def test_a_disk_error_is_a_coded_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(tmp_path, create=True)

    def full(s: Store) -> list[Path]:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Store, "remove_leftovers", full)
    with pytest.raises(StoreError) as err:
        repair(store)
    assert err.value.code == "E040" and "no space left" in str(err.value.fields["reason"])
    assert err.value.fields["path"] == str(tmp_path)
    assert repair_mod.RepairResult().error is None


def test_old_ledger_lines_without_counts_or_sources(tmp_path: Path) -> None:
    store = Store(tmp_path, create=True)
    commit_partition(store, "p00000000", [art("a"), art("b")])
    entries = [{k: v for k, v in e.items() if k not in ("n", "sources", "tables")} for e in store.ledger()]
    store.rewrite_ledger(entries)
    commit_partition(store, "p00000001", [art("c")])
    store.shard_path("articles", "p00000000").unlink()
    result = repair(store)
    assert result.quarantined == ["p00000000"] and result.lost_ids == 0 and result.missing_sources == []
    assert [e["partition"] for e in store.ledger()] == ["p00000001"]
    (moved,) = store.quarantine_dir.iterdir()
    assert sorted(p.name for p in moved.iterdir()) == sorted(f"{t}.parquet" for t in TABLES if t != "articles")
