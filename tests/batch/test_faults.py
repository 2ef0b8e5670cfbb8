"""Ingest faults in process: grown inputs, duplicate ids, failing articles, settings, lock, disk errors."""

from __future__ import annotations

import errno
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsprism.batch import ingest, worker
from newsprism.batch.worker import analyse_isolated
from newsprism.errors import InputError, StoreError
from newsprism.model import Article
from newsprism.options import load_options
from newsprism.pipeline import Pipeline
from newsprism.registry import StageInfo, Work
from newsprism.store import Store
from newsprism.store.catalog import connect
from newsprism.store.verify import verify
from synthetic_corpus import write_corpus

OPTS = load_options(stages=("nlp",))


def ids_in(root: Path) -> list[str]:
    return sorted(str(r[0]) for r in connect(Store(root)).execute("SELECT id FROM articles").fetchall())


def records(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


@pytest.mark.slow
def test_new_file_sorting_first_and_record_inserted_in_the_middle(tmp_path: Path) -> None:
    src, root = tmp_path / "in", tmp_path / "st"
    src.mkdir()
    write_corpus(src / "b.jsonl", 12, bad=False)
    first = ingest([str(src)], str(root), OPTS, batch_size=5, stories=False)
    assert first.articles == 12
    lines = records(src / "b.jsonl")
    middle = json.dumps({"id": "mid", "outlet": "X", "text": "A record inserted in the middle of the file."})
    (src / "b.jsonl").write_text("".join(lines[:6]) + middle + "\n" + "".join(lines[6:]), encoding="utf-8")
    write_corpus(src / "a.jsonl", 3, seed=9, bad=False)  # sorts before b.jsonl
    (src / "a.jsonl").write_text(
        "".join(x.replace('"id": "r', '"id": "a') for x in records(src / "a.jsonl")), encoding="utf-8"
    )
    second = ingest([str(src)], str(root), OPTS, batch_size=5, stories=False)
    assert (second.articles, second.skipped, second.rejects) == (4, 12, 0)
    assert ids_in(root) == sorted([*(f"r{i}" for i in range(12)), "mid", "a0", "a1", "a2"])
    assert verify(Store(root)).ok


@pytest.mark.slow
def test_duplicate_ids_are_rejected_once_and_never_double_joins(tmp_path: Path) -> None:
    src, root = tmp_path / "in.jsonl", tmp_path / "st"
    write_corpus(src, 6, bad=False)
    lines = records(src)
    dup = json.loads(lines[2])
    dup["text"] = "Another text under the same id as record two."
    src.write_text("".join(lines) + json.dumps(dup) + "\n", encoding="utf-8")
    res = ingest([str(src)], str(root), OPTS, batch_size=4)
    assert (res.articles, res.rejects) == (6, 1)
    rejects = [json.loads(x) for x in Store(root).rejects_path.read_text().splitlines()]
    assert [r["code"] for r in rejects] == ["E128"] and "'r2'" in rejects[0]["reason"]
    con = connect(Store(root))
    assert con.execute("SELECT count(*) FROM articles a JOIN stories s ON s.id = a.id").fetchone() == (6,)
    again = ingest([str(src)], str(root), OPTS, batch_size=4)
    assert (again.articles, again.skipped, again.rejects) == (0, 6, 0)  # the reject is filed once
    assert verify(Store(root)).ok


def _poison_stage(batch: list[Work], options: object) -> None:
    if any("POISON" in w.article.text for w in batch):
        raise RuntimeError("cannot parse this text")


def _poisoned_pipeline() -> Pipeline:
    pipeline = Pipeline(OPTS)
    fake = StageInfo("poison", _poison_stage, (), (), "1", "fails on one text")
    pipeline.stages = [*pipeline.stages, fake]
    return pipeline


def test_a_failing_article_is_rejected_alone() -> None:
    arts = [Article(id=f"a{i}", text=f"Plain sentence number {i} here.") for i in range(4)]
    arts[2] = Article(id="bad", text="This text holds the POISON word.")
    ok, failed = analyse_isolated(_poisoned_pipeline(), list(enumerate(arts)))
    assert [a.id for _, a in ok] == ["a0", "a1", "a3"] and all(a.sentences for _, a in ok)
    assert [(a.id, e.code) for a, e in failed] == [("bad", "E129")] and "cannot parse" in failed[0][1].message


def test_a_partition_where_every_article_fails_is_not_committed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A broken environment (every article fails) stops the ingest (E124) instead of rejecting the corpus."""
    src, root = tmp_path / "in.jsonl", tmp_path / "st"
    write_corpus(src, 4, bad=False)
    src.write_text(src.read_text().replace('"text": "', '"text": "POISON '), encoding="utf-8")
    monkeypatch.setattr(worker, "_pipeline", lambda _o: _poisoned_pipeline())
    with pytest.raises(StoreError, match="E124"):
        ingest([str(src)], str(root), OPTS, batch_size=2, stories=False)
    assert Store(root).ledger() == []
    monkeypatch.undo()
    assert ingest([str(src)], str(root), OPTS, batch_size=2, stories=False).articles == 4  # the rerun retries


def test_ingest_keeps_the_partition_of_a_failing_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src, root = tmp_path / "in.jsonl", tmp_path / "st"
    write_corpus(src, 5, bad=False)
    with open(src, "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "bad", "text": "A long text with the POISON word in it."}) + "\n")
    monkeypatch.setattr(worker, "_pipeline", lambda _o: _poisoned_pipeline())
    res = ingest([str(src)], str(root), OPTS, batch_size=10, stories=False)
    assert (res.articles, res.rejects) == (5, 1)
    rows = connect(Store(root)).execute("SELECT id, n_sentences FROM articles ORDER BY id").fetchall()
    assert [r[0] for r in rows] == [f"r{i}" for i in range(5)] and all(r[1] > 0 for r in rows)
    assert connect(Store(root)).execute("SELECT code FROM rejects").fetchall() == [("E129",)]
    again = ingest([str(src)], str(root), OPTS, batch_size=10, stories=False)
    assert (again.articles, again.skipped, again.rejects) == (0, 5, 0)  # retried, fails again, filed once


def test_other_settings_are_refused_naming_the_difference(tmp_path: Path) -> None:
    src, root = tmp_path / "in.jsonl", tmp_path / "st"
    write_corpus(src, 3, bad=False)
    ingest([str(src)], str(root), OPTS, stories=False)
    with pytest.raises(StoreError, match=r"E125.*stages nlp -> nlp,quotes.*new store"):
        ingest([str(src)], str(root), load_options(stages=("nlp", "quotes")), stories=False)
    meta = json.loads((root / "store.json").read_text())
    meta["provenance"]["stages"]["nlp"]["version"] = "0"
    meta["fingerprint"] = "other"
    (root / "store.json").write_text(json.dumps(meta))
    with pytest.raises(StoreError, match=r"E125.*stage nlp version 0 ->"):
        ingest([str(src)], str(root), OPTS, stories=False)
    assert ids_in(root) == ["r0", "r1", "r2"]  # nothing mixed in


def test_a_second_writer_is_refused(tmp_path: Path) -> None:
    src, root = tmp_path / "in.jsonl", tmp_path / "st"
    write_corpus(src, 2, bad=False)
    store = Store(root, create=True)
    with store.writer(), pytest.raises(StoreError, match="E127"):
        ingest([str(src)], str(root), OPTS, stories=False)
    assert ingest([str(src)], str(root), OPTS, stories=False).articles == 2  # released


def test_missing_input_is_e001_before_the_store_is_made(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="E001"):
        ingest([str(tmp_path / "nope.jsonl")], str(tmp_path / "st"), OPTS)
    assert not (tmp_path / "st").exists()


def test_directory_with_an_empty_file_rejects_that_file_only(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("The council met on Tuesday. It voted on the budget.", encoding="utf-8")
    (src / "b.txt").write_text("", encoding="utf-8")
    (src / "c.txt").write_text("The river rose overnight. The bridge was closed.", encoding="utf-8")
    res = ingest([str(src)], str(tmp_path / "st"), OPTS, stories=False)
    assert (res.articles, res.rejects) == (2, 1)
    assert connect(Store(tmp_path / "st")).execute("SELECT code, source FROM rejects").fetchall() == [
        ("E002", str(src / "b.txt"))
    ]


def test_full_disk_is_a_coded_error_and_leaves_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src, root = tmp_path / "in.jsonl", tmp_path / "st"
    write_corpus(src, 6, bad=False)
    ingest([str(src)], str(root), OPTS, batch_size=3, stories=False)
    with open(src, "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "new", "text": "One more record after the first run."}) + "\n")
    import newsprism.store.layout as layout

    real = layout.os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(layout.os, "fsync", full)
    with pytest.raises(StoreError, match=r"E040.*no space left"):
        ingest([str(src)], str(root), OPTS, batch_size=3, stories=False)
    monkeypatch.setattr(layout.os, "fsync", real)
    assert not [p for p in root.rglob("*") if ".tmp-" in p.name]
    assert ids_in(root) == [f"r{i}" for i in range(6)]  # the committed part is intact
    assert ingest([str(src)], str(root), OPTS, batch_size=3, stories=False).articles == 1
    assert verify(Store(root)).ok


@contextmanager
def read_only_copy(root: Path, tmp: Path) -> Iterator[Path]:
    """A read-only copy of the store: a read-only tmpfs mount as root, else file modes."""
    import os
    import shutil
    import subprocess

    target = tmp / "ro"
    if os.geteuid() == 0:
        target.mkdir()
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(target)], check=False).returncode:
            pytest.skip("root without mount: permissions cannot make a directory read-only")
        try:
            shutil.copytree(root, target / "st")
            subprocess.run(["mount", "-o", "remount,ro", str(target)], check=True)
            yield target / "st"
        finally:
            subprocess.run(["umount", str(target)], check=False)
        return
    shutil.copytree(root, target)
    for p in [target, *target.rglob("*")]:
        p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        yield target
    finally:
        for p in [target, *target.rglob("*")]:
            p.chmod(0o755 if p.is_dir() else 0o644)


def test_read_only_store_is_a_coded_error(tmp_path: Path) -> None:
    src, root = tmp_path / "in.jsonl", tmp_path / "st"
    write_corpus(src, 2, bad=False)
    ingest([str(src)], str(root), OPTS, stories=False)
    (root / ".lock").unlink()
    with read_only_copy(root, tmp_path) as ro:
        with pytest.raises(StoreError, match=r"E040.*read-only"):
            ingest([str(src)], str(ro), OPTS, stories=False)
        assert ids_in(ro) == ["r0", "r1"]  # readers still work
