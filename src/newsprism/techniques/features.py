"""Sparse, hashed features (stateless: sklearn FeatureHasher) for token tagging (SI) and span classification (TC)."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix
    from spacy.tokens import Doc

SI_FEATURES = 2**18
TC_FEATURES = 2**15
_QUOTES = "\"“”‘’'"


@dataclass(frozen=True)
class Tok:
    start: int
    end: int
    lower: str
    lemma: str
    pos: str
    shape: str
    stop: bool


def tokens_from_doc(doc: Doc) -> list[Tok]:
    return [
        Tok(t.idx, t.idx + len(t.text), t.lower_, t.lemma_.lower(), t.pos_, t.shape_, bool(t.is_stop))
        for t in doc
        if not t.is_space
    ]


def tok_to_list(t: Tok) -> list[Any]:
    return [t.start, t.end, t.lower, t.lemma, t.pos, t.shape, t.stop]


def tok_from_list(x: list[Any]) -> Tok:
    return Tok(int(x[0]), int(x[1]), str(x[2]), str(x[3]), str(x[4]), str(x[5]), bool(x[6]))


def _hasher(n: int) -> Any:
    from sklearn.feature_extraction import FeatureHasher

    return FeatureHasher(n_features=n, input_type="string", alternate_sign=False)


def _bucket(n: int) -> str:
    return str(min(n, 5)) if n < 5 else ("5-9" if n < 10 else "10+")


def token_features(text: str, toks: list[Tok], lex_mask: list[bool]) -> list[list[str]]:
    """Per token: word, lemma, POS, shape, neighbours (±2), bigrams, in-quote, repetition and lexicon priors."""
    lemma_counts = Counter(t.lemma for t in toks if not t.stop and t.pos in ("NOUN", "PROPN", "ADJ", "VERB"))
    n = len(toks)
    quote_depth = 0
    feats: list[list[str]] = []
    line_start = 0
    for i, t in enumerate(toks):
        if t.lower in ("“", "”", '"'):
            quote_depth = 1 - quote_depth if t.lower == '"' else (1 if t.lower == "“" else 0)
        nl = text.rfind("\n", 0, t.start)
        if nl != line_start:
            line_start = nl

        def w(j: int) -> str:
            return toks[j].lower if 0 <= j < n else "<pad>"

        def p(j: int) -> str:
            return toks[j].pos if 0 <= j < n else "<pad>"

        f = [
            "w=" + t.lower,
            "l=" + t.lemma,
            "p=" + t.pos,
            "s=" + t.shape[:4],
            "w-1=" + w(i - 1),
            "w+1=" + w(i + 1),
            "w-2=" + w(i - 2),
            "w+2=" + w(i + 2),
            "p-1=" + p(i - 1),
            "p+1=" + p(i + 1),
            "pp=" + p(i - 1) + "|" + t.pos + "|" + p(i + 1),
            "b-=" + w(i - 1) + "|" + t.lower,
            "b+=" + t.lower + "|" + w(i + 1),
            "q=" + str(quote_depth),
            "rep=" + (_bucket(lemma_counts.get(t.lemma, 0)) if not t.stop else "stop"),
            "lex=" + str(lex_mask[i]),
            "lexw=" + str(lex_mask[i]) + "|" + t.pos,
            "bias",
        ]
        if "!" in text[t.start : min(len(text), t.end + 60)].split("\n")[0]:
            f.append("excl_near")
        feats.append(f)
    return feats


def hash_tokens(feats: list[list[str]]) -> csr_matrix:
    return _hasher(SI_FEATURES).transform(feats).tocsr()


_WORD = re.compile(r"[\w'-]+")


def span_features(text: str, start: int, end: int, context: str, lemmas: list[str]) -> list[str]:
    """One TC feature list: span words/lemmas/bigrams, context words, length, punctuation, repetition."""
    span = text[start:end]
    words = [w.lower() for w in _WORD.findall(span)]
    f = ["sw=" + w for w in words]
    f += ["sb=" + a + "|" + b for a, b in itertools.pairwise(words)]
    f += ["sl=" + lem for lem in lemmas]
    f += ["cw=" + w.lower() for w in _WORD.findall(context)]
    f.append("len=" + _bucket(len(words)))
    f.append("clen=" + str(min(len(span) // 20, 10)))
    f.append("first=" + (words[0] if words else ""))
    f.append("last=" + (words[-1] if words else ""))
    if span.strip().endswith("!"):
        f.append("excl")
    if "?" in span:
        f.append("qmark")
    if any(q in span for q in _QUOTES):
        f.append("quote")
    if span.isupper() and len(span) > 3:
        f.append("caps")
    if start > 0 and text[start - 1] in _QUOTES:
        f.append("quoted")
    reps = text.lower().count(span.lower().strip()) if span.strip() else 0
    f.append("rep=" + _bucket(reps))
    f.append("whole_sent=" + str(span.strip() == context.strip()))
    f.append("bias")
    return f


def hash_spans(feats: list[list[str]]) -> csr_matrix:
    return _hasher(TC_FEATURES).transform(feats).tocsr()


def lex_mask(toks: list[Tok], hits: list[tuple[int, int]]) -> list[bool]:
    return [any(t.start < e and s < t.end for s, e in hits) for t in toks]


EDGE_POS = {"PUNCT", "CCONJ", "ADP", "DET", "PART", "SCONJ", "SPACE"}


def _edge_junk(t: Tok) -> bool:
    """Tokens a span should not start or end with (function words, punctuation)."""
    return t.stop or t.pos in EDGE_POS


NP_INNER = {"ADJ", "DET", "NUM", "ADV"}  # a span ending on one of these before a noun stops mid-phrase
NP_HEAD = {"NOUN", "PROPN"}


def snap_end(toks: list[Tok], a: int, b: int) -> int:
    """The end (exclusive token index) of span ``toks[a:b]`` moved to its noun phrase's last noun when it stops
    on an adjective/determiner/number/adverb before a noun or adjective ("socialist" -> "socialist agitators"),
    or between two nouns ("border" -> "border crisis"). ``toks`` are one sentence's tokens."""
    n = len(toks)
    while b < n and toks[b - 1].pos in NP_INNER and toks[b].pos in (NP_HEAD | {"ADJ"}):
        b += 1
    while b < n and toks[b - 1].pos in NP_HEAD and toks[b].pos in NP_HEAD:
        b += 1
    return b


def decode_sentences(
    toks: list[Tok], probs: np.ndarray, threshold: float, sentences: list[tuple[int, int]], gap: int = 2
) -> list[tuple[int, int, float]]:
    """:func:`decode` within each sentence (character ``sentences``, sorted): no span crosses a sentence boundary.
    Without sentences the text is one unit; tokens outside every sentence never join a span."""
    if not sentences:
        return decode(toks, probs, threshold, gap)
    starts = np.asarray([t.start for t in toks], dtype=np.int64)
    out: list[tuple[int, int, float]] = []
    for s, e in sentences:
        lo, hi = int(np.searchsorted(starts, s, side="left")), int(np.searchsorted(starts, e, side="left"))
        sent = [t for t in toks[lo:hi] if t.end <= e]
        out += decode(sent, probs[lo : lo + len(sent)], threshold, gap)
    return out


def decode(toks: list[Tok], probs: np.ndarray, threshold: float, gap: int = 2) -> list[tuple[int, int, float]]:
    """Runs of tokens with p >= threshold, bridging up to ``gap`` low tokens, trimmed of edge function words and
    punctuation and snapped to the end of a noun phrase (:func:`snap_end`) -> (start, end, mean p).

    ``toks`` are one sentence's tokens (:func:`decode_sentences`): a run never bridges into the next sentence."""
    pos = [i for i in range(len(toks)) if probs[i] >= threshold]
    spans: list[tuple[int, int, float]] = []
    if not pos:
        return spans
    first = prev = pos[0]
    nxt: list[int | None] = [*pos[1:], None]
    for i in nxt:
        if i is not None and i - prev <= gap + 1:
            prev = i
            continue
        a, b = first, prev
        while a <= b and _edge_junk(toks[a]):
            a += 1
        while b >= a and _edge_junk(toks[b]):
            b -= 1
        if a <= b:
            b = snap_end(toks, a, b + 1) - 1
            spans.append((toks[a].start, toks[b].end, float(np.mean(probs[first : prev + 1]))))
        if i is not None:
            first = prev = i
    return spans
