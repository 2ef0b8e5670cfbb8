"""Indirect speech spans (issue 19, round-2 judged class 'span drops part of the reported clause'): clauses the
parser hangs on the cue that continue the reported clause stay in the span; sentences are written for the test."""

from __future__ import annotations

from collections.abc import Callable

from newsprism.model import Article, Quote

Analyze = Callable[[str], Article]


def _indirect(art: Article, needle: str) -> Quote:
    hits = [q for q in art.quotes if q.kind == "indirect" and needle in q.text]
    assert hits, f"no indirect quote containing {needle!r}: {[(q.kind, q.text) for q in art.quotes]}"
    return hits[0]


def test_coordinated_that_clause_stays_in_the_span(analyze: Analyze) -> None:
    art = analyze(
        "The agency said it was making an exception for the older documents, "
        "but that it would not turn over any later records."
    )
    assert _indirect(art, "making an exception").text.endswith("any later records")


def test_further_complement_stays_in_the_span(analyze: Analyze) -> None:
    art = analyze("Mr. Rendon said he had held back a child care bill this year, so he could draft a bill next year.")
    assert _indirect(art, "held back").text.endswith("draft a bill next year")


def test_another_statement_stays_out(analyze: Analyze) -> None:
    art = analyze("Ms. Lopez said the plan had failed, but Mr. Kaine said he would not attend.")
    q = _indirect(art, "plan had failed")
    assert "Kaine" not in q.text
