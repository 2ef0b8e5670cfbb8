"""Fault injection for the corpus store: every fault ends with no record lost, none doubled, documented exits.

Each scenario builds a small synthetic corpus, runs the real ``newsprism`` CLI, injects one fault (kills at
random points with 1 and 2 workers, concurrent ingests, damaged and deleted files, a full disk, a read-only
store, growing inputs, duplicate ids, oversized records...), then the documented recovery (rerun, or
``newsprism store repair``), and finally ``newsprism store repair`` + ``newsprism store verify``. It prints
one table row per fault: lost records, doubled records, the exit statuses seen against the documented ones,
and whether the store verifies clean after repair. Exit 1 if any row fails.

    nice -n 10 .venv/bin/python benchmarks/faults.py [--seed 17] [--only NAME] [--markdown]

The full-disk and read-only faults need root (a tmpfs mount); without it they are reported as skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the synthetic corpus writer the tests use

from newsprism.store import Store  # noqa: E402
from newsprism.store.catalog import connect  # noqa: E402
from synthetic_corpus import write_corpus  # noqa: E402

EXE = str(Path(sys.executable).parent / "newsprism")
BASE = ["--stages", "nlp", "--no-stories", "-q"]


@dataclass
class Case:
    """One scenario's working directory and what it observed."""

    tmp: Path
    rng: random.Random
    expected: set[str] = field(default_factory=set)  # ids that must end up stored exactly once
    exits: list[int] = field(default_factory=list)
    documented: list[int] = field(default_factory=list)
    note: str = ""

    @property
    def src(self) -> Path:
        return self.tmp / "in.jsonl"

    @property
    def store(self) -> Path:
        return self.tmp / "st"

    def corpus(self, n: int, seed: int = 7, prefix: str = "r", path: Path | None = None) -> Path:
        target = path or self.src
        write_corpus(target, n, seed=seed, bad=False)
        if prefix != "r":
            target.write_text(target.read_text().replace('"id": "r', f'"id": "{prefix}'))
        self.expected |= {f"{prefix}{i}" for i in range(n)}
        return target

    def run(self, args: list[str], documented: int | tuple[int, ...], stdin: bytes | None = None) -> int:
        proc = subprocess.run([EXE, *args], capture_output=True, timeout=900, check=False, input=stdin)
        return self.record(proc.returncode, documented, proc.stderr.decode(errors="replace"))

    def record(self, code: int, documented: int | tuple[int, ...], err: str = "") -> int:
        allowed = documented if isinstance(documented, tuple) else (documented,)
        self.exits.append(code)
        self.documented.append(code if code in allowed else allowed[0])
        if code not in allowed:
            self.note += f" unexpected exit {code}: {err.strip()[-160:]}"
        return code

    def ingest(
        self, documented: int | tuple[int, ...] = 0, *extra: str, src: Path | None = None, stories: bool = False
    ) -> int:
        base = [a for a in BASE if a != "--no-stories"] if stories else BASE
        return self.run(["ingest", str(src or self.src), "--store", str(self.store), *base, *extra], documented)

    def popen_ingest(self, *extra: str, src: Path | None = None) -> subprocess.Popen[bytes]:
        args = [EXE, "ingest", str(src or self.src), "--store", str(self.store), *BASE, *extra]
        return subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def ledger_lines(store: Path) -> int:
    path = store / "ledger.jsonl"
    return path.read_text().count("\n") if path.exists() else 0


def wait_commits(proc: subprocess.Popen[bytes], store: Path, k: int, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None and ledger_lines(store) < k:
        time.sleep(0.02)


def kill_at_random(case: Case, workers: int, sig: signal.Signals) -> None:
    case.corpus(60)
    proc = case.popen_ingest("--workers", str(workers), "--batch-size", "4")
    k = case.rng.randint(0, 12)
    wait_commits(proc, case.store, k)
    time.sleep(case.rng.uniform(0, 0.3))
    finished = proc.poll() is not None
    if not finished:
        os.kill(proc.pid, sig)
    code = proc.wait()
    case.record(code, (-sig, 0) if not finished else 0)
    case.note += f" killed after {ledger_lines(case.store)} commit(s)" if not finished else " finished before the kill"
    case.ingest(0, "--workers", str(workers), "--batch-size", "4")


def concurrent(case: Case, same: bool) -> None:
    case.corpus(40)
    other = case.src if same else case.corpus(5, seed=3, prefix="b", path=case.tmp / "b.jsonl")
    first = case.popen_ingest("--batch-size", "4")
    wait_commits(first, case.store, 1)
    case.ingest(5, src=other)  # refused while the first holds the lock (E127)
    case.record(first.wait(), 0)
    case.ingest(0, src=other)  # afterwards it runs


def delete_shard(case: Case, table: str) -> None:
    case.corpus(20)
    case.ingest(0, "--batch-size", "5")
    (case.store / "shards" / table / "p00000001.parquet").unlink()
    case.run(["query", "--store", str(case.store), "--sql", "SELECT count(*) FROM articles"], 5)  # E131
    case.run(["store", "verify", "--store", str(case.store)], 5)
    case.run(["store", "repair", "--store", str(case.store)], 0)


def damage_shard(case: Case) -> None:
    case.corpus(20)
    case.ingest(0, "--batch-size", "5")
    path = case.store / "shards" / "articles" / "p00000002.parquet"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    case.run(["store", "verify", "--store", str(case.store)], 5)
    case.run(["store", "repair", "--store", str(case.store)], 0)


def damage_derived(case: Case, what: str) -> None:
    case.corpus(12)
    stories = what != "manifest"
    case.ingest(0, "--batch-size", "5", stories=stories)
    if what == "manifest":
        (case.store / "dedup" / "manifest.json").write_text("{oops")
    else:
        (case.store / "stories" / "stories.parquet").write_bytes(b"PAR1 not parquet")
    case.run(["query", "--store", str(case.store), "stories"], 5)  # E131, not exit 70
    case.ingest(0, "--batch-size", "5", stories=stories)  # the ingest rebuilds it


def torn_ledger(case: Case) -> None:
    case.corpus(12)
    case.ingest(0, "--batch-size", "5")
    with open(case.store / "ledger.jsonl", "a") as fh:
        fh.write('{"partition": "p0000')  # a crash in the middle of the commit append
    case.ingest(0, "--batch-size", "5")


def leftovers(case: Case) -> None:
    case.corpus(12)
    case.ingest(0, "--batch-size", "5")
    shards = case.store / "shards" / "articles"
    (shards / ".p00000007.parquet.tmp-999").write_bytes(b"half a shard")
    shutil.copy(shards / "p00000000.parquet", shards / "p00000042.parquet")  # written, never committed
    case.run(["store", "verify", "--store", str(case.store)], 5)
    case.ingest(0, "--batch-size", "5")


def _mount(target: Path, size: str) -> bool:
    target.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        return False
    mount = ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(target)]
    return subprocess.run(mount, check=False, capture_output=True).returncode == 0


def full_disk(case: Case) -> None:
    mnt = case.tmp / "mnt"
    if not _mount(mnt, "160k"):
        raise Skip("needs root for a tmpfs")
    try:
        case.corpus(60, seed=11)
        store = mnt / "st"
        case.run(["ingest", str(case.src), "--store", str(store), *BASE, "--batch-size", "4"], 5)  # E040
        left = [p.name for p in store.rglob("*") if ".tmp-" in p.name]
        if left:
            case.note += f" temp files left: {left}"
        subprocess.run(["mount", "-o", "remount,size=64m", str(mnt)], check=True)  # space freed
        case.run(["ingest", str(case.src), "--store", str(store), *BASE, "--batch-size", "4"], 0)
        shutil.copytree(store, case.store)
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


def read_only(case: Case) -> None:
    mnt = case.tmp / "mnt"
    if not _mount(mnt, "64m"):
        raise Skip("needs root for a tmpfs")
    try:
        case.corpus(10)
        store = mnt / "st"
        case.run(["ingest", str(case.src), "--store", str(store), *BASE], 0)
        more = case.corpus(4, seed=5, prefix="m", path=case.tmp / "more.jsonl")
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        case.run(["ingest", str(more), "--store", str(store), *BASE], 5)  # E040 read-only
        case.run(["query", "--store", str(store), "--sql", "SELECT count(*) FROM articles"], 0)  # readers work
        subprocess.run(["mount", "-o", "remount,rw", str(mnt)], check=True)
        case.run(["ingest", str(more), "--store", str(store), *BASE], 0)
        shutil.copytree(store, case.store)
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


def grow_append(case: Case) -> None:
    case.corpus(10)
    case.ingest(0, "--batch-size", "4")
    extra = case.tmp / "extra.jsonl"
    case.corpus(5, seed=4, prefix="n", path=extra)
    with open(case.src, "a") as fh:
        fh.write(extra.read_text())
    case.ingest(0, "--batch-size", "4")


def grow_middle(case: Case) -> None:
    case.corpus(10)
    case.ingest(0, "--batch-size", "4")
    lines = case.src.read_text().splitlines(keepends=True)
    mid = json.dumps({"id": "mid", "outlet": "X", "text": "A record inserted in the middle of the corpus file."})
    case.src.write_text("".join(lines[:5]) + mid + "\n" + "".join(lines[5:]))
    case.expected.add("mid")
    case.ingest(0, "--batch-size", "4")


def grow_sorting_first(case: Case) -> None:
    src = case.tmp / "in"
    src.mkdir()
    case.corpus(10, path=src / "b.jsonl")
    case.ingest(0, "--batch-size", "4", src=src)
    case.corpus(4, seed=8, prefix="a", path=src / "a.jsonl")  # sorts before b.jsonl
    case.ingest(0, "--batch-size", "4", src=src)


def duplicate_ids(case: Case) -> None:
    case.corpus(8)
    dup = json.loads(case.src.read_text().splitlines()[3])
    dup["text"] = "A different article that reuses the id of record three."
    with open(case.src, "a") as fh:
        fh.write(json.dumps(dup) + "\n")
    case.ingest(0, "--batch-size", "3")  # the second r3 is rejected (E128), stored once
    case.ingest(0, "--batch-size", "3")


def oversized(case: Case) -> None:
    case.corpus(8)
    with open(case.src, "a") as fh:
        fh.write(json.dumps({"id": "huge", "text": "word " * 3000}) + "\n")
    cfg = case.tmp / "cfg.toml"
    cfg.write_text("max_bytes = 4000\n")
    case.ingest(0, "--config", str(cfg))  # the oversized record is rejected (E004), the rest stored


def empty_file_in_dir(case: Case) -> None:
    src = case.tmp / "in"
    src.mkdir()
    case.corpus(6, path=src / "a.jsonl")
    (src / "empty.txt").write_text("")
    case.ingest(0, src=src)


def missing_input(case: Case) -> None:
    case.run(["ingest", str(case.tmp / "nope.jsonl"), "--store", str(case.store), *BASE], 2)  # E001
    case.corpus(3)
    case.ingest(0)


def other_settings(case: Case) -> None:
    case.corpus(6)
    case.ingest(0)
    case.run(["ingest", str(case.src), "--store", str(case.store), "--stages", "nlp,quotes", "--no-stories", "-q"], 5)


def bad_output(case: Case) -> None:
    case.corpus(4)
    case.ingest(0)
    fifo = case.tmp / "fifo"
    os.mkfifo(fifo)
    case.run(["export", "--store", str(case.store), "-o", str(fifo)], 1)  # E060, the FIFO is kept
    case.run(["export", "--store", str(case.store), "-o", str(case.tmp / "no" / "x.csv")], 1)
    if not fifo.is_fifo():
        case.note += " FIFO replaced"


class Skip(Exception):
    pass


SCENARIOS: dict[str, Callable[[Case], None]] = {
    **{f"kill -9, 1 worker #{i}": (lambda c: kill_at_random(c, 1, signal.SIGKILL)) for i in range(1, 4)},
    **{f"kill -9, 2 workers #{i}": (lambda c: kill_at_random(c, 2, signal.SIGKILL)) for i in range(1, 4)},
    "SIGTERM, 1 worker": lambda c: kill_at_random(c, 1, signal.SIGTERM),
    "SIGTERM, 2 workers": lambda c: kill_at_random(c, 2, signal.SIGTERM),
    "concurrent ingest, same input": lambda c: concurrent(c, True),
    "concurrent ingest, other input": lambda c: concurrent(c, False),
    "deleted articles shard": lambda c: delete_shard(c, "articles"),
    "deleted sentences shard": lambda c: delete_shard(c, "sentences"),
    "truncated articles shard": damage_shard,
    "damaged dedup/manifest.json": lambda c: damage_derived(c, "manifest"),
    "damaged stories/stories.parquet": lambda c: damage_derived(c, "stories"),
    "torn ledger line": torn_ledger,
    "temp file + uncommitted shard left": leftovers,
    "full disk (tmpfs)": full_disk,
    "read-only store (ro mount)": read_only,
    "records appended to the input": grow_append,
    "record inserted mid-JSONL": grow_middle,
    "new file sorting first": grow_sorting_first,
    "duplicate input ids": duplicate_ids,
    "oversized record": oversized,
    "empty file in input dir": empty_file_in_dir,
    "missing input path": missing_input,
    "resume with other stages": other_settings,
    "export -o FIFO / missing dir": bad_output,
}


def finish(case: Case) -> tuple[int, int, bool]:
    """repair + verify, then (lost, doubled, verifies clean)."""
    repaired = subprocess.run([EXE, "store", "repair", "--store", str(case.store)], capture_output=True, check=False)
    verified = subprocess.run([EXE, "store", "verify", "--store", str(case.store)], capture_output=True, check=False)
    con = connect(Store(case.store))
    ids = [str(r[0]) for r in con.execute("SELECT id FROM articles").fetchall()]
    lost = len(case.expected - set(ids))
    doubled = len(ids) - len(set(ids)) + len(set(ids) - case.expected)
    return lost, doubled, repaired.returncode == 0 and verified.returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--only", default=None, help="run the scenarios whose name contains this")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rows, failed = [], 0
    for name, scenario in SCENARIOS.items():
        if args.only and args.only not in name:
            continue
        with tempfile.TemporaryDirectory(prefix="np-fault-") as tmp:
            case = Case(Path(tmp), random.Random(rng.random()))
            try:
                scenario(case)
            except Skip as why:
                rows.append((name, "-", "-", "-", "-", f"skipped: {why}"))
                continue
            lost, doubled, clean = finish(case)
        ok = lost == 0 and doubled == 0 and clean and case.exits == case.documented
        failed += not ok
        exits = ",".join(map(str, case.exits))
        documented = ",".join(map(str, case.documented))
        verdict = "yes" if clean else "NO"
        rows.append((name, str(lost), str(doubled), f"{exits} (documented {documented})", verdict, case.note.strip()))
        line = f"{name}: lost {lost}, duplicated {doubled}, exits {exits}, clean {clean} {case.note}"
        print(("ok   " if ok else "FAIL ") + line, file=sys.stderr, flush=True)
    header = ("fault", "lost", "duplicated", "exit statuses", "verifies clean after repair", "note")
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in rows:
            print("| " + " | ".join(row) + " |")
    else:
        for row in [header, *rows]:
            print("  ".join(row))
    print(f"{len(rows)} fault(s), {failed} failed", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
