"""Article reports: escaping, overlapping highlight layers, Markdown, and the seeds end to end."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsprism.model import (
    Article,
    Boilerplate,
    Claim,
    ClassProbabilities,
    Quote,
    Slant,
    SlantPhrase,
    Speaker,
    Technique,
    ToneEvidence,
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
    ev = make_span(art, text.index("illegals"), text.index("illegals") + 8, SlantPhrase, weight=0.7)
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
    assert "Loaded_Language" in md and "slant: " in md and "lean not shown" in md and "leans" not in md
    assert "\n---\n" in md


def _uncertain_article() -> Article:
    text = (
        "Officials said illegal aliens crossed again. Critics called it amnesty, and illegal aliens kept coming.\n"
        "Advocates for undocumented immigrants disagreed."
    )
    art = Article(id="u 1", title="Border", text=text)
    first = text.index("illegal aliens")
    ev = [
        make_span(art, first, first + len("illegal aliens"), SlantPhrase, weight=3.1, count=2),
        make_span(art, text.index("amnesty"), text.index("amnesty") + 7, SlantPhrase, weight=2.4, count=1),
        make_span(art, text.index("undocumented"), text.index("undocumented") + 23, SlantPhrase, weight=-2.6, count=1),
    ]
    probs = {"left": 0.2, "center": 0.3, "right": 0.5}
    art.slant = Slant(
        label="uncertain", score=0.7, confidence=0.5, hyperpartisan=0.42, evidence=ev, probabilities=probs, words=18
    )
    assert validate_offsets(art) == []
    return art


def _side(html: str) -> str:
    return html[html.index("<h3>Slant</h3>") :]


def test_html_leads_with_what_is_measured_and_shows_no_lean() -> None:
    art = _uncertain_article()
    html = articles_html([art])
    side = _side(html)
    hyper = side.index("Hyperpartisan probability 0.42 (validation accuracy")
    not_shown = side.index("Lean: not shown — no lexicon or classifier here tells left from right on unseen outlets")
    phrase = side.index("illegal aliens ×2")
    classifier = side.index("Outlet-style classifier: uncertain (right 0.50, center 0.30, left 0.20)")
    assert hyper < not_shown < phrase < classifier
    assert "short text (18 words" in side and "no confidence is enough" in side  # min_confidence 1.01 (issue 20)
    assert "leans" not in html and "+0.70" not in html  # the phrase score is never put into words
    # every phrase chip links to its first occurrence in the text, which carries that id
    first = art.text.index("illegal aliens")
    assert 'href="#a1-sl-' + str(first) + '"' in side
    target = r'<span class="[^"]*hl-slant[^"]*" id="a1-sl-' + str(first) + r'"[^>]*>illegal aliens</span>'
    assert re.search(target, html)
    left = art.text.index("undocumented")
    assert f'id="a1-sl-{left}"' in html and "sl-chip-left" in side and "sl-left" in html


def test_html_still_shows_a_confident_label() -> None:
    art = _uncertain_article()
    assert art.slant is not None
    art.slant.label, art.slant.confidence = "right", 0.91
    art.slant.probabilities = ClassProbabilities(left=0.03, center=0.06, right=0.91)
    side = _side(articles_html([art]))
    assert side.index("Lean: not shown") < side.index("Outlet-style classifier: right (right 0.91")
    assert "Label withheld" not in side


def test_html_without_phrases_says_so() -> None:
    art = Article(id="n", text="A plain sentence about the weather.")
    art.slant = Slant(label="uncertain", score=0.0, confidence=0.4, evidence=[])
    side = _side(articles_html([art]))
    assert "Lean: not shown" in side and "No partisan-coded phrases found." in side


def test_markdown_slant_section_order() -> None:
    md = articles_markdown([_uncertain_article()])
    sec = md[md.index("## Slant") :]
    assert sec.index("- Hyperpartisan probability 0.42") < sec.index("**Lean: not shown")
    assert sec.index("**Lean: not shown") < sec.index("“illegal aliens” ×2 (right-coded, z +3.10, at 15–29)")
    assert sec.index("“illegal aliens”") < sec.index("Outlet-style classifier: uncertain")
    assert "slant: hyperpartisan 0.42 · lean not shown" in md and "leans" not in md


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_reports_on_the_seeds(seeds_dir: Path, nlp_pipeline: object, fmt: str) -> None:
    from newsprism.api import analyze_paths
    from newsprism.options import load_options

    stages = ("nlp", "quotes")
    arts = list(analyze_paths(sorted(seeds_dir.glob("*.txt")), load_options(stages=stages)))
    out = articles_html(arts) if fmt == "html" else articles_markdown(arts)
    assert len(arts) == 3
    for art in arts:
        assert (f'id="article-{art.id}"' if fmt == "html" else f"id `{art.id}`") in out
    assert any(a.quotes for a in arts)  # the seeds quote people
    if fmt == "html":
        assert 'class="hl-quotes"' in out


def test_tone_table_shows_label_strongest_clause_and_cue() -> None:
    from newsprism.model import Tone

    text = "Critics slammed Reed over the budget. Reed spoke on Monday."
    art = Article(id="t", text=text)
    art.tone = [
        Tone(
            target="Reed",
            score=-0.62,
            mentions=2,
            label="negative",
            evidence=[
                make_span(art, 38, 59, ToneEvidence, weight=0.0),
                make_span(art, 0, 37, ToneEvidence, weight=-0.62, role="object", cue="slam"),
            ],
        )
    ]
    html = articles_html([art])
    row = html[html.index("<h3>Tone toward people</h3>") :]
    assert 'class="tone-negative">negative -0.62' in row
    assert "Critics slammed Reed over the budget." in row and "(object of “slam”)" in row
    assert 'title="characters 0–37"' in row
    md = articles_markdown([art])
    assert "| Reed | negative -0.62 | 2 | Critics slammed Reed over the budget. (object of “slam”) |  |" in md


def test_tone_row_says_what_the_writer_and_each_quoted_source_say() -> None:
    from newsprism.model import QuotedStance, Stance, StanceCue, Tone

    text = 'Harris continued to dodge the question. "Harris failed," said Cuccinelli.'
    art = Article(id="t", text=text)

    def cue(start: int, end: int, lemma: str) -> StanceCue:
        return make_span(art, start, end, StanceCue, lemma=lemma, relation="agent", polarity=-1, mention_start=0,
                         mention_end=6)  # fmt: skip

    art.tone = [
        Tone(
            target="Harris",
            score=-0.5,
            mentions=2,
            label="negative",
            author=Stance(label="negative", score=-1.0, cues=[cue(20, 25, "dodge")]),
            quoted=[QuotedStance(label="negative", score=-1.0, cues=[cue(48, 54, "fail")], speaker="Ken Cuccinelli")],
        )
    ]
    want = "the writer describes Harris negatively (dodge); quoted sources: Ken Cuccinelli negative"
    assert want in articles_markdown([art])
    assert f'<small class="stance">{want}</small>' in articles_html([art])


def _tones(art: Article, n: int) -> None:
    from newsprism.model import Tone

    art.tone = [Tone(target=f"Person {i}", score=0.0, mentions=n - i, label="neutral") for i in range(n)]


def test_tone_table_is_said_unvalidated_and_says_when_rows_were_cut() -> None:
    from newsprism.report.article import MAX_TONE_ROWS
    from newsprism.report.tone import caveat_line

    art = Article(id="t", title="Border", text="Person 0 met Person 1.")
    _tones(art, MAX_TONE_ROWS)
    md, html = articles_markdown([art]), articles_html([art])
    assert f"## Tone toward people\n\n_{caveat_line()}_" in md and caveat_line() in html
    assert "Showing" not in md and "Showing" not in html
    _tones(art, MAX_TONE_ROWS + 15)
    md, html = articles_markdown([art]), articles_html([art])
    note = f"Showing {MAX_TONE_ROWS} of {MAX_TONE_ROWS + 15} people and organisations (most mentioned first)"
    assert note in md and note in html
    assert md.count("| Person ") == MAX_TONE_ROWS


def test_frames_and_slant_phrases_say_when_cut() -> None:
    from newsprism.model import Frame
    from newsprism.report.article import MAX_FRAMES, MAX_PHRASES_HTML, MAX_PHRASES_MD

    words = [f"w{i}" for i in range(MAX_PHRASES_MD + 2)]
    text = " ".join(words)
    art = Article(id="f", title="Frames", text=text)
    art.frames = [Frame(frame=f"frame{i}", score=0.1 * (i + 1)) for i in range(MAX_FRAMES)]
    starts = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
    ev = [make_span(art, o, o + len(words[i]), SlantPhrase, weight=1.0 + i) for i, o in enumerate(starts)]
    art.slant = Slant(label="uncertain", score=0.0, confidence=0.3, evidence=ev[:MAX_PHRASES_HTML])
    md, html = articles_markdown([art]), articles_html([art])
    assert "Showing" not in md and "Showing" not in html
    art.frames.append(Frame(frame="extra", score=0.01))
    art.slant.evidence = ev
    md, html = articles_markdown([art]), articles_html([art])
    assert f"Showing {MAX_FRAMES} of {MAX_FRAMES + 1} frames (strongest first)" in md
    assert f"Showing {MAX_FRAMES} of {MAX_FRAMES + 1} frames (strongest first)" in html
    assert f"Showing {MAX_PHRASES_MD} of {len(ev)} partisan-coded phrases" in md
    assert f"Showing {MAX_PHRASES_HTML} of {len(ev)} partisan-coded phrases" in html


def test_untitled_article_is_headed_by_its_headline_line_never_its_path() -> None:
    text = "By Staff\nStorm Hits Harbor Town\nA storm hit the harbor town on Monday, officials said."
    art = Article(id="u", text=text, source="/data/feeds/0001_abc.txt")
    md, html = articles_markdown([art]), articles_html([art])
    assert md.startswith("# Storm Hits Harbor Town\n")
    assert (
        "<h2>Storm Hits Harbor Town</h2>" in html and "<title>newsprism report: Storm Hits Harbor Town</title>" in html
    )
    assert "0001_abc" not in md and "0001_abc" not in html


def test_quotations_under_the_scorer_threshold_are_held_back_and_counted() -> None:
    text = "Ann Lee said the plan works. Bo Park said the plan fails."
    art = Article(id="held", title="Plan", text=text)
    for name, words, conf in (("Ann Lee", "the plan works", 0.99), ("Bo Park", "the plan fails", 0.10)):
        s = text.index(words)
        spk = Speaker(name=name, start=text.index(name), end=text.index(name) + len(name))
        art.quotes.append(
            make_span(art, s, s + len(words), Quote, kind="indirect", speaker=spk, cue="said", confidence=conf)
        )
    md = articles_markdown([art])
    assert "| Ann Lee |" in md and "Bo Park" not in md
    assert "1 more quotation held back" in md and "· 1 quotes ·" in md
    html = articles_html([art])
    assert "1 more quotation held back" in html
    art.quotes[1].confidence = 0.99  # at or above the threshold: shown, nothing held back
    md = articles_markdown([art])
    assert "| Bo Park |" in md and "held back" not in md
