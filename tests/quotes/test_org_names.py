"""Generic bodies and organisation names (issue 19, round 6): "the ministry" is the ministry the article names,
and a possessive inside an organisation's name keeps the whole name."""

from __future__ import annotations

from collections.abc import Callable

from newsprism.model import Article, Quote

Analyze = Callable[[str], Article]


def _find(art: Article, needle: str) -> Quote:
    return next(q for q in art.quotes if needle in q.text)


def _speaker(art: Article, needle: str) -> str | None:
    q = _find(art, needle)
    return q.speaker.name if q.speaker else None


def test_the_ministry_is_the_ministry_named_before(analyze: Analyze) -> None:
    art = analyze(
        "The Interior Ministry issued a statement on Monday. The ministry said that the border would stay shut."
    )
    assert _speaker(art, "border would stay shut") == "Interior Ministry"


def test_the_generic_noun_takes_the_most_recent_matching_body(analyze: Analyze) -> None:
    text = (
        "The Interior Ministry issued a statement on Monday. Then the Health Ministry met. "
        "The ministry said that the clinics would stay open."
    )
    assert _speaker(analyze(text), "clinics would stay open") == "Health Ministry"


def test_a_modified_head_noun_matches_a_name_with_that_word(analyze: Analyze) -> None:
    text = "The People’s Bank of China cut rates. The central bank said the economy was slowing."
    assert _speaker(analyze(text), "economy was slowing") == "People’s Bank of China"


def test_no_named_body_with_the_head_noun_keeps_the_generic_word(analyze: Analyze) -> None:
    text = "The Federal Reserve met on Tuesday. The bank said rates would hold."
    assert _speaker(analyze(text), "rates would hold") == "bank"  # another head noun: no alias is guessed
    assert _speaker(analyze("The ministry said that the border would stay shut."), "border") == "ministry"


def test_a_body_named_after_the_cue_is_not_its_antecedent(analyze: Analyze) -> None:
    text = "The ministry said that the border would stay shut. The Interior Ministry later confirmed it."
    assert _speaker(analyze(text), "border would stay shut") == "ministry"


def test_a_possessive_inside_an_organisation_name_keeps_the_whole_name(analyze: Analyze) -> None:
    art = analyze("The editorial ran on Monday. “The plan is sound,” People’s Daily wrote.")
    assert _speaker(art, "plan is sound") == "People’s Daily"


def test_an_owned_body_still_names_its_owner(analyze: Analyze) -> None:
    assert _speaker(analyze("Reed’s campaign said that the plan was sound."), "plan was sound") == "Reed's campaign"


def test_the_campaign_is_the_campaign_named_with_its_candidate(analyze: Analyze) -> None:
    text = "The Lowe campaign released an ad. The campaign said that the ad would run in Ohio."
    assert _speaker(analyze(text), "ad would run") == "Lowe campaign"


def test_a_lone_generic_campaign_stays_the_word(analyze: Analyze) -> None:
    assert _speaker(analyze("The campaign said that the ad would run in Ohio."), "ad would run") == "campaign"


def test_the_company_is_the_one_firm_named_with_a_corporate_suffix(analyze: Analyze) -> None:
    text = "Acme Corp. reported earnings on Monday. The company said that sales rose."
    assert _speaker(analyze(text), "sales rose") == "Acme Corp."


def test_the_company_after_two_firms_stays_the_word(analyze: Analyze) -> None:
    text = "Acme Corp. and Lowe Holdings Inc. reported earnings. The company said that sales rose."
    assert _speaker(analyze(text), "sales rose") == "company"
