"""Article reports: escaping, overlapping highlight layers, Markdown, and the seeds end to end."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsprism.model import (
    Article,
    Boilerplate,
    Claim,
    Quote,
    Slant,
    Span,
    Speaker,
    Technique,
    make_span,
    validate_offsets,
)
from newsprism.report.article import articles_html, articles_markdown, marks, segments, speaker_colours

XSS = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'


def _hostile_article() -> Article:
    text = f"{XSS} said “{IMG} is fine,” and {XSS} agreed.\nThe flood of illegals cost $5 billion."
    art = Article(id="a1", title=f"Title {XSS}", outlet=IMG, byline=XSS, text=text)
    q0 = text.index("“") + 1
    q1 = text.index("”")
    art.quotes.append(
        make_span(art, q0, q1, Quote, kind="direct", speaker=Speaker(name=IMG, start=0, end=len(XSS)), cue="said")
    )
    c0 = text.index("The flood")
    art.claims.append(make_span(art, c0, len(text), Claim, checkworthiness=0.9, subjectivity=0.2, type="numeric"))
    t0 = text.index("flood")
    art.techniques.append(
        make_span(
            art,
            t0,
            t0 + len("flood of illegals"),
            Technique,
            technique="Loaded_Language",
            score=0.8,
            explanation=f"“flood” {XSS}",
            neutral=f"increase {IMG}",
        )
    )
    ev = make_span(art, text.index("illegals"), text.index("illegals") + 8, Span, weight=0.7)
    art.slant = Slant(label="right", score=0.5, confidence=0.6, evidence=[ev])
    art.boilerplate.append(Boilerplate(text=f"Subscribe {XSS}", reason="pitch"))
    art.warn("W001", f"repaired {XSS}")
    assert validate_offsets(art) == []
    return art


def test_html_escapes_every_piece_of_article_text() -> None:
    html = articles_html([_hostile_article()])
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<script>") == 1  # only the report's own toggle script
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html  # no network at view time


def test_overlapping_spans_split_into_segments_with_all_layers() -> None:
    art = _hostile_article()
    segs = segments(art.text, marks(art))
    assert "".join(s.text for s in segs) == art.text  # nothing lost or duplicated
    covering = [s for s in segs if "illegals" in s.text]
    assert covering and {m.layer for m in covering[0].marks} == {"claims", "techniques", "slant"}
    html = articles_html([art])
    span = re.search(r'<span class="([^"]*)"[^>]*>illegals</span>', html)
    assert span and set(span.group(1).split()) >= {"hl-claims", "hl-techniques", "hl-slant"}


def test_speaker_colours_are_stable_and_distinct() -> None:
    art = Article(id="b", text="A said “x”. B said “y”. A said “z”.")
    for name, start in (("A", 8), ("B", 20), ("A", 32)):
        art.quotes.append(
            make_span(art, start, start + 1, Quote, kind="direct", speaker=Speaker(name=name), cue="said")
        )
    colours = speaker_colours(art)
    assert colours == speaker_colours(art) and colours["A"] != colours["B"]


def test_html_has_legend_toggles_summary_and_lists() -> None:
    html = articles_html([_hostile_article()])
    for layer in ("quotes", "claims", "techniques", "slant"):
        assert f'id="toggle-{layer}"' in html
    for heading in ("Summary", "Slant", "Speakers", "Techniques", "Removed as boilerplate", "Warnings"):
        assert heading in html
    assert "increase &lt;img" in html  # technique tooltip carries the neutral wording, escaped


def test_markdown_summary_and_tables() -> None:
    md = articles_markdown([_hostile_article(), Article(id="empty", text="Nothing here.")])
    assert "## Quotes" in md and "| direct |" in md and "## Check-worthy claims" in md
    assert "Loaded_Language" in md and "slant **right**" in md and "\n---\n" in md


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_reports_on_the_seeds(seeds_dir: Path, nlp_pipeline: object, fmt: str) -> None:
    from newsprism.api import analyze_paths
    from newsprism.options import load_options
    from newsprism.registry import registered

    stages = tuple(s for s in ("nlp", "quotes") if s in registered())
    arts = list(analyze_paths(sorted(seeds_dir.glob("*.txt")), load_options(stages=stages)))
    out = articles_html(arts) if fmt == "html" else articles_markdown(arts)
    assert len(arts) == 3
    for art in arts:
        assert (f'id="article-{art.id}"' if fmt == "html" else f"id `{art.id}`") in out
    if fmt == "html" and any(a.quotes for a in arts):
        assert 'class="hl-quotes"' in out
