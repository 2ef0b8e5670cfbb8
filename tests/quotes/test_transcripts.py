"""Transcripts with speaker labels in capitals (issue 25, session 9): each labelled paragraph is one block of the
named person, numbered as its own event; two-letter labels count, and a paragraph too short to quote is skipped
without ending the transcript. Sentences are written for the test."""

from __future__ import annotations

from collections.abc import Callable

from newsprism.model import Article

Analyze = Callable[[str], Article]


def _rows(art: Article) -> list[tuple[str, str, str | None, int | None, bool | None]]:
    return [
        (q.kind, art.text[q.start : q.end], q.speaker.name if q.speaker else None, q.event, q.transcript)
        for q in art.quotes
    ]


def test_each_labelled_paragraph_is_a_block_of_its_speaker(analyze: Analyze) -> None:
    art = analyze(
        "Tom Reed and Ann Cole met on Monday.\n\nREED: No.\n\nCOLE: That is what you said last year.\n\n"
        "REED: This time we have the money."
    )
    assert _rows(art) == [
        ("block", "No", "Tom Reed", 1, True),
        ("block", "That is what you said last year", "Ann Cole", 2, True),
        ("block", "This time we have the money", "Tom Reed", 3, True),
    ]
    assert all(art.text[q.cue_start : q.cue_end] == ":" for q in art.quotes if q.cue_start is not None)


def test_two_letter_labels_make_a_transcript(analyze: Analyze) -> None:
    art = analyze(
        "Tom Li and Ann Wu met on Monday.\n\nLI: We will fix the roads this year.\n\n"
        "WU: That is what you said last year."
    )
    assert _rows(art) == [
        ("block", "We will fix the roads this year", "Tom Li", 1, True),
        ("block", "That is what you said last year", "Ann Wu", 2, True),
    ]


def test_a_one_letter_answer_is_skipped_and_the_transcript_goes_on(analyze: Analyze) -> None:
    art = analyze(
        "Tom Reed and Ann Cole met on Monday.\n\nREED: A.\n\nCOLE: That is what you said last year.\n\n"
        "REED: This time we have the money."
    )
    assert _rows(art) == [
        ("block", "That is what you said last year", "Ann Cole", 1, True),
        ("block", "This time we have the money", "Tom Reed", 2, True),
    ]


def _qa(art: Article) -> list[tuple[str, str, int | None, bool | None, bool | None, str]]:
    rows = []
    for q in art.quotes:
        mark = art.text[q.answer_mark[0] : q.answer_mark[1]] if q.answer_mark else ""
        cue = art.text[q.cue_start : q.cue_end] if q.cue_start is not None and q.cue_end is not None else ""
        rows.append((art.text[q.start : q.end], cue + mark, q.event, q.interview, q.question, q.kind))
    return rows


def test_questions_and_answers_are_unattributed_interview_blocks(analyze: Analyze) -> None:
    art = analyze(
        "Ann Cole spoke to the paper on Monday.\n\nQ: Will the roads be fixed this year?\n\n"
        "A: Yes, we have the money now.\n\nQ: And the bridge?\n\nA: That comes next spring."
    )
    assert [q.speaker for q in art.quotes] == [None] * 4
    assert _qa(art) == [
        ("Will the roads be fixed this year?", ":Q", 1, True, True, "block"),
        ("Yes, we have the money now", ":A", 2, True, False, "block"),
        ("And the bridge?", ":Q", 3, True, True, "block"),
        ("That comes next spring", ":A", 4, True, False, "block"),
    ]


def test_questions_without_answers_are_no_interview(analyze: Analyze) -> None:
    art = analyze("Ann Cole spoke on Monday.\n\nQ: Will the roads be fixed this year?\n\nQ: And the bridge?")
    assert art.quotes == []


def test_interview_blocks_after_a_transcript_number_their_events_on(analyze: Analyze) -> None:
    art = analyze(
        "Tom Reed and Ann Cole met on Monday.\n\nREED: We will fix the roads this year.\n\n"
        "COLE: That is what you said last year.\n\nQ: And the bridge?\n\nA: That comes next spring."
    )
    assert [(q.event, q.transcript, q.interview) for q in art.quotes] == [
        (1, True, None),
        (2, True, None),
        (3, None, True),
        (4, None, True),
    ]
