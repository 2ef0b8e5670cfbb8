"""Stage behaviour on synthetic text: clause split, questions, quotes, headlines, dates against the article date."""

from __future__ import annotations

from collections.abc import Callable

from newsprism.claims.stage import QUESTION_DAMPING, clauses
from newsprism.model import Article, validate_offsets


def test_clause_split_at_but_and_semicolon() -> None:
    text = "Unemployment fell to 3.5% in May, but the policy is a disgrace to every decent citizen."
    parts = clauses(text, 0, len(text))
    assert [text[s:e] for s, e in parts] == [
        "Unemployment fell to 3.5% in May",
        "the policy is a disgrace to every decent citizen.",
    ]
    text2 = "The plant employs 4,000 workers; it opened in 1998 near the river."
    assert len(clauses(text2, 0, len(text2))) == 2


def test_short_parts_are_not_split() -> None:
    text = "Prices rose, but slowly."
    assert clauses(text, 0, len(text)) == []


def test_mixed_sentence_keeps_fact_clause_only(analyze: Callable[..., Article]) -> None:
    art = analyze("Unemployment fell to 3.5% in May 2023, but the policy is a disgrace to every decent citizen.")
    assert validate_offsets(art) == []
    assert art.sentences[0].checkworthiness is not None
    for c in art.claims:
        assert "disgrace" not in c.text
    nums = [n for c in art.claims for n in c.numbers]
    assert any(n.value == 3.5 and n.unit == "percent" for n in nums)


def test_rhetorical_question_is_not_a_claim(analyze: Callable[..., Article]) -> None:
    art = analyze("Is anyone really surprised that the senator raised taxes by 40 percent again?")
    assert art.claims == []
    assert art.sentences[0].checkworthiness is not None
    assert art.sentences[0].checkworthiness <= QUESTION_DAMPING


def test_claim_inside_quote_is_the_speakers(analyze: Callable[..., Article]) -> None:
    art = analyze('Police chief Maria Lopez said: "Burglaries rose 40 percent in 2023 across the city."')
    assert validate_offsets(art) == []
    quoted = [c for c in art.claims if "40 percent" in c.text]
    assert quoted, [c.text for c in art.claims]
    c = quoted[0]
    assert c.in_quote is True
    assert c.speaker and "Lopez" in c.speaker
    assert c.sourced == "named"


def test_headline_marked_and_dates_resolved(analyze: Callable[..., Article]) -> None:
    text = (
        "Senate passes $2 billion border bill\n\n"
        "The Senate voted on Tuesday to approve $2 billion for border security, officials said."
    )
    art = analyze(text, published="2024-05-10")
    assert validate_offsets(art) == []
    assert getattr(art.sentences[0], "headline", False) is True
    assert not getattr(art.sentences[1], "headline", False)
    body = [c for c in art.claims if c.text.startswith("The Senate voted")]
    assert body, [c.text for c in art.claims]
    dates = body[0].dates
    assert [d.iso for d in dates if d.text == "Tuesday"] == ["2024-05-07"]
    assert body[0].sourced == "anonymous"


def test_quote_with_trailing_cue_is_the_speakers(analyze: Callable[..., Article]) -> None:
    art = analyze("“We will cut taxes by 20 percent,” the senator allegedly said on Monday.", published="2024-03-06")
    assert validate_offsets(art) == []
    c = art.claims[0]
    # an unnamed role is the claim's source span, not a speaker name: quotes leave it unattributed (issue 19)
    assert c.in_quote is True and c.speaker is None
    assert c.source is not None and c.source.text == "the senator"
    assert [h.text for h in c.hedges] == ["allegedly"]
    assert [d.iso for d in c.dates] == ["2024-03-04"]
