"""The CLI as a user runs it: version, analyze to -o in each format, exit codes, stages, bench gate."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsprism import __version__
from newsprism.bench import gate
from newsprism.bench.registry import BenchContext, Metric, evaluator
from newsprism.cli.app import main

EXE = Path(sys.executable).parent / "newsprism"


def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``newsprism ARGS`` in-process through the real entry point (error handling and exit codes included)."""
    monkeypatch.setattr(sys, "argv", ["newsprism", *args])
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    out, err = capsys.readouterr()
    return code, out, err


def test_version_from_the_installed_script() -> None:
    proc = subprocess.run([str(EXE), "--version"], capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0 and proc.stdout.strip() == f"newsprism {__version__}"


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
def test_analyze_writes_each_format_to_output(
    fmt: str,
    tmp_path: Path,
    seeds_dir: Path,
    nlp_pipeline: object,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    seeds = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    target = tmp_path / f"report.{fmt}"
    code, out, err = cli(monkeypatch, capsys, "analyze", *seeds, "--stages", "nlp", "-f", fmt, "-o", str(target))
    assert code == 0, err
    assert out == "" and "wrote" in err  # the report goes to the file; the summary to stderr
    text = target.read_text(encoding="utf-8")
    if fmt == "json":
        rows = [json.loads(line) for line in text.splitlines()]
        assert len(rows) == len(seeds) and all(r["schema"] == "newsprism.article/1" for r in rows)
    elif fmt == "html":
        assert text.startswith("<!doctype html>") and text.count("<article ") == len(seeds)
    else:
        assert text.count("\n---\n") == len(seeds) - 1
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left behind


def test_quiet_prints_nothing_on_stderr(
    tmp_path: Path,
    seeds_dir: Path,
    nlp_pipeline: object,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    seed = str(sorted(seeds_dir.glob("*.txt"))[0])
    code, _, err = cli(monkeypatch, capsys, "analyze", seed, "--stages", "nlp", "-o", str(tmp_path / "x.json"), "-q")
    assert code == 0 and err == ""


@pytest.mark.parametrize(
    ("args", "exit_code", "code"),
    [
        (["analyze", "/no/such/file.txt", "--stages", "nlp"], 2, "E001"),
        (["analyze", "-", "--stages", "nlp", "--format", "pdf"], 2, "E022"),
        (["analyze", "-", "--stages", "nosuchstage"], 2, "E020"),
        (["bench", "nosuchtask", "--no-gate"], 6, "E052"),
        (["bench", "speed", "--data", "/no/such/dir"], 6, "E050"),
    ],
)
def test_exit_codes_and_one_line_errors(
    args: list[str], exit_code: int, code: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    got, out, err = cli(monkeypatch, capsys, *args)
    assert got == exit_code, err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"newsprism: error: {code}"), err
    assert "Traceback" not in err and out == ""


def test_output_is_not_written_when_the_directory_is_missing(
    tmp_path: Path,
    seeds_dir: Path,
    nlp_pipeline: object,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    seed = str(sorted(seeds_dir.glob("*.txt"))[0])
    code, _, err = cli(monkeypatch, capsys, "analyze", seed, "--stages", "nlp", "-o", str(tmp_path / "no" / "x.json"))
    assert code == 1 and "E060" in err and not (tmp_path / "no").exists()


def test_stages_lists_registered_stages(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from newsprism.registry import registered

    code, out, _ = cli(monkeypatch, capsys, "stages")
    assert code == 0 and all(name in out for name in registered())


def test_bench_gate_exit_code_and_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    @evaluator("cli_toy")
    def _toy(ctx: BenchContext) -> list[Metric]:
        return [Metric("cli_toy", "f1", 0.4, 0.5, "", 10, ctx.split, "h1")]

    pin = {"measured": 0.6, "noise": 0.0, "floor": 0.6, "data_hash": "h1"}
    entry = {"direction": "higher", "chance": 0.5, "chance_note": "-", "noise_note": "-", "full": pin}
    (tmp_path / "cli_toy.json").write_text(json.dumps({"task": "cli_toy", "format": 2, "metrics": {"f1": entry}}))
    monkeypatch.setattr(gate, "FLOORS_DIR", tmp_path)
    code, out, err = cli(monkeypatch, capsys, "bench", "cli_toy", "--json")
    assert code == 6 and "E051" in err and "cli_toy.f1" in err
    assert json.loads(out)["metrics"][0]["value"] == 0.4  # the numbers are printed even when the gate fails
    code, out, _ = cli(monkeypatch, capsys, "bench", "cli_toy", "--no-gate")
    assert code == 0 and "cli_toy" in out and "0.4000" in out


def test_bench_set_passes_task_parameters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    @evaluator("cli_param")
    def _param(ctx: BenchContext) -> list[Metric]:
        return [Metric("cli_param", "n", float(str(ctx.extra.get("n", 1))), None, str(ctx.extra), 1, ctx.split, "h")]

    monkeypatch.setattr(gate, "FLOORS_DIR", tmp_path)
    code, out, _ = cli(
        monkeypatch, capsys, "bench", "cli_param", "--json", "--set", "n=7", "--set", "stages=nlp,quotes"
    )
    metric = json.loads(out)["metrics"][0]
    assert code == 0 and metric["value"] == 7.0 and "nlp,quotes" in metric["reference_note"]
    code, _, err = cli(monkeypatch, capsys, "bench", "cli_param", "--set", "n7")
    assert code != 0 and "E055" in err and "Traceback" not in err
    code, _, err = cli(monkeypatch, capsys, "bench", "cli_param", "--set", "n=7", "--update-floors")
    assert code != 0 and "E056" in err and not (tmp_path / "cli_param.json").exists()


def test_summary_line_leads_with_what_is_measured_and_shows_no_lean() -> None:
    from newsprism.cli.cmd_analyze import summary_line
    from newsprism.model import Article, Slant, SlantPhrase, make_span

    text = "They let illegal aliens in, again."
    art = Article(id="s", title="Border", text=text)
    ev = make_span(art, 9, 23, SlantPhrase, weight=3.1, count=2)
    art.slant = Slant(label="uncertain", score=0.35, confidence=0.5, hyperpartisan=0.61, evidence=[ev])
    line = summary_line(art).splitlines()[1]
    assert line.startswith("    slant: hyperpartisan 0.61 · lean not shown (lexicon AUC ")
    assert "leans" not in line and "+0.35" not in line
    art.slant = None
    assert "slant" not in summary_line(art)


def test_summary_line_names_the_most_mentioned_targets_tone() -> None:
    from newsprism.cli.cmd_analyze import summary_line
    from newsprism.model import Article, Tone
    from newsprism.report.tone import caveat

    art = Article(id="t", title="Border", text="Harris met Biden.")
    art.tone = [
        Tone(target="Biden", score=-0.25, mentions=6, label="negative"),
        Tone(target="Harris", score=0.05, mentions=8, label="neutral"),
        Tone(target="Reed", score=0.3, mentions=1),
    ]
    assert summary_line(art).splitlines()[1:] == [
        f"    tone ({caveat()}):",
        "      Harris neutral +0.05: no judging words",
        "      Biden negative -0.25: no judging words",
        "      Reed tone +0.30: no judging words",
    ]
    art.tone += [Tone(target=f"P{i}", score=0.0, mentions=0, label="neutral") for i in range(2)]
    assert summary_line(art).splitlines()[1] == f"    tone ({caveat()}; 4 of 5 shown):"


def test_summary_tone_keeps_the_writer_and_quoted_sources_apart_with_their_words() -> None:
    from newsprism.cli.cmd_analyze import summary_line
    from newsprism.model import Article, QuotedStance, Stance, StanceCue, Tone, make_span

    text = 'Harris continued to dodge the question. "Harris failed," said Cuccinelli.'
    art = Article(id="t", title="Border", text=text)

    def cue(start: int, end: int, lemma: str) -> StanceCue:
        return make_span(art, start, end, StanceCue, lemma=lemma, relation="agent", polarity=-1, mention_start=0,
                         mention_end=6)  # fmt: skip

    author = Stance(label="negative", score=-1.0, cues=[cue(20, 25, "dodge")])
    quoted = [QuotedStance(label="negative", score=-1.0, cues=[cue(48, 54, "fail")], speaker="Ken Cuccinelli")]
    art.tone = [Tone(target="Harris", score=-0.5, mentions=2, label="negative", author=author, quoted=quoted)]
    line = summary_line(art)
    assert "unvalidated: blind macro-F1 0." in line
    assert "Harris negative -0.50: writer negative (dodge); quoted: Ken Cuccinelli negative (fail)" in line


def test_untitled_text_summary_names_its_headline_line_never_its_path(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A plain-text file whose first line has no blank line after it keeps no title; the summary (stderr) and
    the Markdown heading still call it by that line, never by the file's path."""
    src = tmp_path / "feeds" / "0001_untitled.txt"
    src.parent.mkdir()
    src.write_text("Storm Hits Harbor Town\nA storm hit the harbor town on Monday, officials said.\n", "utf-8")
    target = tmp_path / "out.md"
    code, _, err = cli(monkeypatch, capsys, "analyze", str(src), "--stages", "nlp", "-f", "md", "-o", str(target))
    assert code == 0, err
    summary = err.splitlines()[-2]
    assert "Storm Hits Harbor Town" in summary and str(src) not in summary and "0001_untitled" not in summary
    md = target.read_text("utf-8")
    assert md.startswith("# Storm Hits Harbor Town\n") and "0001_untitled" not in md
