"""The comparison report's tone matrix (stance kept apart by voice, said to be unvalidated) and its capped
tables (a truncation line only when rows were cut)."""

from __future__ import annotations

from newsprism.model import (
    Article,
    Comparison,
    QuotedStance,
    SideBySide,
    SideTechniques,
    Sourcing,
    Stance,
    StanceCue,
    Story,
    Tone,
    ToneScore,
    make_span,
)
from newsprism.report import comparison as cmp
from newsprism.report.tone import caveat_line

TEXT = 'Harris continued to dodge the question. "Harris failed," said Cuccinelli.'


def _cue(art: Article, start: int, end: int, lemma: str) -> StanceCue:
    return make_span(art, start, end, StanceCue, lemma=lemma, relation="agent", polarity=-1, mention_start=0,
                     mention_end=6)  # fmt: skip


def _story(counts: dict[str, int] | None = None) -> tuple[Story, list[Article]]:
    """Two articles naming Harris: A with a writer's and a quoted stance, B with no judging word."""
    a = Article(id="a", text=TEXT, outlet="Daily A", source="/feeds/a.txt")
    b = Article(id="b", text=TEXT, outlet="Daily B", source="/feeds/b.txt")
    author = Stance(label="negative", score=-1.0, cues=[_cue(a, 20, 25, "dodge")])
    quoted = [QuotedStance(label="negative", score=-1.0, cues=[_cue(a, 48, 54, "fail")], speaker="Ken Cuccinelli")]
    a.tone = [Tone(target="Harris", score=-0.5, mentions=2, label="negative", author=author, quoted=quoted)]
    b.tone = [Tone(target="Harris", score=0.0, mentions=2, label="neutral")]
    cols = [
        SideBySide(article=x.id, title=None, outlet=x.outlet, published=None, words=12,
                   slant=None, techniques=SideTechniques(count=0, per_1000_words=0.0, counts=counts or {}),
                   tone=[ToneScore(target=t.target, score=t.score, mentions=t.mentions, label=t.label) for t in x.tone],
                   sourcing=Sourcing(), opinion_share=None, quotes=0, claims=0)
        for x in (a, b)
    ]  # fmt: skip
    return Story(id="s", label="Harris", articles=["a", "b"], side_by_side=cols), [a, b]


def test_tone_matrix_keeps_the_writer_and_quoted_sources_apart_with_their_words() -> None:
    story, arts = _story()
    tm = cmp.tone_matrix(story, cmp.article_names(arts), arts)
    assert tm["head"] == ["Daily A", "Daily B"]
    assert tm["rows"] == [
        [
            "Harris",
            "negative -0.50 (2×); writer negative (dodge); quoted: Ken Cuccinelli negative (fail)",
            "neutral +0.00 (2×); no judging words",
        ]
    ]
    md = cmp.comparison_markdown(Comparison(stories=[story]), arts)
    section = md[md.index("### Tone toward key people") :]
    assert f"_{caveat_line()}_" in section and "writer negative (dodge)" in section
    assert "| tone (unvalidated) |" in md[: md.index("### Tone toward key people")]  # the side-by-side header
    html = cmp.comparison_html(Comparison(stories=[story]), arts)
    assert caveat_line() in html and "quoted: Ken Cuccinelli negative (fail)" in html
    assert "/feeds/" not in md and "/feeds/" not in html


def test_chart_says_when_techniques_were_cut_and_only_then() -> None:
    story, arts = _story({f"T{i}": i + 1 for i in range(cmp.MAX_CHART)})
    html = cmp.comparison_html(Comparison(stories=[story]), arts)
    assert "Showing" not in html
    story, arts = _story({f"T{i}": i + 1 for i in range(cmp.MAX_CHART + 3)})
    html = cmp.comparison_html(Comparison(stories=[story]), arts)
    assert f"Showing {cmp.MAX_CHART} of {cmp.MAX_CHART + 3} techniques (most used first)" in html


def test_side_by_side_tone_cell_says_how_many_targets_it_shows() -> None:
    story, _ = _story()
    col = story.side_by_side[0]
    assert "shown" not in cmp._side_tone(col)
    col.tone = [ToneScore(target=f"P{i}", score=0.0, mentions=1, label="neutral") for i in range(5)]
    assert cmp._side_tone(col).endswith("(3 of 5 shown)")


def test_side_by_side_says_when_its_top_techniques_and_frames_are_cut() -> None:
    from newsprism.model import Frame, FrameScore, TechniqueCount

    story, arts = _story({"Doubt": 3, "Loaded_Language": 2, "Repetition": 1})
    for c in story.side_by_side:
        c.techniques.top = [TechniqueCount(technique=k, count=v) for k, v in c.techniques.counts.items()]
    col = story.side_by_side[0]
    col.frames = [FrameScore(frame="economic", score=0.4)]
    arts[0].frames = [Frame(frame="economic", score=0.4)]
    page = Comparison(stories=[story])
    assert " of 3 shown)" not in (md := cmp.comparison_markdown(page, arts)) and " of 1 shown)" not in md
    col.techniques.top = col.techniques.top[:2]
    arts[0].frames.append(Frame(frame="legal", score=0.1))
    md, html = cmp.comparison_markdown(page, arts), cmp.comparison_html(page, arts)
    assert "Doubt, Loaded_Language (2 of 3 shown)" in md and "economic 0.40 (1 of 2 shown)" in md
    assert html.count("(2 of 3 shown)") == 1 and html.count("(1 of 2 shown)") == 1
