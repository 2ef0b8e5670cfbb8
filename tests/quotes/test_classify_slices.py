"""``classify.writers_own`` reads the sentence's lead-in and the 12 characters after an "according to" source from
Doc slices, not from ``Doc.text`` (which joins the whole text on every call; session 10, issue 19): the slices equal
the old text slices on every token, at the ends of the text and across odd whitespace."""

from __future__ import annotations

import re

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsprism.quotes.candidate import Candidate
from newsprism.quotes.classify import writers_own

VOCAB = Vocab()


def _doc(text: str) -> Doc:
    """Words and punctuation as tokens, one space after a token as its whitespace, other runs of whitespace as
    tokens; a sentence starts at the first word after '.', '!' or '?'."""
    words: list[str] = []
    spaces: list[bool] = []
    for m in re.finditer(r"[^\w\s]|\w+|\s+", text):
        w = m.group()
        if w == " " and words and not spaces[-1] and not words[-1].isspace():
            spaces[-1] = True
        else:
            words.append(w)
            spaces.append(False)
    starts, new = [], True
    for w in words:
        starts.append(new and not w.isspace())
        new = (new and w.isspace()) or w in ".!?"
    doc = Doc(VOCAB, words=words, spaces=spaces, sent_starts=starts)
    assert doc.text == text
    return doc


TEXTS = [
    "According to RAPTOR, our new metric, he wins.",
    "In effect, Paul\n\nwas  saying no.",
    "x",
    "A said it.   B said so!",
    "Ann wins.\n\t \nAccording to us, it ends",
]


@pytest.mark.parametrize("text", TEXTS)
def test_doc_slices_equal_the_text_slices_on_every_token(text: str) -> None:
    doc = _doc(text)
    for t in doc:
        assert doc[t.sent.start : t.i].text_with_ws == doc.text[t.sent.start_char : t.idx]
        end = t.idx + len(t.text)
        assert (t.whitespace_ + doc[t.i + 1 : t.i + 13].text_with_ws)[:12] == doc.text[end : end + 12]


def test_our_metric_after_an_according_to_source_is_the_writers_own() -> None:
    doc = _doc(TEXTS[0])
    q = Candidate("indirect", 0, 10, cue=doc[0], subj=doc[2], rule="according")
    q.extra["according_to"] = True
    assert writers_own(q)
    q.subj = doc[8]  # "he"
    assert not writers_own(q)


def test_a_gloss_before_the_cue_in_its_sentence_is_the_writers_own() -> None:
    doc = _doc("In effect, Paul was saying no.")
    assert writers_own(Candidate("indirect", 0, 10, cue=doc[5], rule="clause"))
    two = _doc("In effect, it ended. Paul was saying no.")
    assert not writers_own(Candidate("indirect", 0, 10, cue=two[8], rule="clause"))  # the gloss is a sentence before
