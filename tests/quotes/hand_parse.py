"""Hand-built parses of sentences written for the tests (issue 25): the quotes passes read dependency labels,
tags and lemmas, so a test that must hold one label fixed builds the parse itself instead of hoping the
statistical parser reads the sentence that way.

A token is written ``word/TAG/dep/head[/lemma][@ENT]``: ``head`` is the absolute index of the head token (the
root points at itself); the part of speech follows from the tag (``TAG+POS`` overrides it, e.g. ``had/VBD+AUX``);
the lemma defaults to the lower-cased word. Punctuation, clitics and closing quotation marks (tag ``''``) attach
to the word before them, opening ones (tag ````) to the word after them; the word ``¶`` is a paragraph break (a
space token of two line breaks).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from newsprism.quotes.context import Context

POS_OF = {
    "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "PRP": "PRON", "PRP$": "PRON", "WP": "PRON",
    "DT": "DET", "IN": "ADP", "TO": "PART", "POS": "PART", "RP": "ADP", "JJ": "ADJ", "RB": "ADV", "WRB": "ADV",
    "CC": "CCONJ", "CD": "NUM", "MD": "AUX", "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB",
    "VBP": "VERB", "VBZ": "VERB", ",": "PUNCT", ".": "PUNCT", ":": "PUNCT", "``": "PUNCT", "''": "PUNCT",
    "HYPH": "PUNCT", "NFP": "PUNCT",
}  # fmt: skip
NO_SPACE_BEFORE = frozenset([",", ".", ":", ";", "?", "!", "'s", "’s", "”", "n't"])
NO_SPACE_AFTER = frozenset(["“"])


@lru_cache(maxsize=1)
def _vocab() -> Vocab:
    import spacy

    return spacy.blank("en").vocab


def hand_doc(spec: str) -> Doc:
    """The Doc a spec describes (see the module docstring)."""
    words, tags, pos, deps, heads, lemmas, ents = [], [], [], [], [], [], []
    for item in spec.split():
        item, _, ent = item.partition("@")
        parts = item.split("/")
        if parts[0] == "" and parts[1] == "":  # the word "/" itself is never needed; "//" would be ambiguous
            raise ValueError(item)
        word, tag, dep, head = parts[:4]
        tag, _, p = tag.partition("+")
        if word == "¶":
            word, tag, p = "\n\n", "_SP", "SPACE"
        words.append(word)
        tags.append(tag)
        pos.append(p or POS_OF[tag])
        deps.append(dep)
        heads.append(int(head))
        lemmas.append(parts[4] if len(parts) > 4 else word.lower())
        ents.append(ent)
    spaces = [
        i + 1 < len(words)
        and words[i + 1] not in NO_SPACE_BEFORE
        and tags[i + 1] != "''"
        and words[i] not in NO_SPACE_AFTER
        and tags[i] != "``"
        and "\n" not in words[i] + words[i + 1]
        for i in range(len(words))
    ]
    doc = Doc(_vocab(), words=words, spaces=spaces, tags=tags, pos=pos, deps=deps, heads=heads, lemmas=lemmas)
    doc.ents = [Span(doc, i, i + 1, label=e) for i, e in enumerate(ents) if e]
    return doc


def hand_ctx(spec: str) -> Context:
    """A quotes context (no block quotes) over a hand-built parse."""
    doc = hand_doc(spec)
    ctx = Context(doc.text, doc)
    ctx.set_blocks([])
    return ctx


def join(*specs: str) -> str:
    """One spec of several sentences (or pieces) written with heads counted from their own first token."""
    out, n = [], 0
    for spec in specs:
        toks = spec.split()
        for tok in toks:
            word, tag, dep, head, *rest = tok.split("/")
            out.append("/".join([word, tag, dep, str(int(head) + n), *rest]))
        n += len(toks)
    return " ".join(out)
