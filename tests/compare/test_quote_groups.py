"""The stories module calls the quotes package's group_quotes across articles (faked here)."""

from __future__ import annotations

import sys
import types

import pytest

from newsprism.compare import compare
from newsprism.model import Article, Quote, QuoteGroup, QuoteMember
from newsprism.report.comparison import comparison_html, comparison_markdown


def _fake_group_quotes(items: list[tuple[str, Quote]], transcript: str | None = None) -> list[QuoteGroup]:
    by_speaker: dict[str, list[QuoteMember]] = {}
    for art, q in items:
        name = q.speaker.name if q.speaker else "?"
        by_speaker.setdefault(name, []).append(QuoteMember(article=art, text=q.text, start=q.start, end=q.end))
    return [QuoteGroup(speaker=k, members=v, verdict="altered") for k, v in by_speaker.items()]


def test_quote_groups_feed_coverage_and_reports(story_articles: list[Article], monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def group_quotes(items: list[tuple[str, Quote]], transcript: str | None = None) -> list[QuoteGroup]:
        calls.append(len(items))
        assert all(isinstance(a, str) and isinstance(q, Quote) for a, q in items)
        return _fake_group_quotes(items, transcript)

    fake = types.ModuleType("newsprism.quotes.fidelity")
    fake.group_quotes = group_quotes  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "newsprism.quotes", types.ModuleType("newsprism.quotes"))
    monkeypatch.setitem(sys.modules, "newsprism.quotes.fidelity", fake)
    comp = compare(story_articles)
    story = comp.to_json_dict()["stories"][0]
    assert calls == [2]
    assert [qg["speaker"] for qg in story["quote_groups"]] == ["Smith"]
    rows = [r for r in story["coverage"]["rows"] if r["kind"] == "quote"]
    assert rows and rows[0]["present"] == {"a": True, "b": True, "c": False}
    assert story["coverage"]["omits"]["c"]["quotes"] == ["q1"]
    html = comparison_html(comp, story_articles)
    assert "<ins>single </ins>" in html
    assert "**single**" in comparison_markdown(comp, story_articles)


def test_missing_quotes_package_is_a_warning(story_articles: list[Article], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "newsprism.quotes.fidelity", None)  # import raises ImportError
    story = compare(story_articles).to_json_dict()["stories"][0]
    assert story["quote_groups"] == []
    assert [w["code"] for w in story["warnings"]] == ["W110"]


def test_failing_group_quotes_is_a_warning(story_articles: list[Article], monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(items: list[tuple[str, Quote]], transcript: str | None = None) -> list[QuoteGroup]:
        raise RuntimeError("boom")

    fake = types.ModuleType("newsprism.quotes.fidelity")
    fake.group_quotes = broken  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "newsprism.quotes", types.ModuleType("newsprism.quotes"))
    monkeypatch.setitem(sys.modules, "newsprism.quotes.fidelity", fake)
    story = compare(story_articles).to_json_dict()["stories"][0]
    assert story["quote_groups"] == [] and story["claim_groups"]
    assert story["warnings"][0]["code"] == "W110" and "boom" in story["warnings"][0]["message"]


def test_one_speakers_quotes_align_across_outlets_under_any_alias() -> None:
    """'Joe Biden' in one outlet and 'President Biden' in another quote one utterance: one cross-outlet group with
    a fidelity verdict (not 'different_speaker'), shown under "Quotes across outlets"."""
    from newsprism.compare import compare_story
    from newsprism.model import Comparison, Quote, Speaker, make_span
    from newsprism.report.comparison import comparison_markdown

    said = '"We will secure the border and fix the asylum system this year," {} said on Monday in the capital.'
    a = Article(id="a", outlet="Daily A", text=said.format("Joe Biden"))
    b = Article(id="b", outlet="Daily B", text=said.format("President Biden").replace("fix", "mend"))
    for art, name in ((a, "Joe Biden"), (b, "President Biden")):
        end = art.text.index('"', 1) + 1
        art.quotes = [make_span(art, 0, end, Quote, kind="direct", speaker=Speaker(name=name))]
    story = compare_story([a, b])
    across = [g for g in story.quote_groups if {m.article for m in g.members} == {"a", "b"}]
    assert len(across) == 1
    assert across[0].verdict == "altered" and across[0].speaker == "Joe Biden"  # not "different_speaker"
    md = comparison_markdown(Comparison(stories=[story]), [a, b])
    assert "### Quotes across outlets" in md and ("Daily A (altered)" in md or "Daily B (altered)" in md)
    assert "| Joe Biden | 1 (shared 1) | 1 (shared 1) |" in md
