"""Block quotes after a speaker line ("Baker said:"): where a block ends (issue 25); sentences written for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsprism.model import Article

Analyze = Callable[[str], Article]

INTRO = "Governor Tom Baker spoke to reporters on Friday.\n\nBaker said:\n\n"
FIRST = "We have done everything we can for these families."
SPEECH = "So we will keep going until the work is finished."
NARRATION = "The state budget passed in the spring after a long fight."
AFTER = "The legislature returns in January."


def _blocks(analyze: Analyze, *paras: str) -> list[str]:
    return [q.text for q in analyze(INTRO + "\n\n".join(paras)).quotes if q.kind == "block"]


def test_block_runs_over_one_narration_paragraph_followed_by_speech(analyze: Analyze) -> None:
    assert _blocks(analyze, FIRST, NARRATION, SPEECH, AFTER) == ["\n\n".join([FIRST, NARRATION, SPEECH])]
    assert _blocks(analyze, FIRST, NARRATION, SPEECH) == ["\n\n".join([FIRST, NARRATION, SPEECH])]  # to the end


def test_block_stops_at_two_narration_paragraphs(analyze: Analyze) -> None:
    assert _blocks(analyze, FIRST, NARRATION, AFTER) == [FIRST]
    assert _blocks(analyze, FIRST, NARRATION) == [FIRST]  # the text's last paragraph


def test_block_stops_before_a_narration_paragraph_then_a_new_speaker_line(analyze: Analyze) -> None:
    assert _blocks(analyze, FIRST, NARRATION, "He added:", "I am proud of our team and our work.") == [
        FIRST,
        "I am proud of our team and our work.",
    ]


@pytest.mark.parametrize(("again", "kept"), [(37, True), (38, False)])  # 40 words is short, 41 is not
def test_only_a_short_narration_paragraph_is_bridged(analyze: Analyze, again: int, kept: bool) -> None:
    narration = " ".join(["The committee met"] + ["again"] * again) + "."
    whole = "\n\n".join([FIRST, narration, SPEECH])
    assert _blocks(analyze, FIRST, narration, SPEECH, AFTER) == [whole if kept else FIRST]


@pytest.mark.parametrize("para", ["[The plan] will be ready in March for the whole state.", "Well, the plan is ready."])
def test_brackets_and_spoken_openings_read_as_speech(analyze: Analyze, para: str) -> None:
    assert _blocks(analyze, FIRST, para, AFTER) == [FIRST + "\n\n" + para]


def test_outlet_report_runs_while_paragraphs_report_or_quote(analyze: Analyze) -> None:
    text = (
        "The mayor spoke on Monday.\n\nThe New York Times reported:\n\n"
        "The mayor said the city would hire more teachers.\n\n“We need them now,” he told the paper.\n\n"
        "Officials told the Times the plan would cost more.\n\nXavier Cruz was not available.\n\nIt was a sunny day."
    )
    (block,) = [q for q in analyze(text).quotes if q.kind == "block"]
    assert block.text.startswith("The mayor said") and block.text.endswith("would cost more.")
    assert block.outlet_report is True


def test_speaker_line_of_fifteen_words_introduces_a_block(analyze: Analyze) -> None:
    line = "In the hall on Friday night before the long and angry crowd there Baker said:"  # 15 words
    text = f"The rally ended late.\n\n{line}\n\n{FIRST}\n\n{AFTER}"
    assert [q.text for q in analyze(text).quotes if q.kind == "block"] == [FIRST]
