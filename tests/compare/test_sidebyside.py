from newsprism.compare.sidebyside import side_by_side
from newsprism.model import Article, Claim, Frame, Sentence, SlantPhrase, Sourcing, TechniqueSummary, Tone, ToneScore


def test_opinion_share_tone_frames_and_claim_sourcing() -> None:
    text = "Harris met Obrador. This was a disgrace. Officials said aid rose."
    art = Article(id="a", text=text)
    art.sentences = [
        Sentence(start=0, end=19, subjectivity=0.1),
        Sentence(start=20, end=40, subjectivity=0.9),
        Sentence(start=41, end=len(text), subjectivity=None),
    ]
    art.tone = [Tone(target="Kamala Harris", score=-0.4, mentions=3), Tone(target="Weather", score=0.1, mentions=5)]
    art.frames = [Frame(frame="Economic", score=0.2), Frame(frame="Political", score=0.8)]
    art.claims = [
        Claim.model_validate(
            {
                "text": text[41:],
                "start": 41,
                "end": len(text),
                "checkworthiness": 0.7,
                "subjectivity": 0.1,
                "type": "fact",
                "sourced": "anonymous",
            }
        )
    ]
    col = side_by_side([art], ["harris"])[0]
    assert col.opinion_share == 0.5  # one of the two scored sentences
    assert col.tone == [ToneScore(target="Kamala Harris", score=-0.4, mentions=3)]  # key people only
    assert [f.frame for f in col.frames] == ["Political", "Economic"]
    assert col.sourcing == Sourcing(named=0, anonymous=1, unattributed=0)
    assert col.slant is None and col.techniques.count == 0
    assert col.title == text  # no headline-like line: the opening words (all 11 here), never None or a path


def test_unscored_opinion_is_null() -> None:
    assert side_by_side([Article(id="x", text="No sentences scored here at all.")], [])[0].opinion_share is None


def test_technique_summary_is_used_when_present() -> None:
    art = Article(id="t", text="one two three four")
    art.technique_summary = TechniqueSummary(per_1000_words=12.345, counts={"Doubt": 2, "Slogans": 1})
    tech = side_by_side([art], [])[0].techniques
    assert (tech.count, tech.per_1000_words, tech.counts) == (3, 12.345, {"Doubt": 2, "Slogans": 1})
    assert [(t.technique, t.count) for t in tech.top] == [("Doubt", 2), ("Slogans", 1)]


def test_technique_density_is_the_article_reports_number() -> None:
    from newsprism.model import Technique, make_span
    from newsprism.report.article import summary
    from newsprism.techniques.summary import summarise

    art = Article(id="d", text="Shameful cowards ran. " * 20)
    shown_t = make_span(art, 0, 8, Technique, technique="Loaded_Language", score=0.9, explanation="x")
    hidden = make_span(art, 9, 16, Technique, technique="Name_Calling", score=0.2, explanation="x", shown=False)
    art.techniques = [shown_t, hidden]
    for with_summary in (False, True):
        art.technique_summary = summarise(art) if with_summary else None
        col = side_by_side([art], [])[0]
        assert col.techniques.per_1000_words == round(1000 / 60, 2)  # hidden spans count in neither
        assert summary(art)["techniques_per_1000"] == round(col.techniques.per_1000_words, 1)
        assert col.techniques.counts == {"Loaded_Language": 1}


def test_opinion_share_ranks_opinion_above_reported_speech() -> None:
    from newsprism.model import Quote, Speaker, make_span

    news = Article(id="n", text='"This is a disgrace," Smith said. The bill passed on Monday. Heading Here')
    news.sentences = [
        Sentence(start=0, end=33, subjectivity=0.9, kind="opinion"),  # the speaker's opinion, not the outlet's
        Sentence(start=34, end=60, subjectivity=0.1, kind="claim"),
        Sentence(start=61, end=73, subjectivity=0.9, kind="other", kind_reason="heading (title case)"),
    ]
    news.quotes = [make_span(news, 0, 21, Quote, kind="direct", speaker=Speaker(name="Smith"))]
    oped = Article(id="o", text="The bill is a disgrace. It passed on Monday. Voters deserve better.")
    oped.sentences = [
        Sentence(start=0, end=23, subjectivity=0.9, kind="other", kind_reason="undecided between claim and opinion"),
        Sentence(start=24, end=44, subjectivity=0.1, kind="claim"),
        Sentence(start=45, end=67, subjectivity=0.8, kind="opinion"),
    ]
    cols = side_by_side([news, oped], [])
    assert cols[0].opinion_share == 0.0  # the quoted opinion and the heading are left out
    assert cols[1].opinion_share == round(2 / 3, 3)


def test_slant_evidence_is_the_strongest_of_either_side() -> None:
    from newsprism.compare import compare
    from newsprism.model import Slant, make_span
    from newsprism.report import render_comparison

    text = "undocumented immigrants and gun safety, plus one amnesty and the climate crisis."
    art = Article(id="l", text=text)
    ev = [
        make_span(art, 0, 23, SlantPhrase, weight=-4.0, count=2),
        make_span(art, 28, 38, SlantPhrase, weight=-3.0, count=1),
        make_span(art, 49, 56, SlantPhrase, weight=2.1, count=1),
        make_span(art, 65, 79, SlantPhrase, weight=-2.5, count=1),
    ]
    art.slant = Slant(label="uncertain", score=-0.31, confidence=0.45, evidence=ev)
    col = side_by_side([art], [])[0]
    # negative = left: the left-coded phrases of a left-leaning article come first, not its one right phrase
    assert col.slant is not None
    assert [e.text for e in col.slant.evidence] == ["undocumented immigrants", "gun safety", "climate crisis"]
    assert col.slant.evidence[0].weight == -4.0 and col.slant.evidence[0].count == 2
    html = render_comparison(compare([art]), [art], "html")
    lean, phrase, classifier = (
        html.index("lean not shown"),
        html.index('undocumented immigrants</mark> <span class="muted">left-coded, ×2'),
        html.index("Outlet-style classifier: uncertain (confidence 0.45)"),
    )
    assert lean < phrase < classifier
    assert "Lean: not shown — no lexicon or classifier here tells left from right" in html
    assert "leans" not in html and "-0.31" not in html


def test_tone_matrix_one_row_per_person_across_articles() -> None:
    from newsprism.model import Comparison, Story
    from newsprism.report.comparison import comparison_markdown, tone_matrix

    a = Article(id="a1", text="Harris met Biden.", outlet="Left Daily")
    b = Article(id="b2", text="Kamala Harris failed.", outlet="Right Post")
    harris = Tone(target="Harris", score=0.1, mentions=2, label="neutral")
    a.tone = [harris, Tone(target="Biden", score=0.0, mentions=1)]
    b.tone = [Tone(target="Kamala Harris", score=-0.7, mentions=3, label="negative")]
    story = Story(id="s1", label="Harris", articles=["a1", "b2"])
    story.side_by_side = side_by_side([a, b], [])
    names = {"a1": "Left Daily", "b2": "Right Post"}
    tm = tone_matrix(story, names)
    assert tm["head"] == ["Left Daily", "Right Post"]
    assert tm["rows"] == [
        ["Kamala Harris", "neutral +0.10 (2×)", "negative -0.70 (3×)"],
        ["Biden", "tone +0.00 (1×)", ""],
    ]
    md = comparison_markdown(Comparison(stories=[story]), [a, b])
    row = "| Kamala Harris | neutral +0.10 (2×); no judging words | negative -0.70 (3×); no judging words |"
    assert "### Tone toward key people" in md and row in md  # with the articles, each cell says who judges


def test_outlet_is_the_outlet_else_the_urls_host_never_the_source_path() -> None:
    from newsprism.compare.sidebyside import outlet_of
    from newsprism.report.comparison import article_names

    named = Article(id="n", text="x", outlet="Daily A", url="https://www.a.example/1", source="seeds/000_a.txt")
    hosted = Article(id="h", text="x", url="https://www.news.example/story?id=3", source="/tmp/001_b.txt")
    bare = Article(id="b", text="x", source="/home/me/002_c.txt")
    assert [outlet_of(a) for a in (named, hosted, bare)] == ["Daily A", "news.example", None]
    assert [c.outlet for c in side_by_side([named, hosted, bare], [])] == ["Daily A", "news.example", None]
    assert article_names([named, hosted, bare]) == {"n": "Daily A", "h": "news.example", "b": "A3"}
    assert outlet_of(Article(id="u", text="x", url="not a url", outlet="  ")) is None
