import json
import re

from newsprism.compare import compare
from newsprism.model import Article
from newsprism.report import render_comparison
from newsprism.report.comparison import word_diff


def test_word_diff_marks_changes() -> None:
    ops = word_diff("We will rebuild every street", "We will rebuild every single street")
    assert ("insert", "single ") in ops
    assert "".join(t for op, t in ops if op != "insert") == "We will rebuild every street"


def test_renderers(story_articles: list[Article]) -> None:
    story_articles[1].title = "<script>alert(1)</script> storm"
    comp = compare(story_articles)
    data = json.loads(render_comparison(comp, story_articles, "json"))
    assert data["schema"] == "newsprism.comparison/1"
    md = render_comparison(comp, story_articles, "md")
    assert "| claim | Daily A | Daily B | Daily C |" in md
    assert "Numbers that disagree" in md and "What each omits" in md
    html = render_comparison(comp, story_articles, "html")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;city&lt;/b&gt;" in html or "<b>city</b>" not in html  # article text is escaped
    assert not re.search(r"(src|href)=\"?https?:", html)  # self-contained: nothing fetched at view time
    assert html.count('class="col"') >= 3 and "Numbers that disagree" in html
    assert "<ins>" in html or not comp.stories[0].quote_groups  # quote diffs highlighted when grouped


def test_coverage_marks_weak_alignment() -> None:
    from newsprism.model import CoverageRow
    from newsprism.report.comparison import mark

    def row(present: dict[str, bool], similarity: float | None) -> CoverageRow:
        return CoverageRow(kind="claim", id="c1", text="x", present=present, similarity=similarity)

    weak = row({"a": True, "b": False}, 0.75)
    assert (mark(weak, "a"), mark(weak, "b")) == ("≈", "·")
    assert mark(row({"a": True}, 0.9), "a") == "✓"
    assert mark(row({"a": True}, None), "a") == "✓"  # only this article reports it
