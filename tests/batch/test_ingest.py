"""Ingest: exactly-once after kill -9, same store from 1 worker, 2 processes and a Dask LocalCluster."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsprism.batch import ingest
from newsprism.options import load_options
from newsprism.store import Store
from newsprism.store.catalog import connect
from newsprism.store.shards import write_partition
from synthetic_corpus import write_corpus

EXE = Path(sys.executable).parent / "newsprism"
OPTS = load_options(stages=("nlp",))


def snapshot(root: Path) -> list[tuple[object, ...]]:
    sql = "SELECT id, key, content_hash, n_sentences, n_entities, outlet FROM articles ORDER BY id"
    return connect(Store(root)).execute(sql).fetchall()


@pytest.mark.slow
def test_kill_9_then_rerun_is_exactly_once(tmp_path: Path) -> None:
    src, root = tmp_path / "in.jsonl", tmp_path / "store"
    ids = write_corpus(src, 300, words=120)
    cmd = [str(EXE), "ingest", str(src), "--store", str(root), "--stages", "nlp", "--batch-size", "10", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    ledger = root / "ledger.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if ledger.exists() and ledger.read_text().count("\n") >= 2:
            break
        time.sleep(0.02)
    assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    committed = len(Store(root).ledger())
    assert 2 <= committed < 30  # killed mid-run
    rerun = subprocess.run(cmd, capture_output=True, timeout=300, check=False)
    assert rerun.returncode == 0, rerun.stderr.decode()
    rows = snapshot(root)
    assert sorted(r[0] for r in rows) == sorted(ids)  # none lost, none duplicated
    assert len(Store(root).ledger()) == 30
    rejects = [json.loads(x) for x in (root / "rejects.jsonl").read_text().splitlines()]
    assert sorted(r["code"] for r in rejects) == ["E006", "E009"]  # filed once across both runs


def test_uncommitted_shard_is_overwritten_on_resume(tmp_path: Path) -> None:
    src, root = tmp_path / "in.jsonl", tmp_path / "store"
    write_corpus(src, 12, bad=False)
    store = Store(root, create=True)
    from newsprism.ingest import iter_articles

    junk = list(iter_articles([str(src)], OPTS))[:3]
    write_partition(store, "p00000000", list(enumerate(junk)))  # crash before the ledger line
    assert snapshot(root) == []
    result = ingest([str(src)], str(root), OPTS, batch_size=5)
    assert result.articles == 12 and len(snapshot(root)) == 12
    again = ingest([str(src)], str(root), OPTS, batch_size=5)
    assert (again.articles, again.skipped) == (0, 12)
    other = ingest([str(src)], str(root), OPTS, batch_size=6)  # partitions are keyed by record id, not position
    assert (other.articles, other.skipped) == (0, 12)


def test_appended_records_go_to_a_new_partition(tmp_path: Path) -> None:
    """A source that grew after a run: the new records are neither lost nor doubled."""
    src, root = tmp_path / "in.jsonl", tmp_path / "store"
    write_corpus(src, 14, bad=False)  # 12 articles, batch 5: p0 (5), p1 (5), p2 (2, partial)
    lines = src.read_text(encoding="utf-8").splitlines(keepends=True)
    src.write_text("".join(lines[:12]), encoding="utf-8")
    first = ingest([str(src)], str(root), OPTS, batch_size=5)
    assert first.articles == 12
    src.write_text("".join(lines[:12]) + "{broken\n" + "".join(lines[12:]), encoding="utf-8")  # +1 bad, +2 good
    grown = ingest([str(src)], str(root), OPTS, batch_size=5)
    assert (grown.articles, grown.skipped, grown.rejects) == (2, 12, 1)
    assert sorted(e["partition"] for e in Store(root).ledger())[-1] == "p00000003"
    rows = snapshot(root)
    assert sorted(r[0] for r in rows) == sorted(f"r{i}" for i in range(14))  # each article exactly once
    order = connect(Store(root)).execute("SELECT id FROM articles ORDER BY partition, position").fetchall()
    assert [r[0] for r in order] == [f"r{i}" for i in range(14)]  # store order is input order
    again = ingest([str(src)], str(root), OPTS, batch_size=5)
    assert (again.articles, again.skipped, again.rejects) == (0, 14, 0)
    src.write_text("".join(lines[:8]), encoding="utf-8")  # shrunk: nothing new, nothing removed from the store
    shrunk = ingest([str(src)], str(root), OPTS, batch_size=5)
    assert (shrunk.articles, shrunk.skipped) == (0, 8) and len(snapshot(root)) == 14


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("c") / "in.jsonl"
    write_corpus(src, 40)
    return src


@pytest.mark.slow
def test_two_processes_match_one(corpus: Path, tmp_path: Path) -> None:
    one = ingest([str(corpus)], str(tmp_path / "one"), OPTS, workers=1, batch_size=7)
    two = ingest([str(corpus)], str(tmp_path / "two"), OPTS, workers=2, batch_size=7)
    assert one.articles == two.articles == 40 and two.rejects == 2
    assert len(two.peak_rss_mb) == two.partitions and min(two.peak_rss_mb) > 0
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")


@pytest.mark.slow
def test_dask_local_cluster_matches(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    ingest([str(corpus)], str(tmp_path / "one"), OPTS, workers=1, batch_size=7)
    res = ingest([str(corpus)], str(tmp_path / "dask"), OPTS, workers=1, scheduler="local", batch_size=7)
    assert res.articles == 40
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "dask")
