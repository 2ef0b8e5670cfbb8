"""Parts of one quotation its cue interrupts (issue 19, round 6): both halves carry each other's offsets."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsprism.model import Article, Quote
from newsprism.quotes import confidence
from newsprism.report.article import article_markdown

Analyze = Callable[[str], Article]


def _find(art: Article, needle: str) -> Quote:
    return next(q for q in art.quotes if needle in q.text)


def test_direct_quotation_interrupted_inside_a_sentence_is_one_quotation(analyze: Analyze) -> None:
    art = analyze("“The buses will run,” Nadia Brook said, “as soon as the strike ends.”")
    first, second = _find(art, "buses will run"), _find(art, "strike ends")
    assert first.parts == [(second.start, second.end)]
    assert second.parts == [(first.start, first.end)]
    assert first.confidence == second.confidence
    assert first.speaker and second.speaker and first.speaker.name == second.speaker.name == "Nadia Brook"


def test_two_sentences_around_the_cue_stay_two_quotations(analyze: Analyze) -> None:
    art = analyze("“The buses will run,” Nadia Brook said. “The strike is over.”")
    assert _find(art, "buses will run").parts is None
    assert _find(art, "strike is over").parts is None


def test_capitalised_second_half_after_a_comma_is_a_new_sentence(analyze: Analyze) -> None:
    art = analyze("“The buses will run,” Nadia Brook said, “We have drivers for every route.”")
    assert _find(art, "buses will run").parts is None


def test_first_half_ending_a_sentence_is_not_a_part(analyze: Analyze) -> None:
    art = analyze("“The buses will run again!” Nadia Brook said, “and the trams too.”")
    assert _find(art, "buses will run").parts is None


def test_split_indirect_clause_keeps_its_parts(analyze: Analyze) -> None:
    art = analyze("With the river this high, the bridge would not hold, engineers said, for more than a week.")
    parts = [q for q in art.quotes if q.kind == "indirect" and q.parts]
    assert len(parts) == 2
    assert parts[0].parts == [(parts[1].start, parts[1].end)]


def test_markdown_report_shows_an_interrupted_quotation_as_one_row(
    analyze: Analyze, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the report's layout, whatever the scorer's threshold (session 9: it abstains on a one-sentence text)
    monkeypatch.setattr(confidence, "threshold", lambda: 0.0)
    art = analyze("“The buses will run,” Nadia Brook said, “as soon as the strike ends.”")
    md = article_markdown(art)
    assert "The buses will run … as soon as the strike ends." in md
    assert md.count("| direct |") == 1
