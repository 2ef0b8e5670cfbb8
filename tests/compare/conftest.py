"""Synthetic story articles (written here, not copied from any dataset)."""

from __future__ import annotations

import pytest

from newsprism.model import Article, Claim, Quote, Slant, SlantPhrase, Speaker, Technique, make_span

TEXT_A = (
    "A storm hit Springfield on Monday, flooding the old town.\n"
    "The storm killed 12 people, officials said.\n"
    "Mayor Jane Smith declared a state of emergency for the whole city.\n"
    "Power was cut to 40,000 homes across the county.\n"
    '"We will rebuild every street," Smith said.'
)
TEXT_B = (
    "A powerful storm struck Springfield on Monday and flooded the old town.\n"
    "At least 15 people were killed by the storm, officials said.\n"
    "Mayor Jane Smith declared a state of emergency for the entire city.\n"
    '"We will rebuild every single street," Smith said.\n'
    "Critics say the <b>city</b> ignored repeated flood warnings for years."
)
TEXT_C = (
    "Springfield was hit by a storm on Monday that flooded the old town.\n"
    "Power was cut to 40,000 homes across the county, the utility company said.\n"
    "Governor Tom Lee blamed years of neglected levees for the damage."
)


def _claim(article: Article, sentence: str, **extra: object) -> Claim:
    start = article.text.index(sentence)
    return make_span(
        article, start, start + len(sentence), Claim, checkworthiness=0.8, subjectivity=0.1, type="fact", **extra
    )


@pytest.fixture()
def story_articles() -> list[Article]:
    a = Article(id="a", title="Storm kills 12 in Springfield", outlet="Daily A", published="2024-05-06", text=TEXT_A)
    b = Article(id="b", title="Storm kills 15 in Springfield", outlet="Daily B", published="2024-05-06", text=TEXT_B)
    c = Article(id="c", title="Springfield storm cuts power", outlet="Daily C", published="2024-05-07", text=TEXT_C)
    # article a carries claims from a claims stage (with their numbers); b and c fall back to sentences
    s = "The storm killed 12 people, officials said."
    n0 = a.text.index("12 people")
    a.claims = [
        _claim(
            a, s, numbers=[{"text": "12", "start": n0, "end": n0 + 2, "value": 12.0, "unit": None, "what": "people"}]
        ),
        _claim(a, "Mayor Jane Smith declared a state of emergency for the whole city."),
        _claim(a, "Power was cut to 40,000 homes across the county."),
        _claim(a, "A storm hit Springfield on Monday, flooding the old town."),
    ]
    for art in (a, b):
        q0 = art.text.index('"We')
        q1 = art.text.index('"', q0 + 1) + 1
        quote = make_span(art, q0, q1, Quote, kind="direct", speaker=Speaker(name="Smith"), anonymous=False)
        art.quotes = [quote]
    b.slant = Slant(
        label="left",
        score=0.7,
        confidence=0.6,
        evidence=[make_span(b, *_find(b, "ignored repeated flood warnings"), SlantPhrase, weight=-2.0)],
    )
    t0 = b.text.index("ignored")
    b.techniques = [make_span(b, t0, t0 + 7, Technique, technique="Loaded_Language", score=0.9, explanation="x")]
    return [a, b, c]


def _find(article: Article, s: str) -> tuple[int, int]:
    i = article.text.index(s)
    return i, i + len(s)
