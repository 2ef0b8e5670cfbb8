"""Real processes: a second ingest is refused while one runs; killed coordinators take their workers along."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsprism.store import Store
from newsprism.store.catalog import connect
from newsprism.store.verify import verify
from synthetic_corpus import write_corpus

EXE = Path(sys.executable).parent / "newsprism"


def command(src: Path, root: Path, *extra: str) -> list[str]:
    return [str(EXE), "ingest", str(src), "--store", str(root), "--stages", "nlp", "--no-stories", "-q", *extra]


def wait_for(cond: object, proc: subprocess.Popen[bytes], seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        if callable(cond) and cond():
            return
        time.sleep(0.05)
    raise AssertionError(f"condition not met; exit {proc.poll()}")


def children(pid: int) -> list[int]:
    """Live child processes of ``pid`` (from /proc)."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                out.append(int(entry.name))
    return out


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def committed(root: Path) -> int:
    ledger = root / "ledger.jsonl"
    return ledger.read_text().count("\n") if ledger.exists() else 0


@pytest.mark.slow
def test_second_ingest_is_refused_while_the_first_runs(tmp_path: Path) -> None:
    src, other, root = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "st"
    write_corpus(src, 60, bad=False)
    write_corpus(other, 5, seed=3, bad=False)
    other.write_text(other.read_text().replace('"id": "r', '"id": "b'))
    first = subprocess.Popen(command(src, root, "--batch-size", "5"), stderr=subprocess.PIPE)
    try:
        wait_for(lambda: committed(root) >= 1, first)
        second = subprocess.run(command(other, root), capture_output=True, text=True, timeout=120, check=False)
        assert second.returncode == 5 and "E127" in second.stderr and "Traceback" not in second.stderr
        assert len(second.stderr.strip().splitlines()) == 1
    finally:
        assert first.wait(timeout=600) == 0
    third = subprocess.run(command(other, root), capture_output=True, text=True, timeout=300, check=False)
    assert third.returncode == 0, third.stderr
    n = connect(Store(root)).execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
    assert n == (65, 65) and verify(Store(root)).ok


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_killed_coordinator_takes_its_workers_along(tmp_path: Path, sig: signal.Signals) -> None:
    src, root = tmp_path / "in.jsonl", tmp_path / "st"
    ids = write_corpus(src, 80, bad=False)
    proc = subprocess.Popen(command(src, root, "--workers", "2", "--batch-size", "4"), stderr=subprocess.DEVNULL)
    wait_for(lambda: committed(root) >= 1 and len(children(proc.pid)) >= 2, proc, 300)
    workers = [p for p in children(proc.pid) if "resource_tracker" not in Path(f"/proc/{p}/cmdline").read_text()]
    os.kill(proc.pid, sig)
    proc.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(alive(w) for w in workers):
        time.sleep(0.1)
    assert not any(alive(w) for w in workers)
    shards = {p: p.stat().st_mtime_ns for p in (root / "shards").rglob("*.parquet")}
    time.sleep(2)  # nothing writes after the coordinator is gone
    assert {p: p.stat().st_mtime_ns for p in (root / "shards").rglob("*.parquet")} == shards
    rerun = subprocess.run(command(src, root, "--workers", "2", "--batch-size", "4"), capture_output=True, timeout=900)
    assert rerun.returncode == 0, rerun.stderr.decode()
    got = sorted(str(r[0]) for r in connect(Store(root)).execute("SELECT id FROM articles").fetchall())
    assert got == sorted(ids) and verify(Store(root)).ok
