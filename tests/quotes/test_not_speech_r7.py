"""Not speech (issue 19, round 7): chart, table, caption and credit lines, and a narrated resolve ("vowed to
fight"), make no quotation shown; speech next to them still does. Sentences are written for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsprism.model import Article
from newsprism.quotes.confidence import speech

Analyze = Callable[[str], Article]

LEAD = "“We will win,” Tom Reed said.\n\n"


def _shown(art: Article, needle: str) -> bool:
    hits = [q for q in art.quotes if needle in q.text]
    return any(speech(q) for q in hits)


@pytest.mark.parametrize(
    "line",
    [
        "“Jobs are coming back to every state in the region.” (Graphic: Labor Department)",
        "Chart: “Jobs are coming back to every state in the region”",
        "“Jobs are coming back to every state in the region.” Source: Census Bureau",
        "Photo: “Jobs are coming back to every state in the region,” a sign at the rally. Jane Doe/Reuters",
        "“Jobs are coming back to every state in the region” | 12% | 15%",
    ],
)
def test_caption_credit_chart_or_table_line_is_no_speech(analyze: Analyze, line: str) -> None:
    art = analyze(LEAD + line + "\n\nThe vote is on Friday.")
    assert not _shown(art, "Jobs are coming back")
    assert _shown(art, "We will win")


def test_speech_in_a_line_with_a_credit_stays_speech(analyze: Analyze) -> None:
    art = analyze(LEAD + "“Jobs are coming back,” Tom Reed said. (Photo: Jane Doe/Reuters)")
    assert _shown(art, "Jobs are coming back")


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Tom Reed vowed to fight the ruling in court.", "fight the ruling"),
        ("Tom Reed insisted on a recount of the votes.", "recount"),
        ("Tom Reed, insisting on a recount, left the hall.", "recount"),
    ],
)
def test_narrated_resolve_or_stance_is_not_shown(analyze: Analyze, text: str, needle: str) -> None:
    assert not _shown(analyze(text), needle)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Tom Reed vowed that he would fight the ruling.", "fight the ruling"),
        ("“We will fight the ruling,” Tom Reed vowed.", "fight the ruling"),
        ("“This ruling is a joke,” Tom Reed fumed.", "ruling is a joke"),
    ],
)
def test_vow_or_fume_with_quoted_words_or_a_that_clause_is_speech(analyze: Analyze, text: str, needle: str) -> None:
    assert _shown(analyze(text), needle)
