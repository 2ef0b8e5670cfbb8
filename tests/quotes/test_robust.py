"""Odd inputs never break the stage: every span stays an exact slice, offsets stay in the text, and no
speaker is a bare pronoun or a generic word (issue 19's bad-input item)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.model import Article, validate_offsets
from newsprism.quotes.speaker_names import GENERIC_SOURCES, PERSONAL, PLURAL

PIECES = [
    "“", "”", '"', "‘", "’", "'", "''", "«", "»", "„", "‹", "›", ":", ",", ".", "\n", "\n\n", " ", "said",
    "she", "He", "they", "anyone", "people", "Biden", "according to", "Officials", "told", "we", "A:", "Q:",
    "the president", "claimed", "that", "…", "[", "would confirm", "It should be noted that", "TAPPER:", "so-called",
]  # fmt: skip
BAD_SPEAKERS = GENERIC_SOURCES | set(PERSONAL) | PLURAL | {"it", "i", "we", "you"}
Analyze = Callable[[str], Article]


def _check(art: Article) -> None:
    n = len(art.text)
    assert validate_offsets(art) == []
    for q in art.quotes:
        assert q.text.strip() and 0 <= q.start < q.end <= n
        for a, b in ((q.cue_start, q.cue_end), (q.source_start, q.source_end), (q.outer_start, q.outer_end)):
            assert (a is None) == (b is None) and (a is None or 0 <= a <= b <= n)  # type: ignore[operator]
        if q.speaker is not None:
            assert q.speaker.name.lower() not in BAD_SPEAKERS, q
        assert (q.speaker is None) == bool(q.unattributed) or q.kind == "term"
        assert q.confidence is None or 0.0 <= q.confidence <= 1.0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), min_size=0, max_size=60))
def test_any_mix_of_marks_and_cues(analyze: Analyze, parts: list[str]) -> None:
    _check(analyze(" ".join(parts)))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from("“”\"'‘’«»„ \nab.,:"), max_size=300))
def test_text_of_marks_letters_and_breaks(analyze: Analyze, text: str) -> None:
    _check(analyze(text))


@pytest.mark.slow
def test_five_thousand_word_quote(analyze: Analyze) -> None:
    words = " ".join(["word"] * 5000)
    art = analyze(f"Senator Ann Lee said: “{words}.” Then she left.\n\n“{words}” she added.")
    _check(art)
    assert any(len(q.text.split()) >= 5000 for q in art.quotes)


def test_nested_guillemets_and_quotes_across_paragraphs(analyze: Analyze) -> None:
    art = analyze(
        "« Il a dit ‹ jamais › et « encore » », said Marie Dupont.\n\n"
        "“This quote opens here and runs on,\n\n“and continues in this paragraph,” she said.\n\n"
        "“Never closed at all\n\nBob said nothing."
    )
    _check(art)


def test_only_quotation_marks(analyze: Analyze) -> None:
    _check(analyze("“" * 300 + '"' * 300 + "”" * 300))
