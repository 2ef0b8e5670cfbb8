"""Spans below the shown-span threshold (``shown`` false) stay in the JSON and are rendered nowhere (issue 27).

One article with a shown span and a hidden one, each with text, technique and explanation found nowhere else;
every place that renders technique spans (reports, comparison, CLI summary, store views) must show the first
and not the second.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from newsprism.model import Article, Technique, make_span

TEXT = (
    "The senator praised the plan. Critics called it a shameful betrayal. "
    "Officials said the qwertyfoo rollout starts soon."
)
HIDDEN_TECHNIQUE = "Bandwagon,Reductio_ad_hitlerum"  # a class used by no other span here
HIDDEN_WORD = "qwertyfoo"
HIDDEN_WHY = "Zyxwhy hidden explanation"


def _article() -> Article:
    art = Article(id="h1", title="Plan", outlet="Outlet A", text=TEXT)
    s0 = TEXT.index("shameful betrayal")
    h0 = TEXT.index(HIDDEN_WORD)
    art.techniques = [
        make_span(
            art,
            s0,
            s0 + len("shameful betrayal"),
            Technique,
            technique="Loaded_Language",
            score=0.81,
            explanation="Uses the loaded label “shameful betrayal”.",
            neutral="change of course",
            shown=True,
        ),
        make_span(
            art,
            h0,
            h0 + len(HIDDEN_WORD) + len(" rollout"),
            Technique,
            technique=HIDDEN_TECHNIQUE,
            score=0.21,
            explanation=HIDDEN_WHY,
            neutral="zzneutralhidden",
            shown=False,
        ),
        make_span(  # a hidden loaded-language span: the slant line must not count it
            art,
            0,
            len("The senator"),
            Technique,
            technique="Loaded_Language",
            score=0.2,
            explanation=HIDDEN_WHY + " 2",
            shown=False,
        ),
    ]
    from newsprism.techniques.summary import summarise

    art.technique_summary = summarise(art)
    return art


def _no_hidden(out: str) -> None:
    assert HIDDEN_WHY not in out and HIDDEN_TECHNIQUE not in out and "zzneutralhidden" not in out


def test_json_keeps_every_span() -> None:
    d = json.loads(json.dumps(_article().to_json_dict()))
    assert [t["shown"] for t in d["techniques"]] == [True, False, False]


def test_summary_counts_shown_spans_only() -> None:
    from newsprism.report.article import summary

    art = _article()
    assert art.technique_summary is not None and art.technique_summary.counts == {"Loaded_Language": 1}
    s = summary(art)
    assert s["techniques"] == [("Loaded_Language", 1)] and s["techniques_shown"] == 1


def test_html_report_hides_hidden_spans() -> None:
    from newsprism.report.article import articles_html, marks

    art = _article()
    assert [m.start for m in marks(art) if m.layer == "techniques"] == [TEXT.index("shameful")]
    html = articles_html([art])
    _no_hidden(html)
    assert "shameful betrayal" in html and "Loaded_Language" in html
    assert "1 techniques" in html  # the header counts shown spans


def test_markdown_report_hides_hidden_spans() -> None:
    from newsprism.report.article import articles_markdown

    md = articles_markdown([_article()])
    _no_hidden(md)
    assert "| Loaded_Language | shameful betrayal | change of course |" in md
    assert HIDDEN_WORD not in md.split("## Persuasion techniques")[1]
    assert " 1 techniques " in md


def test_markdown_report_without_shown_spans_has_no_techniques_table() -> None:
    from newsprism.report.article import articles_markdown

    art = _article()
    art.techniques = [t for t in art.techniques if not t.shown]
    assert "## Persuasion techniques" not in articles_markdown([art])


def test_slant_loaded_language_counts_shown_spans() -> None:
    from newsprism.report.slant import loaded_count, loaded_line

    art = _article()
    assert loaded_count(art) == 1
    assert loaded_line(art) == "Loaded language: 1 spans (techniques stage)"


def test_cli_summary_counts_shown_spans() -> None:
    from newsprism.cli.cmd_analyze import summary_line

    line = summary_line(_article())
    assert "1 techniques" in line and "3 techniques" not in line


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_comparison_hides_hidden_spans(fmt: str) -> None:
    from newsprism.compare import compare
    from newsprism.report import render_comparison

    art = _article()
    other = Article(id="h2", title="Plan", outlet="Outlet B", text="The senator praised the plan on Monday.")
    out = render_comparison(compare([art, other]), [art, other], fmt)
    _no_hidden(out)
    assert "Loaded_Language" in out


def test_web_report_page_hides_hidden_spans() -> None:
    from newsprism.report import render_articles

    # the web app serves render_articles' HTML (web/pages.py) with its navigation added
    _no_hidden(render_articles([_article()], "html"))


def test_store_rows_keep_every_span_and_the_outlet_view_counts_shown_ones() -> None:
    from newsprism.store.query import QUESTIONS
    from newsprism.store.shards import article_rows, schemas

    rows = article_rows(_article(), "p00000000", 0)
    assert [r["shown"] for r in rows["techniques"]] == [True, False, False]
    con = duckdb.connect(":memory:")
    for name in ("techniques", "articles"):
        con.register(name, pa.Table.from_pylist(rows[name], schema=schemas()[name]))
    sql = QUESTIONS["techniques-per-outlet"][0]
    got = con.execute(sql).fetchall()
    assert [(o, t, n) for o, t, n, _ in got] == [("Outlet A", "Loaded_Language", 1)]


def test_store_view_reads_shards_written_before_the_shown_column(tmp_path: Path) -> None:
    """A techniques shard without ``shown`` (older store) next to a new one: the view reads it as NULL."""
    import pyarrow.parquet as pq

    from newsprism.store.catalog import _view
    from newsprism.store.shards import article_rows, schemas

    root = tmp_path
    rows = article_rows(_article(), "p00000000", 0)["techniques"]
    old = pa.Table.from_pylist([{k: v for k, v in r.items() if k != "shown"} for r in rows[:1]])
    pq.write_table(old, root / "old.parquet")
    pq.write_table(pa.Table.from_pylist(rows, schema=schemas()["techniques"]), root / "new.parquet")
    con = duckdb.connect(":memory:")
    _view(con, "techniques", [root / "old.parquet", root / "new.parquet"], schemas()["techniques"])
    got = con.execute("SELECT shown FROM techniques WHERE shown IS NOT FALSE").fetchall()
    assert sorted(got, key=str) == [(None,), (True,)]
