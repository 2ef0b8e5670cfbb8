"""Nominal cues and documents leading a sentence (issue 25): "Reed's claim that …", "his hope to …", "criticism
of …", "In a new poll, …"; sentences are written for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsprism.model import Article

Analyze = Callable[[str], Article]


@pytest.mark.parametrize(
    ("text", "content", "cue", "attitude"),
    [
        ("Reed's claim that there is a deal was false.", "that there is a deal", "claim", None),
        ("Reed's claim that the fund was empty was false.", "that the fund was empty", "claim", None),  # AUX head
        ("Reed's promise not to raise taxes was broken.", "not to raise taxes", "promise", None),  # "to" inside
        ("Reed's hope to win the seat faded.", "to win the seat", "hope", True),  # no speech noun: an attitude
        ("Reed's criticism of the plan on Monday was harsh.", "the plan on Monday", "criticism of", None),
        ("Reed's warning about the storm came late.", "the storm", "warning about", None),
    ],
)
def test_possessor_of_a_nominal_cue_is_the_source(
    analyze: Analyze, text: str, content: str, cue: str, attitude: bool | None
) -> None:
    (q,) = analyze(text).quotes
    assert (q.kind, q.text, q.cue, q.nominal, q.attitude) == ("indirect", content, cue, True, attitude)
    assert q.speaker is not None and q.speaker.name == "Reed" and not q.sourceless


def test_allegation_without_possessor_is_sourceless(analyze: Analyze) -> None:
    (q,) = analyze("Allegations that the mayor took bribes spread quickly.").quotes
    assert (q.text, q.cue, q.nominal, q.sourceless, q.speaker) == (
        "that the mayor took bribes",
        "Allegations",
        True,
        True,
        None,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Its claim that the budget was balanced drew laughs.",  # "its" is no agent
        "Reed's criticism of Ohio was harsh.",  # a place is no content
        "Reed's criticism on Monday was harsh.",  # a date is no content
        "Reed's claim of fraud was rejected.",  # one word is no content
        "The criticism of the plan was harsh.",  # a prepositional content needs a possessor
        "Reed's statement, the fund empty, was false.",  # no clause
        "Trump's attacks on Clinton grew sharper in the fall.",  # a verb form "attacks"
        "Reed's claim the fund has been emptied was false.",  # a clause with neither "that" nor "to"
    ],
)
def test_no_nominal_quotation(analyze: Analyze, text: str) -> None:
    assert analyze(text).quotes == []


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        ("In a new poll, Clinton leads Trump by ten points.", "Clinton leads Trump by ten points", "new poll"),
        ("In a new poll, Clinton leads Trump by ten points:", "Clinton leads Trump by ten points", "new poll"),
        (
            "In a new survey released on Monday, the party leads by ten points.",
            "the party leads by ten points",
            "new survey",
        ),
    ],
)
def test_document_leading_a_sentence_is_its_source(analyze: Analyze, text: str, content: str, source: str) -> None:
    (q,) = analyze(text).quotes
    assert (q.kind, q.text, q.cue, q.in_record, q.speech_act) == ("indirect", content, "In", True, "report")
    assert q.speaker is not None and q.speaker.name == source and q.speaker_kind == "document"


@pytest.mark.parametrize(
    "text",
    [
        "In the morning, Clinton leads Trump by ten points.",  # no document
        "In a poll, Clinton leads.",  # too short a content
        "In a new poll.",  # nothing after it
    ],
)
def test_no_record_quotation(analyze: Analyze, text: str) -> None:
    assert analyze(text).quotes == []


def test_speaker_line_led_by_a_document_introduces_the_next_quotation(analyze: Analyze) -> None:
    art = analyze('In a letter released on Friday, the association said:\n\n"We will fight."')
    assert [(q.kind, q.text) for q in art.quotes] == [("direct", "We will fight.")]
    q = art.quotes[0]
    assert q.speaker is not None and q.speaker.name == "association"
