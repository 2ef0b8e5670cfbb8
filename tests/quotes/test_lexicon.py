"""The quotes word lists (issue 25): a list written as one string is its set of words."""

from __future__ import annotations

from newsprism.quotes.lexicon import DOCUMENT_NOUNS, INSTITUTION_NOUNS, ORG_WORDS, words_set


def test_a_word_list_string_is_its_set_of_words() -> None:
    assert words_set("video  tape\nmemo video") == frozenset({"video", "tape", "memo"})
    assert words_set("") == frozenset()


def test_the_written_lists_hold_their_words() -> None:
    assert {"video", "op-ed", "e-mail", "bulletin"} <= DOCUMENT_NOUNS
    assert ORG_WORDS <= INSTITUTION_NOUNS and {"newspaper", "caucus"} <= INSTITUTION_NOUNS
