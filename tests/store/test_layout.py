"""The store directory: atomic writes, the ledger (what readers see), settings file, rejects, writer lock, leftovers."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from newsprism.errors import StoreError
from newsprism.store import Store, layout
from newsprism.store.layout import TABLES, fsync_write, store_os_error


def test_fsync_write_creates_parents_and_leaves_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "f.bin"
    fsync_write(path, b"one")
    fsync_write(path, b"two")
    assert path.read_bytes() == b"two" and os.listdir(path.parent) == ["f.bin"]


def test_fsync_write_failure_removes_its_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "d"
    (target / "inner").mkdir(parents=True)  # a non-empty directory cannot be replaced by a file
    with pytest.raises(OSError):
        fsync_write(target, b"data")
    assert sorted(os.listdir(tmp_path)) == ["d"]


def test_fsync_write_reports_the_first_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*a: object, **k: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(layout, "open", full, raising=False)  # fails before the temp file exists
    with pytest.raises(OSError) as err:
        fsync_write(tmp_path / "f", b"x")
    assert err.value.errno == errno.ENOSPC and os.listdir(tmp_path) == []


@pytest.mark.parametrize(
    ("err", "reason"),
    [
        (errno.EROFS, "the store is on a read-only file system"),
        (errno.ENOSPC, "no space left on the device (nothing was committed; rerun after freeing space)"),
        (errno.EACCES, "permission denied (the store is read-only for this user)"),
        (errno.EPERM, "permission denied (the store is read-only for this user)"),
    ],
)
def test_os_errors_become_one_line_coded_errors(tmp_path: Path, err: int, reason: str) -> None:
    exc = store_os_error(tmp_path, OSError(err, os.strerror(err), "/x/y"))
    assert exc.code == "E040" and exc.fields == {"path": str(tmp_path), "reason": reason}


def test_other_os_errors_name_the_cause_and_file(tmp_path: Path) -> None:
    exc = store_os_error(tmp_path, OSError(errno.EIO, "I/O error", "/x/y"))
    assert exc.fields["reason"] == "I/O error: /x/y"
    assert store_os_error(tmp_path, OSError(errno.EIO, "I/O error", "/data/X")).fields["reason"] == "I/O error: /data/X"
    assert store_os_error(tmp_path, OSError(errno.EIO, "I/O error")).fields["reason"] == "I/O error"
    assert store_os_error(tmp_path, FileNotFoundError()).fields["reason"] == "FileNotFoundError"


def test_opening_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as err:
        Store(tmp_path / "none")
    assert err.value.code == "E040" and err.value.fields["reason"] == "not a newsprism store (no ledger.jsonl)"
    assert err.value.fields["path"] == str(tmp_path / "none")
    assert not (tmp_path / "none").exists()
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError) as err:
        Store(tmp_path / "file", create=True)
    assert err.value.code == "E040" and err.value.fields == {
        "path": str(tmp_path / "file"),
        "reason": "not a directory",
    }
    store = Store(tmp_path / "new" / "st", create=True)
    assert store.ledger_path.read_bytes() == b"" and store.ledger() == []
    store.commit({"partition": "p00000000"})
    assert Store(store.root, create=True).committed() == {"p00000000"}  # create keeps an existing store
    assert Store(str(store.root)).root == store.root


def test_a_store_that_cannot_be_created_is_a_coded_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError) as err:
        Store(tmp_path / "file" / "st", create=True)
    assert err.value.code == "E040" and "Not a directory" in str(err.value.fields["reason"])
    assert err.value.fields["path"] == str(tmp_path / "file" / "st")


def test_documented_layout(tmp_path: Path) -> None:
    s = Store(tmp_path, create=True)
    rel = {
        k: str(getattr(s, k).relative_to(tmp_path))
        for k in (
            "ledger_path",
            "meta_path",
            "lock_path",
            "rejects_path",
            "dedup_dir",
            "dedup_manifest_path",
            "duplicates_path",
            "stories_path",
            "quarantine_dir",
        )
    }
    assert rel == {
        "ledger_path": "ledger.jsonl",
        "meta_path": "store.json",
        "lock_path": ".lock",
        "rejects_path": "rejects.jsonl",
        "dedup_dir": "dedup",
        "dedup_manifest_path": "dedup/manifest.json",
        "duplicates_path": "dedup/duplicates.parquet",
        "stories_path": "stories/stories.parquet",
        "quarantine_dir": "quarantine",
    }
    assert s.shard_path("quotes", "p00000004") == tmp_path / "shards" / "quotes" / "p00000004.parquet"


def test_ledger_keeps_the_first_line_of_each_partition_and_skips_junk(tmp_path: Path) -> None:
    s = Store(tmp_path, create=True)
    lines = [
        {"partition": "p1", "n": 1},
        "not json",
        [1, 2],
        {"partition": 5},
        {"n": 3},
        {"partition": "p1", "n": 99},
        {"partition": "p0", "n": 2},
    ]
    s.ledger_path.write_text("".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines))
    assert s.ledger() == [{"partition": "p1", "n": 1}, {"partition": "p0", "n": 2}]
    assert s.committed() == {"p0", "p1"}


def test_ledger_rereads_a_changed_file(tmp_path: Path) -> None:
    s = Store(tmp_path, create=True)
    s.commit({"partition": "p0"})
    assert [e["partition"] for e in s.ledger()] == ["p0"]
    assert s.ledger() is s.ledger()  # unchanged file: the cached list
    Store(tmp_path).commit({"partition": "p1"})  # another process appends
    assert [e["partition"] for e in s.ledger()] == ["p0", "p1"]
    s.ledger_path.unlink()
    with pytest.raises(StoreError) as err:
        s.ledger()
    assert (
        err.value.code == "E040"
        and err.value.fields["reason"] == "cannot read ledger.jsonl (No such file or directory)"
        and err.value.fields["path"] == str(tmp_path)
    )


def test_store_json_settings(tmp_path: Path) -> None:
    s = Store(tmp_path, create=True)
    assert s.meta() is None
    s.write_meta({"b": 1, "a": {"z": 2, "é": "x"}})
    assert s.meta() == {"a": {"z": 2, "é": "x"}, "b": 1}
    assert s.meta_path.read_text() == '{\n "a": {\n  "z": 2,\n  "\\u00e9": "x"\n },\n "b": 1\n}\n'
    s.meta_path.write_text("[1, 2]")
    assert s.meta() is None
    s.meta_path.write_text("{torn")
    with pytest.raises(StoreError) as err:
        s.meta()
    assert err.value.code == "E131" and str(err.value.fields["reason"]).startswith("store.json is unreadable (")
    assert err.value.fields["path"] == str(tmp_path)


def test_commit_after_a_torn_line_starts_a_new_line(tmp_path: Path) -> None:
    s = Store(tmp_path, create=True)
    s.commit({"partition": "p0", "title": "Café"})
    assert s.ledger_path.read_text(encoding="utf-8") == '{"partition": "p0", "title": "Café"}\n'
    with open(s.ledger_path, "a") as fh:
        fh.write('{"partition": "p9')  # a crash mid-append
    s.commit({"partition": "p1"})
    assert [e["partition"] for e in Store(tmp_path).ledger()] == ["p0", "p1"]
    assert s.ledger_path.read_text().endswith('{"partition": "p9\n{"partition": "p1"}\n')
    assert not s.rejects_path.exists()  # no rejects: the file is not written


def test_a_failed_append_leaves_no_partial_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    s = Store(tmp_path, create=True)
    s.commit({"partition": "p0"})
    before = s.ledger_path.read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(layout.os, "fsync", full_disk)
    with pytest.raises(OSError):
        s.commit({"partition": "p1"})
    assert s.ledger_path.read_bytes() == before


def test_rejects_are_rebuilt_from_the_ledger_in_partition_order(tmp_path: Path) -> None:
    s = Store(tmp_path, create=True)
    s.commit({"partition": "p2", "rejects": [{"code": "E006", "reason": "é"}]})
    s.commit({"partition": "p1", "rejects": [{"code": "E009"}, {"code": "E001"}]})
    s.commit({"partition": "p3"})
    lines = s.rejects_path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["code"] for x in lines] == ["E009", "E001", "E006"]
    assert lines[2] == '{"code": "E006", "reason": "é"}'
    s.rewrite_ledger([e for e in s.ledger() if e["partition"] != "p1"])
    assert [e["partition"] for e in Store(tmp_path).ledger()] == ["p2", "p3"]
    assert [json.loads(x)["code"] for x in s.rejects_path.read_text().splitlines()] == ["E006"]
    assert (
        s.ledger_path.read_text(encoding="utf-8").splitlines()[0]
        == '{"partition": "p2", "rejects": [{"code": "E006", "reason": "é"}]}'
    )


def test_shard_files_follow_the_ledger(tmp_path: Path) -> None:
    s = Store(tmp_path, create=True)
    for part in ("p2", "p0", "p1"):
        s.shard_path("articles", part).parent.mkdir(parents=True, exist_ok=True)
        s.shard_path("articles", part).write_bytes(b"x")
    s.shard_path("articles", "p9").write_bytes(b"x")  # not committed
    s.commit({"partition": "p2"})  # an old entry without "tables": every table of TABLES
    s.commit({"partition": "p0", "tables": ["articles", "quotes"]})
    s.commit({"partition": "p1", "tables": ["quotes"]})
    assert s.shard_files("articles") == [s.shard_path("articles", "p0"), s.shard_path("articles", "p2")]
    with pytest.raises(StoreError) as err:
        s.shard_files("quotes")
    assert err.value.code == "E131" and err.value.fields["reason"] == "committed shard quotes/p0 is missing"
    assert err.value.fields["path"] == str(tmp_path)
    assert s.shard_files("quotes", missing_ok=True) == []
    assert s.shard_files("minhash") == []  # not among an old entry's tables
    assert "minhash" not in TABLES and "articles" in TABLES


def test_one_writer_at_a_time(tmp_path: Path) -> None:
    s = Store(tmp_path, create=True)
    with s.writer():
        assert s.lock_path.read_text() == str(os.getpid())
        with pytest.raises(StoreError) as err, Store(tmp_path).writer():
            pass
        assert err.value.code == "E127" and err.value.fields == {"path": str(tmp_path), "pid": str(os.getpid())}
    assert s.lock_path.read_text() == ""
    with s.writer():  # released: the next writer gets it
        pass


def test_a_held_lock_without_a_pid_names_an_unknown_holder(tmp_path: Path) -> None:
    import fcntl

    s = Store(tmp_path, create=True)
    fd = os.open(s.lock_path, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        with pytest.raises(StoreError) as err, s.writer():
            pass
        assert err.value.fields["pid"] == "?"
    finally:
        os.close(fd)


def test_writer_on_a_vanished_store_is_a_coded_error(tmp_path: Path) -> None:
    s = Store(tmp_path / "st", create=True)
    s.ledger_path.unlink()
    s.root.rmdir()
    with pytest.raises(StoreError) as err, s.writer():
        pass
    assert err.value.code == "E040"


def test_remove_leftovers_deletes_temp_files_and_unlisted_shards(tmp_path: Path) -> None:
    s = Store(tmp_path, create=True)
    s.commit({"partition": "p0", "tables": ["articles"]})
    keep = s.shard_path("articles", "p0")
    unlisted = [s.shard_path("articles", "p1"), s.shard_path("quotes", "p0")]
    temp = [s.root / "shards" / "articles" / ".p1.parquet.tmp-77", s.root / ".store.json.tmp-5"]
    quarantined = s.quarantine_dir / "p0-1" / ".x.tmp-3"
    tmp_dir = s.root / "dedup" / "d.tmp-9"
    for p in [keep, *unlisted, *temp, quarantined]:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"x")
    tmp_dir.mkdir(parents=True)
    removed = s.remove_leftovers()
    assert sorted(removed) == sorted(unlisted + temp)
    assert keep.exists() and quarantined.exists() and tmp_dir.is_dir()
    assert not any(p.exists() for p in unlisted + temp)
    assert Store(tmp_path / "empty", create=True).remove_leftovers() == []


def test_a_ledger_line_with_bad_bytes_does_not_hide_the_others(tmp_path: Path) -> None:
    s = Store(tmp_path, create=True)
    s.ledger_path.write_bytes(b'{"partition": "p0"}\n{"partition": "p\xff1"}\n{"partition": "p2"}\n')
    assert [e["partition"] for e in s.ledger()] == ["p0", "p\ufffd1", "p2"]


def test_the_lock_file_names_only_the_current_holder(tmp_path: Path) -> None:
    s = Store(tmp_path, create=True)
    s.lock_path.write_text("9999999999 stale")  # a holder killed before it could clear the file
    with s.writer():
        assert s.lock_path.read_text() == str(os.getpid())


def test_commits_are_one_line_each(tmp_path: Path) -> None:
    s = Store(tmp_path, create=True)
    for part in ("p0", "p1", "p2"):
        s.commit({"partition": part})
    assert s.ledger_path.read_text() == '{"partition": "p0"}\n{"partition": "p1"}\n{"partition": "p2"}\n'


def test_old_ledger_lines_without_tables_keep_their_core_shards(tmp_path: Path) -> None:
    s = Store(tmp_path, create=True)
    s.commit({"partition": "p0"})
    kept = [s.shard_path(t, "p0") for t in TABLES]
    extra = s.shard_path("minhash", "p0")
    for p in [*kept, extra]:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"x")
    assert s.remove_leftovers() == [extra] and all(p.exists() for p in kept)
