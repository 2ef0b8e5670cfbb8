"""verify finds damage (never a silent wrong answer); repair quarantines, re-ingests and rebuilds derived tables."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from newsprism.batch import ingest
from newsprism.compare.features import StoryFeatures
from newsprism.errors import StoreError
from newsprism.options import load_options
from newsprism.store import Store
from newsprism.store.catalog import connect
from newsprism.store.query import ask, run_sql
from newsprism.store.repair import repair
from newsprism.store.stories import _label
from newsprism.store.verify import verify
from synthetic_corpus import write_corpus

OPTS = load_options(stages=("nlp",))
IDS = sorted(f"r{i}" for i in range(15))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("vr")
    write_corpus(tmp / "in.jsonl", 15, bad=False)
    ingest([str(tmp / "in.jsonl")], str(tmp / "st"), OPTS, batch_size=5)
    return tmp


@pytest.fixture
def store(built: Path, tmp_path: Path) -> Store:
    """A private copy of the store whose ledger still names the fixture's input file."""
    return Store(shutil.copytree(built / "st", tmp_path / "st"))


def ids(store: Store) -> list[str]:
    return sorted(str(r[0]) for r in connect(store).execute("SELECT id FROM articles").fetchall())


def stories(store: Store) -> list[tuple[object, ...]]:
    return sorted(connect(store).execute("SELECT id, story, story_label FROM stories").fetchall())


def test_a_fresh_store_verifies_clean(store: Store) -> None:
    report = verify(store)
    assert report.ok and (report.partitions, report.articles) == (3, 15)


def test_deleted_shard_is_detected_then_repaired(store: Store, built: Path) -> None:
    before = stories(store)
    store.shard_path("articles", "p00000001").unlink()
    with pytest.raises(StoreError, match=r"E131.*articles/p00000001 is missing"):
        connect(store)
    with pytest.raises(StoreError, match="E131"):  # an ingest does not build on it ("10 already") either
        ingest([str(built / "in.jsonl")], str(store.root), OPTS, batch_size=5)
    assert [p.kind for p in verify(store).problems] == ["missing_shard"]
    result = repair(store)
    assert result.quarantined == ["p00000001"] and (result.lost_ids, result.reingested) == (5, 5)
    assert verify(store).ok and ids(store) == IDS
    assert [s[0] for s in stories(store)] == [s[0] for s in before]
    assert (store.quarantine_dir).is_dir()


def test_damaged_shard_is_quarantined_and_reingested(store: Store) -> None:
    path = store.shard_path("sentences", "p00000002")
    path.write_bytes(path.read_bytes()[:40])
    assert [p.kind for p in verify(store).problems] == ["unreadable_shard"]
    assert repair(store).reingested == 5
    assert verify(store).ok and ids(store) == IDS


def test_damaged_derived_files_are_coded_errors_and_rebuilt_by_ingest(store: Store, built: Path) -> None:
    before = (stories(store), sorted(connect(store).execute("SELECT * FROM duplicates").fetchall()))
    store.dedup_manifest_path.write_text("{not json")
    store.stories_path.write_bytes(b"PAR1 garbage")
    with pytest.raises(StoreError, match="E131"):
        ask(store, "stories", [])
    assert {p.kind for p in verify(store).problems} == {"derived"}
    res = ingest([str(built / "in.jsonl")], str(store.root), OPTS, batch_size=5)
    assert (res.articles, res.skipped) == (0, 15)
    after = (stories(store), sorted(connect(store).execute("SELECT * FROM duplicates").fetchall()))
    assert after == before and verify(store).ok


def test_leftovers_of_killed_writers_are_found_and_removed(store: Store, built: Path) -> None:
    tmp = store.shard_path("articles", "p00000000").with_name(".p00000003.parquet.tmp-4242")
    tmp.write_bytes(b"half")
    orphan = store.shard_path("quotes", "p00000009")
    shutil.copy(store.shard_path("quotes", "p00000000"), orphan)
    assert sorted(p.kind for p in verify(store).problems) == ["leftover", "leftover"]
    ingest([str(built / "in.jsonl")], str(store.root), OPTS, batch_size=5)
    assert not tmp.exists() and not orphan.exists() and verify(store).ok


def test_repair_when_the_input_is_gone_reports_it(built: Path, tmp_path: Path) -> None:
    src = tmp_path / "moved.jsonl"
    shutil.copy(built / "in.jsonl", src)
    root = tmp_path / "own"
    ingest([str(src)], str(root), OPTS, batch_size=5, stories=False)
    store = Store(root)
    store.shard_path("articles", "p00000000").unlink()
    src.unlink()
    result = repair(store)
    assert result.missing_sources == [str(src.resolve())] and result.lost_ids == 5 and result.reingested == 0
    assert verify(store).ok and len(ids(store)) == 10  # consistent, and the loss is reported, not hidden


def test_query_timeout_and_private_temp_dir(store: Store) -> None:
    with pytest.raises(StoreError, match="E132"):
        run_sql(store, "SELECT count(*) FROM range(100000000000) a, range(10) b", timeout=0.3)
    (tmp,) = run_sql(store, "SELECT current_setting('temp_directory')")[1][0]
    assert not str(Path(str(tmp)).resolve()).startswith(str(Path.cwd().resolve()) + "/")
    with pytest.raises(StoreError, match="E122"):
        run_sql(store, f"SELECT * FROM glob('{tmp}/*')")


def test_story_label_ties_are_broken_by_key() -> None:
    def feat(aid: str, ents: list[str]) -> StoryFeatures:
        return StoryFeatures(
            article_id=aid, vector=np.zeros(2, np.float32), entities=Counter(ents), day=None, surfaces={}
        )

    members = [feat("a", ["zeta", "alpha", "mid", "beta"]), feat("b", ["beta", "mid", "zeta", "alpha"])]
    assert _label(members) == "alpha, beta, mid"
    assert _label(list(reversed(members))) == "alpha, beta, mid"
