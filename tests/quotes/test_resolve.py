"""Speaker resolution of kept quotations (issue 25): the whole source phrase as written, one resolution per source
token, and a partial quotation inside reported speech taking that speech's source; sentences are written for the
test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsprism.model import Article, Quote

Analyze = Callable[[str], Article]


def _quotes(art: Article, needle: str) -> list[Quote]:
    hits = [q for q in art.quotes if needle in q.text]
    assert hits, f"no quote containing {needle!r}: {[(q.kind, q.text) for q in art.quotes]}"
    return hits


def _source(art: Article, q: Quote) -> str:
    assert q.source_start is not None and q.source_end is not None
    return art.text[q.source_start : q.source_end]


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        (
            "Donna Brazile, the interim chairwoman of the DNC, said the race was close.",
            "Donna Brazile, the interim chairwoman of the DNC",
            "Donna Brazile",
        ),
        ("Tom Reed, the mayor; said the race was close.", "Tom Reed, the mayor", "Tom Reed"),  # trailing ";" cut
        ("A number of officials said the race was close.", "A number of officials", "officials"),
        ("A handful of senators said the race was close.", "A handful of senators", "senators"),
        ("Malcolm X said the race was close.", "Malcolm X", "Malcolm X"),
        ("Tom Reed leads a group whose members said the race was close.", "whose members", "members"),
        (
            "The rest of the officials said the race was close.",
            "The rest of the officials",
            "The rest of the officials",
        ),
    ],
)
def test_source_is_the_whole_noun_phrase_as_written(analyze: Analyze, text: str, source: str, speaker: str) -> None:
    art = analyze(text)
    (q,) = _quotes(art, "race was close")
    assert _source(art, q) == source
    assert q.speaker is not None and q.speaker.name == speaker


def test_pronoun_source_is_the_pronoun_and_resolves_once_for_both_parts(analyze: Analyze) -> None:
    art = analyze('Mary Jones met voters. "We will win," she said, "and we will win big."')
    first, second = (q for q in art.quotes if q.kind == "direct")
    for q in (first, second):
        assert _source(art, q) == "she"
        assert q.speaker is not None and q.speaker.name == "Mary Jones"
        assert art.text[q.speaker.start : q.speaker.end] == "she"
    assert [s.name for s in art.speakers] == ["Mary Jones"]
    assert [m.text for m in art.speakers[0].mentions] == ["Mary Jones", "she"]


def test_partial_quotation_takes_the_source_of_the_speech_around_it(analyze: Analyze) -> None:
    art = analyze('At the rally, Ann Cole said that voters "want change," and Tom Reed said that they "want jobs."')
    for needle, name in (("want change", "Ann Cole"), ("want jobs", "Tom Reed")):
        for q in _quotes(art, needle):
            assert q.speaker is not None and q.speaker.name == name
            assert _source(art, q) == name and q.cue == "said"


def test_pronoun_source_is_only_the_pronoun(analyze: Analyze) -> None:
    art = analyze("Those who know him said the race was close.")
    (q,) = _quotes(art, "race was close")
    assert _source(art, q) == "Those" and q.speaker is None
