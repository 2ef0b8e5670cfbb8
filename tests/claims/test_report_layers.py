"""Reports show the opinion layer beside the claims layer (issue 23)."""

from __future__ import annotations

from newsprism.model import Article, Claim, Sentence, Span
from newsprism.report.article import articles_html, articles_markdown

TEXT = "Prices rose 3% in May. This is a shameful betrayal."


def _article() -> Article:
    return Article(
        id="op",
        text=TEXT,
        sentences=[
            Sentence(start=0, end=22, kind="claim", kind_reason="scores"),
            Sentence(start=23, end=len(TEXT), kind="opinion", kind_reason="subjective, nothing to check"),
        ],
        claims=[
            Claim(
                text=TEXT[:22], start=0, end=22, checkworthiness=0.9, subjectivity=0.1, type="numeric",
                proposition=Span(text=TEXT[:21], start=0, end=21), proposition_text=TEXT[:21],
            )
        ],
    )  # fmt: skip


def test_html_has_an_opinion_layer_with_its_reason() -> None:
    html = articles_html([_article()])
    assert 'id="toggle-opinion"' in html and 'id="toggle-claims"' in html
    assert "hl-opinion" in html and "subjective, nothing to check" in html
    assert "1 opinion sentences" in html


def test_markdown_lists_opinion_sentences_apart_from_claims() -> None:
    md = articles_markdown([_article()])
    claims, opinion = md.split("## Check-worthy claims")[1].split("## Opinion")
    assert "Prices rose 3% in May." in claims and "shameful" not in claims
    assert "shameful betrayal" in opinion
