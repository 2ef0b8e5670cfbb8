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
