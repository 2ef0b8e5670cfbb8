"""The shared three-sentence window and the paragraph start (issue 19, session 10): the window is the sentence and
the two before it for both the pronoun rules and the scorer; an indented quotation opens its paragraph however
deep the indent (session 9 looked only 4 characters back)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsprism.quotes.candidate import Candidate
from newsprism.quotes.confidence import features
from newsprism.quotes.sentences import starts_paragraph, three_sentences


def _doc(sents: list[list[str]]) -> Doc:
    words = [w for s in sents for w in s]
    starts = [k == 0 for s in sents for k in range(len(s))]
    return Doc(Vocab(), words=words, sent_starts=starts)


@pytest.mark.parametrize(("sent", "first"), [(0, 0), (1, 0), (2, 0), (3, 1), (4, 2)])
def test_the_window_is_the_sentence_and_the_two_before(sent: int, first: int) -> None:
    doc = _doc([["A", "b", "."], ["C", "."], ["D", "e", "."], ["F", "."], ["G", "h", "."]])
    starts = [0, 3, 5, 8, 10]
    ends = [3, 5, 8, 10, 13]
    span = three_sentences(doc[starts[sent] + 1])
    assert (span.start, span.end) == (starts[first], ends[sent])
    assert span.start_char == doc[starts[first]].idx


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("“big", True),
        ("        “big", True),  # indented by eight spaces (missed before session 10)
        ("Line.\n\t\t  “big", True),
        ("Line.\n\n      big", True),
        ("Line.\n  A “big", False),
        ("A       “big", False),
        ("Line one. “big", False),
    ],
)
def test_only_spaces_tabs_and_marks_since_the_newline_start_a_paragraph(text: str, starts: bool) -> None:
    start = text.index("big")
    assert starts_paragraph(text, start) is starts
    x = features(Candidate("direct", start, start + 3, rule="direct"), text)
    assert x.get("starts_paragraph", 0.0) == float(starts)
