"""Organisations as speakers (issue 25, session 9): a body named two ways is one speaker of the article, and its kind
(outlet or organisation) is kept. Sentences are written for the test."""

from __future__ import annotations

from collections.abc import Callable

from newsprism.model import Article, Quote

Analyze = Callable[[str], Article]


def _find(art: Article, needle: str) -> Quote:
    hits = [q for q in art.quotes if needle in art.text[q.start : q.end]]
    assert hits, f"no quote containing {needle!r}: {[(q.kind, q.start, q.end) for q in art.quotes]}"
    return hits[0]


def _who(art: Article) -> list[tuple[str, str]]:
    return [(s.name, s.kind) for s in art.speakers]


def test_two_names_with_a_possessive_inside_are_two_speakers_of_their_kinds(analyze: Analyze) -> None:
    art = analyze("“The plan is sound,” People’s Daily wrote. “Rates will rise,” Moody’s Investors Service said.")
    assert _who(art) == [("People’s Daily", "outlet"), ("Moody’s Investors Service", "organization")]
    assert _find(art, "plan is sound").speaker_id == 0
    assert _find(art, "Rates will rise").speaker_id == 1


def test_the_company_and_the_firm_named_again_are_one_speaker(analyze: Analyze) -> None:
    art = analyze(
        "Acme Corp. reported earnings on Monday. The company said that sales rose. Acme Corp. said that costs fell."
    )
    assert _who(art) == [("Acme Corp.", "organization")]
    assert _find(art, "sales rose").speaker_id == _find(art, "costs fell").speaker_id == 0


def test_the_campaign_and_the_campaign_named_again_are_one_speaker(analyze: Analyze) -> None:
    art = analyze(
        "The Lowe campaign released an ad. The campaign said that the ad would run in Ohio. "
        "The Lowe campaign said that it cost a lot."
    )
    assert _who(art) == [("Lowe campaign", "organization")]
    assert _find(art, "would run in Ohio").speaker_id == _find(art, "cost a lot").speaker_id == 0


def test_an_aide_by_owner_and_an_aide_by_tie_are_two_anonymous_speakers(analyze: Analyze) -> None:
    art = analyze("Reed’s aide said the plan was sound. The aide of Ann Cole said the plan was bad.")
    assert _who(art) == [("Reed's aide", "anonymous"), ("The aide of Ann Cole", "anonymous")]
    assert [_find(art, "plan was sound").speaker_id, _find(art, "plan was bad").speaker_id] == [0, 1]
