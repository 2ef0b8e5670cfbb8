"""``store verify`` names each kind of damage, where it is, and which partition quarantining would repair."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newsprism.store import Store
from newsprism.store.dedup import update_duplicates
from newsprism.store.stories import STORY_SCHEMA
from newsprism.store.verify import Problem, Report, leftovers, verify

from .conftest import art, new_store


def clean(tmp_path: Path, with_meta: bool = True) -> Store:
    store = new_store(
        tmp_path / "st",
        {"p00000000": [art("a"), art("b")], "p00000001": [art("c")]},
        fingerprint="fp",
    )
    if with_meta:
        store.write_meta({"format": 2, "fingerprint": "fp", "provenance": {}})
    update_duplicates(store)
    return store


def stories_file(store: Store, ids: list[str]) -> None:
    rows = [{"id": i, "story": 0, "story_size": len(ids), "story_label": "", "first_day": None, "last_day": None}
            for i in ids]  # fmt: skip
    store.stories_path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=STORY_SCHEMA), store.stories_path)


def kinds(store: Store) -> list[tuple[str, str, str, str | None]]:
    return [(p.kind, p.where, p.detail, p.partition) for p in verify(store).problems]


def test_clean_store_counts_partitions_and_articles(tmp_path: Path) -> None:
    store = clean(tmp_path)
    stories_file(store, ["a", "b", "c"])
    report = verify(store)
    assert report.ok and report.to_dict() == {"ok": True, "partitions": 2, "articles": 3, "problems": []}
    assert report.damaged_partitions() == []


def test_report_shapes() -> None:
    p = Problem("missing_shard", "shards/quotes/p1.parquet", "committed but gone", "p1")
    assert p.line() == "missing_shard: shards/quotes/p1.parquet: committed but gone"
    report = Report(
        partitions=3, articles=7, problems=[p, Problem("derived", "x", "y"), Problem("leftover", "z", "w", "p0")]
    )
    assert not report.ok and report.damaged_partitions() == ["p0", "p1"]
    assert report.to_dict() == {
        "ok": False,
        "partitions": 3,
        "articles": 7,
        "problems": [
            {"kind": "missing_shard", "where": "shards/quotes/p1.parquet", "detail": "committed but gone"},
            {"kind": "derived", "where": "x", "detail": "y"},
            {"kind": "leftover", "where": "z", "detail": "w"},
        ],
    }
    assert Report().ok and Report().partitions == 0 and Report().articles == 0


def test_settings_missing_or_different(tmp_path: Path) -> None:
    store = clean(tmp_path, with_meta=False)
    assert kinds(store) == [("settings", "store.json", "missing: written before settings were recorded", None)]
    assert verify(Store(tmp_path / "empty", create=True)).ok  # a new store has no settings yet
    store.write_meta({"fingerprint": "other"})
    assert kinds(store) == [
        ("settings", "p00000000", "committed under other settings", "p00000000"),
        ("settings", "p00000001", "committed under other settings", "p00000001"),
    ]
    store.commit({"partition": "p00000002", "n": 0, "ids": [], "tables": []})  # an entry without a fingerprint
    assert [k[1] for k in kinds(store) if k[0] == "settings"] == ["p00000000", "p00000001"]


def test_missing_and_unreadable_shards(tmp_path: Path) -> None:
    store = clean(tmp_path)
    store.shard_path("quotes", "p00000001").unlink()
    store.shard_path("minhash", "p00000000").unlink()  # recomputable: not damage
    path = store.shard_path("sentences", "p00000000")
    path.write_bytes(path.read_bytes()[:30])
    assert kinds(store) == [
        ("unreadable_shard", "shards/sentences/p00000000.parquet", "not a readable Parquet file", "p00000000"),
        ("missing_shard", "shards/quotes/p00000001.parquet", "committed but gone", "p00000001"),
    ]
    assert verify(store).damaged_partitions() == ["p00000000", "p00000001"]


def test_a_lost_articles_shard_is_reported_once(tmp_path: Path) -> None:
    store = clean(tmp_path)
    store.shard_path("articles", "p00000001").unlink()
    report = verify(store)
    assert [(p.kind, p.where) for p in report.problems] == [("missing_shard", "shards/articles/p00000001.parquet")]
    assert report.articles == 2
    path = store.shard_path("articles", "p00000000")
    path.write_bytes(b"PAR1" + b"\0" * 40 + b"PAR1")
    assert [p.kind for p in verify(store).problems] == ["unreadable_shard", "missing_shard"]
    assert verify(store).articles == 0


def test_counts_and_ids_must_match_the_ledger(tmp_path: Path) -> None:
    store = clean(tmp_path)
    entries = store.ledger()
    entries[0]["counts"]["articles"] = 5
    entries[1]["ids"] = ["c", "x"]
    store.rewrite_ledger(entries)
    assert kinds(store) == [
        ("count_mismatch", "shards/articles/p00000000.parquet", "2 rows, ledger says 5", "p00000000"),
        ("count_mismatch", "shards/articles/p00000001.parquet", "ids differ", "p00000001"),
    ]


def test_ids_in_another_order_match(tmp_path: Path) -> None:
    store = clean(tmp_path)
    entries = store.ledger()
    entries[0]["ids"] = ["b", "a"]
    del entries[1]["counts"]
    store.rewrite_ledger(entries)
    assert verify(store).ok


def test_an_id_in_two_partitions(tmp_path: Path) -> None:
    store = new_store(tmp_path / "st", {"p00000000": [art("a")], "p00000001": [art("b"), art("a", "other text")]})
    store.write_meta({})
    update_duplicates(store)
    assert kinds(store) == [("duplicate_id", "a", "in p00000000 and p00000001", "p00000001")]
    assert verify(store).articles == 3


def test_derived_tables(tmp_path: Path) -> None:
    store = new_store(tmp_path / "st", {"p00000000": [art("a"), art("b")]})
    store.write_meta({})
    assert kinds(store) == [("derived", "dedup/manifest.json", "duplicates were never computed", None)]
    update_duplicates(store)
    stories_file(store, ["a"])
    assert kinds(store) == [("derived", "stories/stories.parquet", "1 articles, store has 2", None)]
    store.stories_path.write_bytes(b"junk")
    assert kinds(store) == [("derived", "stories/stories.parquet", "unreadable", None)]
    stories_file(store, ["a", "b"])
    assert verify(store).ok
    store.commit({"partition": "p00000001", "n": 0, "ids": [], "tables": []})
    store.commit({"partition": "p00000002", "n": 0, "ids": [], "tables": []})
    assert kinds(store) == [("derived", "dedup/manifest.json", "2 partition(s) not deduplicated", None)]


def test_damaged_dedup_files(tmp_path: Path) -> None:
    store = new_store(tmp_path / "st", {"p00000000": [art("a"), art("b", art("a").text + " Extra words here.")]})
    store.write_meta({})
    assert update_duplicates(store) == 1
    manifest = json.loads(store.dedup_manifest_path.read_text())
    (store.dedup_dir / manifest["parts"][0]).write_bytes(b"junk")
    assert kinds(store) == [("derived", f"dedup/{manifest['parts'][0]}", "unreadable duplicates part", None)]
    store.dedup_manifest_path.write_text("{")
    ((kind, where, detail, part),) = kinds(store)
    assert (kind, where, part) == ("derived", "dedup/manifest.json", None) and detail.startswith("E131: ")


def test_legacy_duplicates_file_counts_as_computed(tmp_path: Path) -> None:
    store = new_store(tmp_path / "st", {"p00000000": [art("a")]})
    store.write_meta({})
    store.duplicates_path.parent.mkdir()
    store.duplicates_path.write_bytes(b"")
    assert verify(store).ok


def test_ids_come_from_the_shards_when_an_old_ledger_has_none(tmp_path: Path) -> None:
    store = clean(tmp_path)
    entries = store.ledger()
    del entries[0]["ids"]
    store.rewrite_ledger(entries)
    stories_file(store, ["a", "b", "c"])
    assert verify(store).ok
    stories_file(store, ["a", "b"])
    assert kinds(store) == [("derived", "stories/stories.parquet", "2 articles, store has 3", None)]


def test_leftovers_are_listed_in_order(tmp_path: Path) -> None:
    store = clean(tmp_path)
    orphan = store.shard_path("quotes", "p00000007")
    orphan.write_bytes(b"x")
    tmp = store.root / "shards" / "articles" / ".p00000003.parquet.tmp-42"
    tmp.write_bytes(b"x")
    kept = store.quarantine_dir / "p1-0" / ".a.tmp-1"
    kept.parent.mkdir(parents=True)
    kept.write_bytes(b"x")
    assert leftovers(store) == sorted([orphan, tmp])
    assert kinds(store) == [
        ("leftover", "shards/articles/.p00000003.parquet.tmp-42", "uncommitted file of a killed writer", None),
        ("leftover", "shards/quotes/p00000007.parquet", "uncommitted file of a killed writer", None),
    ]
    assert leftovers(Store(tmp_path / "empty", create=True)) == []


def garble_pages(path: Path) -> None:
    """Overwrite a Parquet file's data pages, keeping its footer readable."""
    data = bytearray(path.read_bytes())
    end = len(data) - 8 - int.from_bytes(data[-8:-4], "little")
    data[4:end] = b"\xff" * (end - 4)
    path.write_bytes(bytes(data))


def test_an_articles_shard_whose_id_column_cannot_be_read(tmp_path: Path) -> None:
    store = clean(tmp_path)
    garble_pages(store.shard_path("articles", "p00000001"))
    assert kinds(store) == [("unreadable_shard", "shards/articles/p00000001.parquet", "id column", "p00000001")]


def test_old_ledger_lines_without_tables_are_checked_for_every_core_table(tmp_path: Path) -> None:
    store = clean(tmp_path)
    entries = store.ledger()
    for e in entries:
        del e["tables"], e["counts"]
    store.rewrite_ledger(entries)
    for p in (store.root / "shards").glob("*/*.parquet"):
        if p.parent.name not in ("articles", "quotes", "claims", "techniques", "slant", "sentences"):
            p.unlink()  # tables an old version did not write
    assert verify(store).ok and leftovers(store) == []
    store.shard_path("claims", "p00000001").unlink()
    assert kinds(store) == [("missing_shard", "shards/claims/p00000001.parquet", "committed but gone", "p00000001")]


def test_a_missing_recomputable_shard_does_not_stop_the_other_checks(tmp_path: Path) -> None:
    store = clean(tmp_path)
    store.shard_path("minhash", "p00000000").unlink()
    store.shard_path("quotes", "p00000000").unlink()
    assert [k[1] for k in kinds(store)] == ["shards/quotes/p00000000.parquet"]


def test_stories_are_checked_against_the_ledger_ids_when_a_shard_is_lost(tmp_path: Path) -> None:
    store = clean(tmp_path)
    stories_file(store, ["a", "b", "c"])
    store.shard_path("articles", "p00000001").unlink()
    assert [k[0] for k in kinds(store)] == ["missing_shard"]  # reported once, not again as a stories mismatch


def test_a_damaged_manifest_does_not_hide_a_stories_mismatch(tmp_path: Path) -> None:
    store = clean(tmp_path)
    stories_file(store, ["a"])
    store.dedup_manifest_path.write_text("{")
    assert [(k[0], k[1]) for k in kinds(store)] == [
        ("derived", "dedup/manifest.json"),
        ("derived", "stories/stories.parquet"),
    ]


def test_every_unreadable_shard_of_a_partition_is_named(tmp_path: Path) -> None:
    store = clean(tmp_path)
    for table in ("claims", "tone"):
        store.shard_path(table, "p00000000").write_bytes(b"junk")
    assert [k[1] for k in kinds(store)] == ["shards/claims/p00000000.parquet", "shards/tone/p00000000.parquet"]
