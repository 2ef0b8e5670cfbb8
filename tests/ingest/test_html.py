"""HTML extraction (trafilatura) and the extraction benchmark."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.errors import InputError
from newsprism.ingest.html import article_from_html, extract_html
from newsprism.model import validate_offsets

PARA = "The mayor said the bridge would reopen in May after repairs to its steel frame were finished on time. "
PAGE = f"""<!doctype html><html><head><title>Bridge to reopen | City Paper</title>
<meta name="author" content="Ana Ruiz"><meta property="og:site_name" content="City Paper">
<meta property="article:published_time" content="2024-03-05"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Bridge to reopen</h1><p>{PARA * 3}</p><p>{PARA * 2}</p><p>Share this article</p></article>
<footer>Privacy policy</footer></body></html>"""


def test_extract_metadata_and_body() -> None:
    page = extract_html(PAGE)
    assert page["byline"] == "Ana Ruiz"
    assert page["outlet"] == "City Paper"
    assert page["published"] == "2024-03-05"
    assert "bridge would reopen" in page["text"] and "Privacy policy" not in page["text"]
    assert "Share this article" not in page["text"]


def test_article_from_html_offsets_and_boilerplate() -> None:
    art = article_from_html(PAGE, source="page.html")
    assert art.title and "Bridge" in art.title
    assert art.byline == "Ana Ruiz" and art.outlet == "City Paper"
    assert [b.reason for b in art.boilerplate] == ["share"]
    assert validate_offsets(art) == []


def test_broken_and_deeply_nested_html() -> None:
    broken = "<html><body><div><p>" + PARA * 4 + "<p><b><i>unclosed " + "<div>" * 3000 + PARA + "</span></td>"
    art = article_from_html(broken, source="broken.html")
    assert "bridge would reopen" in art.text


def test_empty_html_is_an_input_error() -> None:
    with pytest.raises(InputError) as exc:
        article_from_html("<html><body>  </body></html>", source="empty.html")
    assert exc.value.code == "E002"


@pytest.mark.slow
def test_extraction_bench_quick(data_dir: Path) -> None:
    from newsprism.bench.gate import check
    from newsprism.bench.registry import BenchContext
    from newsprism.bench.task_extraction import evaluate_extraction

    metrics = evaluate_extraction(BenchContext(data_dir, quick=True))
    rows = {m.name: m.value for m in metrics}
    assert rows["plain_f1"] > rows["plain_f1_keep_all"] + 0.1
    report = check(metrics, quick=True)  # html_f1 and the rest against the shipped floors: one gate
    assert report.error() is None, report.error()
    assert not report.missing and not report.unpinned


def test_footer_copyright_year_is_not_a_publication_date() -> None:
    body = f"<article><h1>Bridge to reopen</h1><p>{PARA * 3}</p></article>"
    footer = "<footer>© 2024 City Paper</footer>"
    footer_only = f"<html><head><title>Bridge</title></head><body>{body}{footer}</body></html>"
    assert extract_html(footer_only)["published"] is None
    dated = footer_only.replace("<title>", '<meta property="article:published_time" content="2021-03-04"><title>')
    assert extract_html(dated)["published"] == "2021-03-04"
    in_text = footer_only.replace("</h1>", "</h1><p>Published March 4, 2021</p>")
    assert extract_html(in_text)["published"] == "2021-03-04"
    new_year = footer_only.replace("<title>", '<meta property="article:published_time" content="2024-01-01"><title>')
    assert extract_html(new_year)["published"] == "2024-01-01"  # a real 1 January stays
