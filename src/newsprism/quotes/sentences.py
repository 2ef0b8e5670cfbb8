"""The sentence of a token and the two before it: the window in which the speaker rules look for rival persons
(``pronouns``) and the attribution scorer counts the persons named (``confidence``); one definition for both."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def three_sentences(tok: Token) -> Span:
    """The span from the start of the sentence two before ``tok``'s (fewer at the start of the text) to the end of
    ``tok``'s sentence."""
    doc = tok.doc
    sent = tok.sent
    first = sent.start
    for _ in range(2):
        first = doc[first - 1].sent.start if first > 0 else first
    return doc[first : sent.end]


def starts_paragraph(text: str, start: int) -> bool:
    """Whether only spaces, tabs and opening quotation marks stand between the previous newline (or the start of
    the text) and ``start``: an indented quotation still opens its paragraph."""
    i = start
    while i > 0 and text[i - 1] in " \t\"“‘'«„":
        i -= 1
    return i == 0 or text[i - 1] == "\n"
