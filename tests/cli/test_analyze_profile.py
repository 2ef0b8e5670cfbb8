"""``newsprism analyze --profile``: the per-stage table on stderr, the report unchanged on stdout."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from newsprism.cli.app import main


def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["newsprism", *args])
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    out, err = capsys.readouterr()
    return code, out, err


def test_profile_prints_the_stage_table_on_stderr(
    seeds_dir: Path, nlp_pipeline: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = sorted(str(p) for p in seeds_dir.glob("*.txt"))[:2]
    code, out, err = cli(monkeypatch, capsys, "analyze", *seeds, "--stages", "nlp,tone", "-q", "--profile")
    assert code == 0, err
    assert [json.loads(x)["id"] for x in out.splitlines()]  # stdout is the report alone (a JSON line each)
    assert len(out.splitlines()) == 2
    lines = err.splitlines()
    head = lines.index(next(x for x in lines if x.split()[:2] == ["stage", "seconds"]))
    rows = {x.split()[0]: x.split()[1:] for x in lines[head + 1 :] if x.split() and x.split()[0] != "peak"}
    assert next(iter(rows)) == "nlp" and "tone" in rows and list(rows)[-1] == "total"
    shares = [float(r[1].rstrip("%")) for s, r in rows.items() if s != "total"]
    assert sum(shares) == pytest.approx(100.0, abs=0.2) and rows["total"][1] == "100.0%"
    assert any(x.startswith("peak RSS ") and x.endswith(" MB") for x in lines)


def test_no_table_without_profile(
    seeds_dir: Path, nlp_pipeline: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = str(sorted(seeds_dir.glob("*.txt"))[0])
    code, _, err = cli(monkeypatch, capsys, "analyze", seed, "--stages", "nlp", "-q")
    assert code == 0 and "articles/s" not in err
