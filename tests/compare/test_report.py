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


def test_tables_say_when_truncated(story_articles: list[Article]) -> None:
    from newsprism.report import comparison as cmp

    comp = compare(story_articles)
    n = sum(r.kind == "claim" for r in comp.stories[0].coverage.rows)  # type: ignore[union-attr]
    full = render_comparison(comp, story_articles, "md")
    assert "Showing" not in full
    old = cmp.MAX_CLAIM_ROWS
    cmp.MAX_CLAIM_ROWS = 2
    try:
        md = render_comparison(comp, story_articles, "md")
        html = render_comparison(comp, story_articles, "html")
    finally:
        cmp.MAX_CLAIM_ROWS = old
    assert f"Showing 2 of {n} claim groups" in md and f"Showing 2 of {n} claim groups" in html


def test_omissions_are_explained_and_capped() -> None:
    from newsprism.compare.coverage import coverage_matrix
    from newsprism.model import ClaimGroup, Comparison, Member, Story
    from newsprism.report import comparison as cmp

    arts = [Article(id=f"a{i}", text="x", outlet=f"Outlet {i}") for i in range(3)]
    groups = [
        ClaimGroup(
            id=f"c{k}",
            text=f"Claim {k}.",
            members=[Member(article=a, text="x", start=0, end=1) for a in ("a1", "a2")],
            articles=["a1", "a2"],
            score=0.5,
            similarity=0.9,
            source="claim",
        )
        for k in range(cmp.MAX_OMITS + 3)
    ]
    story = Story(id="s", label="s", articles=[a.id for a in arts], claim_groups=groups)
    story.coverage = coverage_matrix(arts, groups, [])
    md = cmp.comparison_markdown(Comparison(stories=[story]), arts)
    assert md.count("— reported by Outlet 1, Outlet 2 (2 of 2 others)") == cmp.MAX_OMITS
    assert "… and 3 more" in md
    assert "**Outlet 1** omits nothing central" in md


def test_untitled_articles_are_named_by_a_headline_line_never_a_path() -> None:
    from newsprism.report.comparison import article_names
    from newsprism.titles import display_title

    assert (
        display_title(Article(id="x", text="By Staff\nStorm Hits Town\n\nA storm hit the town.")) == "Storm Hits Town"
    )
    body = "A storm hit the town on Monday and flooded the old quarter, officials said on Tuesday."
    assert display_title(Article(id="y", text=body)) == "A storm hit the town on Monday and flooded the old quarter,…"
    arts = [Article(id="p", text=body, source="/data/feeds/0001_abc.txt"), Article(id="q", text=body, outlet="Daily")]
    assert article_names(arts) == {"p": "A1", "q": "Daily"}


def test_shown_conflicts_come_with_the_leads_not_verdicts_note(story_articles: list[Article]) -> None:
    """Issue 26: blind precision of shown conflicts is low, so wherever one is shown the reader is told so."""
    from newsprism.report.story_links import CONFLICTS_NOTE, shown_conflicts

    comp = compare(story_articles)
    assert any(shown_conflicts(s) for s in comp.stories)
    md = render_comparison(comp, story_articles, "md")
    head = md.index("### Numbers that disagree")
    assert md[head:].split("\n")[2] == f"_{CONFLICTS_NOTE}_"
    html = render_comparison(comp, story_articles, "html")
    assert html.index(CONFLICTS_NOTE) > html.index("<h3>Numbers that disagree</h3>")
    for s in comp.stories:
        s.number_conflicts = []
    assert CONFLICTS_NOTE not in render_comparison(comp, story_articles, "md")
    assert CONFLICTS_NOTE not in render_comparison(comp, story_articles, "html")
