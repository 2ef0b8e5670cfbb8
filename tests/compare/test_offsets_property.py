"""Every span the comparison makes is the exact slice of its article's text, whatever the text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.compare.align import article_units
from newsprism.compare.numbers import find_dates, find_numbers
from newsprism.model import Article

WORDS = st.sampled_from(
    [
        "Harris",
        "met",
        "the",
        "12",
        "$3.5",
        "million",
        "people",
        "on",
        "June",
        "7,",
        "2021",
        "Mr.",
        "López",
        "said",
        "“quoted”",
        "40%",
        "three",
        "officers",
        "\n",
        "\n\n",
        "  ",
        ".",
        "!",
        "?",
        "1,200",
        "dozens",
        "of",
        "migrants",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=80))
def test_units_numbers_and_dates_are_exact_slices(words: list[str]) -> None:
    text = " ".join(words).strip() or "x"
    art = Article(id="p", text=text)
    for u in article_units(art):
        assert text[u.start : u.end] == u.text and u.text == u.text.strip()
        for m in [*u.numbers, *u.dates]:
            assert u.start <= m.start <= m.end <= u.end and text[m.start : m.end] == m.text
    for m in [*find_numbers(text), *find_dates(text)]:
        assert text[m.start : m.end] == m.text


def test_fallback_sentences_keep_abbreviations_together() -> None:
    from newsprism.compare.align import split_sentences

    text = "Chuck Schumer (D-N.Y.) said no. Mr. Smith met U.S. officials on Monday! Then F. Scott left.\nNext"
    got = [text[s:e].strip() for s, e in split_sentences(text) if text[s:e].strip()]
    assert got == [
        "Chuck Schumer (D-N.Y.) said no.",
        "Mr. Smith met U.S. officials on Monday!",
        "Then F. Scott left.",
        "Next",
    ]
