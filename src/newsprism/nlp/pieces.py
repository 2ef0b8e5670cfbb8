"""Bounded pieces for spaCy: any text is parsed in bounded time and memory, with offsets into the whole text.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters) and its memory grows with a text's length,
while newsprism accepts texts up to ``max_bytes``. So a text longer than :data:`MAX_PIECE_CHARS` is cut into
contiguous pieces (at a paragraph break, else after sentence punctuation, else at whitespace, else a hard cut),
each piece is parsed, and the Docs are joined with ``Doc.from_docs``: the joined Doc's text is the canonical
text, so every token, sentence and entity offset indexes it. A stretch with no sentence end (a 100,000-word
"sentence", a run of punctuation) gets a forced sentence start every :data:`MAX_SENTENCE_TOKENS` tokens before
the parser runs, so no sentence, dependency tree or quote search built on them grows with the input. And
spaCy's tokenizer peels prefix and suffix punctuation off a whitespace-free chunk one mark at a time, each
peel costing the chunk's length (quadratic: 8,000 quotation marks took 24 s to tokenize); runs of more than
:data:`MAX_PUNCT_RUN` punctuation marks are therefore tokenized in bounded segments (:class:`BoundedTokenizer`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# spaCy's guide puts parser and NER memory at about 1 GB per 100,000 characters; a piece stays well under
# that and under nlp.max_length. Texts up to this length are parsed whole, exactly as before.
MAX_PIECE_CHARS = 100_000
# Longest news sentences run to about 100 tokens; the cap only acts on stretches no sentence reaches.
MAX_SENTENCE_TOKENS = 250
PIECES_PER_BATCH = 2  # pieces of one long text parsed together (memory: about two pieces at a time)
SENTENCE_CAP_COMPONENT = "newsprism_sentence_cap"
# Longer runs of punctuation marks ("!!!!…", a wall of quotation marks; no prose has them) become tokens of
# this many marks.
MAX_PUNCT_RUN = 32
_LONG_PUNCT_RUN = re.compile(rf"[^\w\s]{{{MAX_PUNCT_RUN + 1},}}")
# Sentence-ish punctuation (then optional closing marks) followed by whitespace: a fallback cut point.
_SENTENCE_END = re.compile(r"[.!?;:][\"'”’)\]]*\s+")
_CLAUSE_MARKS = frozenset([",", ";", ":", "—", "–", "-", "…"])
_SENTENCE_MARKS = frozenset([".", "!", "?"])


def _cut(text: str, start: int, limit: int) -> int:
    """The end of the piece starting at ``start``: as late as possible within ``limit`` characters, after
    a line break, else after sentence punctuation, else after whitespace, else ``start + limit``."""
    end = start + limit
    if end >= len(text):
        return len(text)
    nl = text.rfind("\n", start, end)
    if nl > start:
        return nl + 1
    last = None
    for last in _SENTENCE_END.finditer(text, start, end):  # noqa: B007  (only the last match is wanted)
        pass
    if last is not None and last.end() < end:  # a match ending at the limit may continue past it
        return last.end()
    ws = max(text.rfind(" ", start, end), text.rfind("\t", start, end))
    if ws > start:
        return ws + 1
    return end


def pieces(text: str, limit: int = MAX_PIECE_CHARS) -> list[tuple[int, int]]:
    """Contiguous (start, end) pieces that cover ``text`` exactly, each at most ``limit`` characters."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    out = []
    start = 0
    while start < len(text):
        end = _cut(text, start, limit)
        out.append((start, end))
        start = end
    return out or [(0, 0)]


def cap_sentences(doc: Doc) -> Doc:
    """Force a sentence start so that no stretch between starts exceeds MAX_SENTENCE_TOKENS tokens: at the
    latest token after sentence punctuation, else after a clause mark, else at the cap (one linear pass)."""
    run_start = 0
    after_sentence = after_clause = -1
    for i, tok in enumerate(doc):
        if i > run_start and tok.is_sent_start:  # a start set earlier (a paragraph break)
            run_start, after_sentence, after_clause = i, -1, -1
        if i - run_start >= MAX_SENTENCE_TOKENS:
            cut = after_sentence if after_sentence > run_start else after_clause if after_clause > run_start else i
            doc[cut].is_sent_start = True
            run_start, after_sentence, after_clause = cut, -1, -1
        if tok.text in _SENTENCE_MARKS:
            after_sentence = i + 1
        elif tok.text in _CLAUSE_MARKS:
            after_clause = i + 1
    return doc


class BoundedTokenizer:
    """spaCy's tokenizer, except that a run of more than MAX_PUNCT_RUN punctuation marks becomes tokens of
    MAX_PUNCT_RUN marks each (prose never has such runs; a wall of marks costs what its length in words would).
    The pieces are joined with ``Doc.from_docs``, so the Doc's text is the input; other attributes (vocab,
    serialisation, ``explain``) are the wrapped tokenizer's."""

    def __init__(self, tokenizer: Any) -> None:
        self.inner = tokenizer

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def __call__(self, text: str) -> Doc:
        runs = list(_LONG_PUNCT_RUN.finditer(text))
        if not runs:
            return self.inner(text)
        from spacy.tokens import Doc

        docs = []
        pos = 0
        for run in runs:
            if run.start() > pos:
                docs.append(self.inner(text[pos : run.start()]))
            words = [text[i : min(i + MAX_PUNCT_RUN, run.end())] for i in range(run.start(), run.end(), MAX_PUNCT_RUN)]
            spaces = [False] * len(words)
            pos = run.end()
            if text.startswith(" ", pos):  # one following space belongs to the last token, as spaCy does
                spaces[-1] = True
                pos += 1
            docs.append(Doc(self.inner.vocab, words=words, spaces=spaces))
        if pos < len(text):
            docs.append(self.inner(text[pos:]))
        return Doc.from_docs(docs, ensure_whitespace=False)


def harden(nlp: Language) -> None:
    """Bound the pipeline's work on hostile text: the punctuation-run tokenizer and the sentence cap."""
    if not isinstance(nlp.tokenizer, BoundedTokenizer):
        nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    add_sentence_cap(nlp)


def add_sentence_cap(nlp: Language) -> None:
    """Put :func:`cap_sentences` right before the parser (after any component that sets sentence starts)."""
    from spacy.language import Language

    if SENTENCE_CAP_COMPONENT in nlp.pipe_names:
        return
    if not Language.has_factory(SENTENCE_CAP_COMPONENT):
        Language.component(SENTENCE_CAP_COMPONENT)(cap_sentences)
    nlp.add_pipe(SENTENCE_CAP_COMPONENT, before="parser" if "parser" in nlp.pipe_names else None)


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """One Doc per text, in order, like ``nlp.pipe(texts, batch_size=batch_size)``. A text over MAX_PIECE_CHARS
    (or ``nlp.max_length``, if lower) is parsed in pieces, a few at a time to bound memory, and joined, so its
    Doc's text is the whole text and every offset indexes it. Shorter texts are batched as before."""
    from spacy.tokens import Doc

    harden(nlp)
    limit = min(MAX_PIECE_CHARS, nlp.max_length)
    short: list[str] = []
    for text in texts:
        if len(text) <= limit:
            short.append(text)
            continue
        yield from nlp.pipe(short, batch_size=batch_size)
        short = []
        docs = list(nlp.pipe((text[s:e] for s, e in pieces(text, limit)), batch_size=PIECES_PER_BATCH))
        joined = Doc.from_docs(docs, ensure_whitespace=False)
        if joined.text != text:  # cannot happen: the pieces are contiguous and spaCy keeps every character
            raise RuntimeError("pieces do not rebuild the text")
        yield joined
    yield from nlp.pipe(short, batch_size=batch_size)
