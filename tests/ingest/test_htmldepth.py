"""Deeply nested HTML is flattened so its text is extracted, not refused as empty (issue 24)."""

from __future__ import annotations

from newsprism.ingest.html import article_from_html
from newsprism.ingest.htmldepth import MAX_DEPTH, flatten_deep, rough_depth

SENTENCE = "The council met on Tuesday and voted to approve the new budget for the city."


def nested(depth: int, body: str = f"<p>{SENTENCE}</p>") -> str:
    return f"<!DOCTYPE html><html><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>"


def test_five_thousand_nested_divs_keep_their_sentence() -> None:
    article = article_from_html(nested(5000))
    assert article.text == SENTENCE


def test_deep_page_is_flattened_below_the_limit_with_text_and_entities_kept() -> None:
    page = nested(1000, "<p>Fish &amp; chips &#8212; <b>cheap</b><!-- note --></p>")
    flat = flatten_deep(page)
    assert flat != page
    assert rough_depth(flat) <= MAX_DEPTH
    assert "Fish &amp; chips &#8212; " in flat and "<b>cheap</b>" not in flat and "cheap" in flat
    assert "<!-- note -->" in flat


def test_shallow_pages_are_returned_as_they_are() -> None:
    for page in (nested(10), nested(MAX_DEPTH - 5), "<p>a<p>b<br><img src=x>" * 400):
        assert flatten_deep(page) is page


def test_implicitly_closed_and_stray_tags_do_not_count_as_depth() -> None:
    assert rough_depth("<ul>" + "<li>item" * 1000 + "</ul>") == 2
    assert rough_depth("</div>" * 500 + "<div><p>x</p></div>") == 2
