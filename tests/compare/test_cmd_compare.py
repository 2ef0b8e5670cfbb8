import json
from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli.app import _register_commands, app
from newsprism.model import Article

from .conftest import TEXT_A, TEXT_B, TEXT_C


def test_compare_cli_writes_json_and_html(tmp_path: Path) -> None:
    _register_commands()
    src = tmp_path / "in"
    src.mkdir()
    for name, text in (("a.txt", TEXT_A), ("b.txt", TEXT_B), ("c.txt", TEXT_C)):
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path / "cmp.json"
    runner = CliRunner()
    res = runner.invoke(app, ["compare", str(src), "--stages", "nlp", "-o", str(out), "--quiet"])
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "newsprism.comparison/1" and len(data["stories"]) == 1
    html = tmp_path / "cmp.html"
    res = runner.invoke(app, ["compare", str(src), "--stages", "nlp", "-f", "html", "-o", str(html), "-q"])
    assert res.exit_code == 0 and html.read_text(encoding="utf-8").startswith("<!doctype html>")
    res = runner.invoke(app, ["compare", str(src), "-f", "pdf"])
    assert res.exit_code != 0


def test_summary_lines_count_cross_outlet_quotes_and_central_omissions(story_articles: list[Article]) -> None:
    from newsprism.cli.cmd_compare import summary_lines
    from newsprism.compare import compare

    comp = compare(story_articles)
    story = comp.stories[0]
    assert story.coverage is not None
    omits = sum(len(o.claims) + len(o.quotes) + len(o.sources) for o in story.coverage.omits.values())
    (line,) = summary_lines(comp)
    assert f"{omits} central omissions" in line and "across outlets" in line
    assert f"{len(story.narratives)} narratives" in line and f"{len(story.related_claims)} partial matches" in line
