"""Span vectors for the linear TC classifier from the shared encoder pass (issue 22: no stage re-embeds).

A span's vector is the L2-normalised mean of its sentence's encoder states (:mod:`newsprism.nlp.encoder`, layer
``STATE_LAYER``) over the wordpieces the span overlaps; the context vector is the sentence's pooled vector. Both
come from the one pass per sentence that claims, slant and frames share, so classifying a span costs no encoder
call (the previous model embedded each span's text afresh).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from newsprism.nlp.encoder import SentenceStates

DIM = 384


def span_mean(enc: SentenceStates, start: int, end: int) -> np.ndarray:
    """Unit mean of ``enc``'s states over the wordpieces overlapping [start, end) (sentence-relative offsets);
    zeros when none does (the span lies past the encoder's truncation)."""
    offs = enc.offsets
    keep = (offs[:, 1] > offs[:, 0]) & (offs[:, 0] < end) & (offs[:, 1] > start)  # drops [CLS], [SEP]
    if not keep.any():
        return np.zeros(DIM, np.float32)
    v = enc.states[keep].mean(axis=0)
    return (v / max(float(np.linalg.norm(v)), 1e-9)).astype(np.float32)


def span_state_vectors(
    sentences: list[tuple[int, int]], encodings: list[SentenceStates], spans: list[tuple[int, int]]
) -> np.ndarray:
    """(n, 768): [span vector, sentence vector] per span; a span is placed in the sentence holding its start
    (zeros for both halves when no sentence does)."""
    out = np.zeros((len(spans), 2 * DIM), np.float32)
    starts = [s for s, _ in sentences]
    for row, (s, e) in enumerate(spans):
        k = bisect_right(starts, s) - 1
        if k < 0 or s >= sentences[k][1] or k >= len(encodings):
            continue
        base = sentences[k][0]
        out[row, :DIM] = span_mean(encodings[k], s - base, e - base)
        out[row, DIM:] = encodings[k].pooled
    return out
