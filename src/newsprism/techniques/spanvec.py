"""Span vectors for the linear TC classifier from the shared encoder pass (issue 22: no stage re-embeds).

A span's vector is the L2-normalised mean of its sentence's encoder states (:mod:`newsprism.nlp.encoder`, layer
``STATE_LAYER``) over the wordpieces the span overlaps; the context vector is the sentence's pooled vector. Both
come from the one pass per sentence that claims, slant and frames share, so classifying a span costs no encoder
call (the previous model embedded each span's text afresh). The wide layout (issue 27, session 10) adds six more
unit vectors from the same states: the sentence's mean and the span's element-wise max, the means of up to
``CONTEXT`` wordpieces left and right of the span, and the span's first and last wordpiece.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from newsprism.nlp.encoder import SentenceStates

DIM = 384
CONTEXT = 8  # wordpieces either side of a span in the wide layout's context vectors
WIDE_BLOCKS = 8  # span, pooled, sentence mean, span max, left, right, first, last


def span_mean(enc: SentenceStates, start: int, end: int) -> np.ndarray:
    """Unit mean of ``enc``'s states over the wordpieces overlapping [start, end) (sentence-relative offsets);
    zeros when none does (the span lies past the encoder's truncation)."""
    offs = enc.offsets
    keep = (offs[:, 1] > offs[:, 0]) & (offs[:, 0] < end) & (offs[:, 1] > start)  # drops [CLS], [SEP]
    if not keep.any():
        return np.zeros(DIM, np.float32)
    return _unit(enc.states[keep].mean(axis=0))


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / max(float(np.linalg.norm(v)), 1e-9)).astype(np.float32)


def wide_blocks(enc: SentenceStates, start: int, end: int, sentence_mean: np.ndarray | None = None) -> np.ndarray:
    """(6 * DIM,): sentence mean, span max, left and right context means, first and last wordpiece (unit vectors;
    zeros where a part is empty). ``sentence_mean``: the sentence's mean state when the caller has it."""
    offs = enc.offsets
    pieces = np.flatnonzero(offs[:, 1] > offs[:, 0])
    out = np.zeros((6, DIM), np.float32)
    if not len(pieces):
        return out.ravel()
    st = enc.states
    out[0] = st[pieces].mean(axis=0) if sentence_mean is None else sentence_mean
    po = offs[pieces]
    inside = pieces[(po[:, 0] < end) & (po[:, 1] > start)]
    if len(inside):
        lo, hi = int(inside[0]), int(inside[-1])
        left = pieces[(pieces >= lo - CONTEXT) & (pieces < lo)]
        right = pieces[(pieces > hi) & (pieces <= hi + CONTEXT)]
        out[1] = st[inside].max(axis=0)
        if len(left):
            out[2] = st[left].mean(axis=0)
        if len(right):
            out[3] = st[right].mean(axis=0)
        out[4], out[5] = st[lo], st[hi]
    out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)
    return out.ravel()


def span_state_vectors(
    sentences: list[tuple[int, int]],
    encodings: list[SentenceStates],
    spans: list[tuple[int, int]],
    wide: bool = False,
) -> np.ndarray:
    """(n, 768): [span vector, sentence vector] per span; a span is placed in the sentence holding its start
    (zeros for both halves when no sentence does). ``wide``: (n, 3072), with :func:`wide_blocks` after them."""
    out = np.zeros((len(spans), (WIDE_BLOCKS if wide else 2) * DIM), np.float32)
    starts = [s for s, _ in sentences]
    means: dict[int, np.ndarray] = {}  # sentence mean states, once per sentence
    for row, (s, e) in enumerate(spans):
        k = bisect_right(starts, s) - 1
        if k < 0 or s >= sentences[k][1] or k >= len(encodings):
            continue
        base = sentences[k][0]
        out[row, :DIM] = span_mean(encodings[k], s - base, e - base)
        out[row, DIM : 2 * DIM] = encodings[k].pooled
        if wide:
            enc = encodings[k]
            if k not in means:
                real = enc.offsets[:, 1] > enc.offsets[:, 0]
                means[k] = enc.states[real].mean(axis=0) if real.any() else np.zeros(DIM, np.float32)
            out[row, 2 * DIM :] = wide_blocks(enc, s - base, e - base, means[k])
    return out
