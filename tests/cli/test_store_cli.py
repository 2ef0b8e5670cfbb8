"""Store commands and -o targets from the CLI: coded one-line errors, checks before any work, verify/repair."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from newsprism.batch import ingest
from newsprism.cli import cmd_analyze
from newsprism.cli.app import main
from newsprism.options import load_options
from synthetic_corpus import write_corpus

TEXT = "The council met on Tuesday. Dana Ortiz said the tunnel would open next year."


def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["newsprism", *args])
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("cli_store")
    write_corpus(tmp / "in.jsonl", 6, bad=False)
    ingest([str(tmp / "in.jsonl")], str(tmp / "st"), load_options(stages=("nlp",)), batch_size=3, stories=False)
    return tmp / "st"


def no_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("analysis started before -o was checked")

    monkeypatch.setattr(cmd_analyze, "Pipeline", refuse)


def test_special_files_are_refused_before_analysis(
    article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    no_analysis(monkeypatch)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (str(fifo), "/dev/null", str(tmp_path)):
        code, _, err = cli(monkeypatch, capsys, "analyze", str(article), "--stages", "nlp", "-o", target)
        assert code == 1 and "E060" in err and "refused" in err and len(err.strip().splitlines()) == 1
    assert fifo.is_fifo() and Path("/dev/null").is_char_device()
    code, _, err = cli(monkeypatch, capsys, "analyze", str(article), "-o", str(tmp_path / "no" / "x.json"))
    assert code == 1 and "E060" in err


def test_symlink_target_is_written_in_place(
    article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    code, _, err = cli(monkeypatch, capsys, "analyze", str(article), "--stages", "nlp", "-q", "-o", str(link))
    assert code == 0, err
    assert link.is_symlink() and '"newsprism.article/1"' in real.read_text()


def test_export_checks_its_target_first(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = cli(monkeypatch, capsys, "export", "--store", str(store), "-o", str(fifo))
    assert code == 1 and "E060" in err and fifo.is_fifo()
    code, _, err = cli(monkeypatch, capsys, "export", "--store", str(store), "-o", str(tmp_path / "no" / "x.csv"))
    assert code == 1 and "E060" in err
    code, _, err = cli(monkeypatch, capsys, "export", "--store", str(store), "-o", str(tmp_path / "x.csv"))
    assert code == 0 and (tmp_path / "x.csv").read_text().count("\n") == 7


def test_ingest_of_a_missing_path_is_e001(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = cli(monkeypatch, capsys, "ingest", str(tmp_path / "nope.jsonl"), "--store", str(tmp_path / "s"))
    assert code == 2 and "E001" in err and "internal error" not in err and len(err.strip().splitlines()) == 1


def test_query_timeout(store: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    sql = "SELECT count(*) FROM range(100000000000) a, range(10) b"
    code, _, err = cli(monkeypatch, capsys, "query", "--store", str(store), "--sql", sql, "--timeout", "0.3")
    assert code == 5 and "E132" in err


def test_store_verify_and_repair(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    copy = shutil.copytree(store, tmp_path / "st")
    code, _, err = cli(monkeypatch, capsys, "store", "verify", "--store", str(copy))
    assert code == 0 and "0 problem(s)" in err
    (copy / "shards" / "quotes" / "p00000001.parquet").unlink()
    code, out, err = cli(monkeypatch, capsys, "store", "verify", "--store", str(copy))
    assert code == 5 and "missing_shard: shards/quotes/p00000001.parquet" in out and "E131" in err
    code, _, err = cli(monkeypatch, capsys, "query", "--store", str(copy), "--sql", "SELECT count(*) FROM articles")
    assert code == 5 and "E131" in err and "internal error" not in err
    code, _, err = cli(monkeypatch, capsys, "store", "repair", "--store", str(copy))
    assert code == 0 and "quarantined 1 partition(s) (3 record(s)); re-ingested 3" in err
    code, out, _ = cli(monkeypatch, capsys, "store", "verify", "--store", str(copy), "--json")
    assert code == 0 and '"ok": true' in out


def test_analyze_keeps_the_good_files_when_one_article_fails(
    article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsprism.pipeline import Pipeline
    from newsprism.registry import StageInfo, Work

    def poison(batch: list[Work], _options: object) -> None:
        if any("POISON" in w.article.text for w in batch):
            raise RuntimeError("cannot parse this text")

    def pipeline(options: object) -> Pipeline:
        p = Pipeline(options)  # type: ignore[arg-type]
        p.stages = [*p.stages, StageInfo("poison", poison, (), (), "1", "fails on one text")]
        return p

    monkeypatch.setattr(cmd_analyze, "Pipeline", pipeline)
    bad = tmp_path / "b.txt"
    bad.write_text("This article holds the POISON word. It cannot be parsed.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = cli(monkeypatch, capsys, "analyze", str(article), str(bad), "--stages", "nlp", "-q", "-o", str(out))
    assert code == 1 and "E129" in err and "Traceback" not in err
    lines = out.read_text().splitlines()
    assert len(lines) == 2 and '"W900"' in lines[1] and '"W900"' not in lines[0]
