"""Rules of ``link_parts`` on hand-made records (issue 25, session 9): which two records of one event are the parts
of one interrupted quotation. Sentences are written for the test; offsets are found in them."""

from __future__ import annotations

import pytest

from newsprism.model import Quote
from newsprism.quotes.parts import ends_sentence, link_parts
from newsprism.records import Speaker


def _q(
    text: str, inner: str, *, kind: str = "direct", event: int | None = 1, cue: str | None = "said", **kw: object
) -> Quote:
    start = text.index(inner)
    end = start + len(inner)
    marks = kw.pop("marks", kind == "direct")
    fields: dict[str, object] = {"kind": kind, "text": inner, "start": start, "end": end, "event": event}
    fields["cue_start"] = text.index(cue) if cue is not None else None
    if marks:
        fields["outer_start"] = start - 1
        fields["outer_end"] = text.index("”", end) + 1
    fields["speaker"] = Speaker(name=str(kw.pop("speaker", "Ann Cole")))
    fields.update(kw)
    return Quote.model_validate(fields)


def _linked(text: str, first: Quote, second: Quote) -> bool:
    link_parts(text, [first, second])
    assert (first.parts is None) == (second.parts is None)
    return first.parts == [(second.start, second.end)] and second.parts == [(first.start, first.end)]


def _pair(text: str, a: str, b: str, **kw: object) -> bool:
    return _linked(text, _q(text, a, **kw), _q(text, b, **kw))


@pytest.mark.parametrize("sep", [",", " —", " –", " -", ":"])
def test_a_cue_ending_with_a_comma_dash_or_colon_joins_the_halves(sep: str) -> None:
    text = f"“We will not stop,” she said{sep} “until the job is done.”"
    assert _pair(text, "We will not stop", "until the job is done.")


@pytest.mark.parametrize(
    "head", ["I will not stop.", "I'm not done.", "I’m not done.", "I've said it.", "I’ve said it."]
)
def test_a_second_half_opening_with_i_continues_the_sentence(head: str) -> None:
    text = f"“Whatever they say,” she said, “{head}”"
    assert _pair(text, "Whatever they say", head)


@pytest.mark.parametrize("head", ["Xavier agrees.", "We have drivers."])
def test_a_capitalised_second_half_is_a_new_sentence(head: str) -> None:
    text = f"“We will not stop,” she said, “{head}”"
    assert not _pair(text, "We will not stop", head)


def test_a_bracket_before_the_second_half_is_skipped() -> None:
    text = "“We will not stop,” she said, “[and] the job will be done.”"
    assert _pair(text, "We will not stop", "[and] the job will be done.")


def test_a_line_break_in_the_gap_ends_the_quotation() -> None:
    text = "“We will not stop,” she\nsaid, “until the job is done.”"
    assert not _pair(text, "We will not stop", "until the job is done.")


def test_a_cue_after_both_halves_does_not_join_them() -> None:
    text = "“We will not stop”, “until the job is done,” she said."
    assert not _pair(text, "We will not stop", "until the job is done,")


def test_records_without_marks_use_their_own_offsets() -> None:
    text = "The vote was close. We will not stop, she said, until the job is done."
    assert _pair(text, "We will not stop", "until the job is done.", marks=False)


def test_indirect_halves_join_whatever_their_words() -> None:
    text = "The bridge would not hold, engineers said. For more than a week."
    assert _pair(text, "The bridge would not hold", "For more than a week.", kind="indirect")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ({"speaker": "Ann Cole"}, {"speaker": "Tom Reed"}),
        ({"event": 1, "kind": "indirect"}, {"event": 2, "kind": "indirect"}),
        ({"event": None}, {"event": None}),
        ({"kind": "partial"}, {"kind": "partial"}),
    ],
)
def test_only_direct_or_indirect_records_of_one_event_and_speaker_join(a: dict, b: dict) -> None:
    text = "“We will not stop,” she said, “until the job is done.”"
    ma, mb = {"marks": True, **a}, {"marks": True, **b}
    assert not _linked(text, _q(text, "We will not stop", **ma), _q(text, "until the job is done.", **mb))


def test_a_lone_record_before_an_interrupted_quotation_leaves_its_parts_and_the_highest_confidence() -> None:
    text = "“It is over.” “We will not stop,” she said, “until the job is done.”"
    lone = _q(text, "It is over.", confidence=0.2)
    first = _q(text, "We will not stop", confidence=0.4)
    second = _q(text, "until the job is done.", confidence=0.9)
    link_parts(text, [lone, first, second])
    assert lone.parts is None and lone.confidence == 0.2
    assert first.parts == [(second.start, second.end)] and second.parts == [(first.start, first.end)]
    assert first.confidence == second.confidence == 0.9


# -- session 10 (issue 19, round 8's largest span class): titles and initials in the narration between the halves


@pytest.mark.parametrize(
    "narration",
    [
        "Mr. Cole added,",
        "Lt. Col. Ann Cole, a spokeswoman for the army, wrote on her Twitter account as the reports came in,",
        "U.S. Rep. Ann Cole said,",
        "Ann J. Cole said,",
        "Dr. Cole, of Acme Inc., said,",
    ],
)
def test_a_title_or_initial_between_the_halves_ends_no_sentence(narration: str) -> None:
    text = f"“I wish I could say I am surprised,” {narration} “but I am not.”"
    assert not ends_sentence(narration)
    assert _pair(text, "I wish I could say I am surprised", "but I am not.", cue=narration.split(",")[-2].split()[-1])


@pytest.mark.parametrize(
    "narration",
    ["she said. Then she wrote,", "she said in Rome. Later she wrote,", "she said! She wrote,", "she asked?"],
)
def test_a_sentence_ending_between_the_halves_keeps_them_apart(narration: str) -> None:
    text = f"“We will not stop,” {narration} “until the job is done.”"
    assert ends_sentence(narration)
    assert not _pair(text, "We will not stop", "until the job is done.", cue="she")


def test_direct_halves_of_one_cue_join_across_two_events_and_take_the_first_event() -> None:
    text = "“In case you were wondering,” Ann Cole wrote, “trying to breach the fence is no cease-fire.”"
    first = _q(text, "In case you were wondering", cue="wrote", event=3)
    second = _q(text, "trying to breach the fence is no cease-fire.", cue="wrote", event=4)
    assert _linked(text, first, second)
    assert first.event == second.event == 3
