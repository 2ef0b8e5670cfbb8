"""The CLI on bad input: one stderr line, the right exit code, never a traceback or a partial -o file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXE = Path(sys.executable).parent / "newsprism"
BODY = (
    "The committee approved the plan on Friday. Members said the vote was close, and the chair promised a "
    "review next spring."
)


def run(*args: str | Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [str(EXE), "analyze", "--stages", "nlp", "--quiet", *map(str, args)]
    proc = subprocess.run(cmd, input=stdin, capture_output=True, timeout=120, check=False)
    return subprocess.CompletedProcess(cmd, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def err_lines(proc: subprocess.CompletedProcess[str]) -> list[str]:
    return [ln for ln in proc.stderr.splitlines() if ln.strip()]


def one_article(proc: subprocess.CompletedProcess[str]) -> dict[str, object]:
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize(
    ("data", "code", "extra"),
    [
        (b"", "E002", ()),
        (b"  \n \t\r\n  ", "E002", ()),
        (b"\x00\x01\x02\x03binary\x00\xff" * 20, "E003", ()),
        (BODY.encode() * 10, "E004", ("--max-bytes", "100")),
    ],
    ids=["empty", "whitespace", "binary", "over-cap"],
)
def test_unanalysable_file(tmp_path: Path, data: bytes, code: str, extra: tuple[str, ...]) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    out = tmp_path / "out.json"
    proc = run(path, "-o", out, *extra)
    assert proc.returncode == 2
    (line,) = err_lines(proc)
    assert code in line and "Traceback" not in proc.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == [path]  # no partial or temp output left


def test_missing_path(tmp_path: Path) -> None:
    proc = run(tmp_path / "nope.txt")
    assert proc.returncode == 2
    (line,) = err_lines(proc)
    assert "E001" in line


def test_unreachable_url() -> None:
    proc = run("http://127.0.0.1:9/article", "--allow-private-urls")
    assert proc.returncode == 3
    (line,) = err_lines(proc)
    assert "E011" in line


def test_private_url_refused() -> None:
    proc = run("http://127.0.0.1:9/article")
    assert proc.returncode == 3 and "E010" in err_lines(proc)[0]


REPAIRS = {
    "a_utf16_bom.txt": (BODY.encode("utf-16"), "W001"),
    "b_cp1252.txt": (("Caf\u00e9 owners said \u201cno\u201d. " + BODY).encode("cp1252"), "W002"),
    "c_crlf.txt": (BODY.replace(". ", ".\r\n").encode(), "W003"),
    "d_zero_width.txt": (BODY.replace("plan", "pl\u200ban\u200d").encode(), "W004"),
}


@pytest.mark.slow
def test_repaired_inputs_are_analysed_with_warnings(tmp_path: Path) -> None:
    for name, (data, _) in REPAIRS.items():
        (tmp_path / name).write_bytes(data)
    proc = run(tmp_path)  # one process for all four (a directory: JSON Lines in name order)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    arts = [json.loads(ln) for ln in proc.stdout.splitlines() if ln.strip()]
    assert len(arts) == len(REPAIRS)
    for art, (_, warning) in zip(arts, REPAIRS.values(), strict=True):
        assert warning in [w["code"] for w in art["warnings"]]
        text = str(art["text"])
        assert "\r" not in text and "\u200b" not in text and "committee approved the plan" in text
        assert art["sentences"]
    assert arts[1]["text"].startswith("Caf\u00e9 owners said \u201cno\u201d")


@pytest.mark.slow
def test_non_english_warns(tmp_path: Path) -> None:
    path = tmp_path / "es.txt"
    path.write_text(
        "El comité aprobó el plan el viernes. Los miembros dijeron que la votación fue muy reñida y que "
        "la presidenta prometió una revisión en primavera para todos los ciudadanos del país.",
        encoding="utf-8",
    )
    art = one_article(run(path))
    assert "W100" in [w["code"] for w in art["warnings"]]  # type: ignore[union-attr]


@pytest.mark.slow
def test_jsonl_with_one_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    good = [json.dumps({"id": f"a{i}", "text": f"Story {i}. {BODY}"}) for i in range(2)]
    path.write_text(f"{good[0]}\n{{broken json\n{good[1]}\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = run(path, "-o", out)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    lines = err_lines(proc)
    assert any(("E006" in ln and ":2" in ln) or "record 2" in ln for ln in lines)
    assert sum("E006" in ln for ln in lines) == 1
    ids = [json.loads(ln)["id"] for ln in out.read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert ids == ["a0", "a1"]


@pytest.mark.slow
def test_stdin_dash() -> None:
    art = one_article(run("-", stdin=BODY.encode()))
    assert art["text"] == BODY and art["source"] == "<stdin>"
