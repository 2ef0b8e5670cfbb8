"""Contextual token vectors from the MiniLM encoder of :mod:`newsprism.nlp.embed`, with character offsets.

One ONNX pass gives both the per-wordpiece hidden states (before pooling) and the mean-pooled, L2-normalised
sentence vector that :func:`newsprism.nlp.embed.embed` returns, so a stage that needs token vectors also gets
its sentence vectors for free. Segments longer than the encoder's token limit are encoded in consecutive
windows (cut at a wordpiece boundary), so every wordpiece of the text gets a vector.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from newsprism.nlp.embed import MAX_TOKENS, embedder


@dataclass
class TokenVectors:
    """Wordpiece vectors of one segment: ``vectors[i]`` covers ``text[offsets[i, 0]:offsets[i, 1]]``."""

    vectors: np.ndarray  # (n, 384) float32, un-normalised last hidden states ([CLS]/[SEP] left out)
    offsets: np.ndarray  # (n, 2) int64, absolute character offsets into the text given to the encoder
    pooled: np.ndarray  # (384,) float32, the sentence vector (mean over all positions incl. [CLS]/[SEP], unit)


@lru_cache(maxsize=2)
def _untruncated(name: str) -> Any:
    """A copy of the encoder's tokenizer without truncation or padding (to count wordpieces)."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_str(embedder(name).tokenizer.to_str())
    tok.no_truncation()
    tok.no_padding()
    return tok


def _windows(text: str, start: int, end: int, limit: int, name: str) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into pieces of at most ``limit`` wordpieces (cut where a wordpiece ends)."""
    tok = _untruncated(name)
    out: list[tuple[int, int]] = []
    s = start
    while s < end:
        enc = tok.encode(text[s:end])
        offs = [o for o in enc.offsets if o[1] > o[0]]
        if len(offs) <= limit:
            out.append((s, end))
            break
        cut = s + offs[limit - 1][1]
        out.append((s, cut))
        s = cut
    return out


def token_vectors(
    text: str, segments: list[tuple[int, int]], name: str = "minilm", batch_size: int = 32
) -> list[TokenVectors]:
    """Per segment (start, end) of ``text``: wordpiece vectors with absolute offsets and the pooled vector.

    Segments over the encoder's limit are encoded in windows; their pooled vector is then the token-weighted
    mean of the windows' mean vectors (normalised).
    """
    enc_model = embedder(name)
    limit = MAX_TOKENS - 2
    pieces: list[tuple[int, int, int]] = []  # (segment index, start, end)
    for k, (s, e) in enumerate(segments):
        n_chars = e - s
        if n_chars > limit:  # only long segments can overflow (a wordpiece covers >= 1 character)
            pieces += [(k, a, b) for a, b in _windows(text, s, e, limit, name)]
        else:
            pieces.append((k, s, e))
    order = sorted(range(len(pieces)), key=lambda i: pieces[i][2] - pieces[i][1])
    piece_vecs: list[np.ndarray] = [np.zeros((0, 384), np.float32)] * len(pieces)
    piece_offs: list[np.ndarray] = [np.zeros((0, 2), np.int64)] * len(pieces)
    piece_sum: list[np.ndarray] = [np.zeros(384, np.float32)] * len(pieces)
    piece_n = [0] * len(pieces)
    for b in range(0, len(order), batch_size):
        idx = order[b : b + batch_size]
        hidden, mask, encs = enc_model.hidden_states([text[pieces[i][1] : pieces[i][2]] for i in idx])
        for row, i in enumerate(idx):
            m = mask[row].astype(bool)
            piece_sum[i] = hidden[row][m].sum(0)
            piece_n[i] = int(m.sum())
            offs = np.asarray(encs[row].offsets, dtype=np.int64)
            keep = m & (offs[:, 1] > offs[:, 0])  # drops [CLS], [SEP] and padding
            piece_vecs[i] = hidden[row][keep].astype(np.float32)
            piece_offs[i] = offs[keep] + pieces[i][1]
    out: list[TokenVectors] = []
    by_seg: dict[int, list[int]] = {}
    for i, (k, _, _) in enumerate(pieces):
        by_seg.setdefault(k, []).append(i)
    for k in range(len(segments)):
        ids_k = by_seg.get(k, [])
        vecs = np.vstack([piece_vecs[i] for i in ids_k]) if ids_k else np.zeros((0, 384), np.float32)
        offs = np.vstack([piece_offs[i] for i in ids_k]) if ids_k else np.zeros((0, 2), np.int64)
        total = sum(piece_n[i] for i in ids_k)
        pooled = sum((piece_sum[i] for i in ids_k), np.zeros(384, np.float32)) / max(total, 1)
        pooled = pooled / max(float(np.linalg.norm(pooled)), 1e-9)
        out.append(TokenVectors(vecs, offs, pooled.astype(np.float32)))
    return out


def align(tv: list[TokenVectors], spans: list[tuple[int, int]]) -> np.ndarray:
    """Mean wordpiece vector over each character span (e.g. spaCy tokens); zeros where none overlaps."""
    if not tv:
        return np.zeros((len(spans), 384), np.float32)
    vecs = np.vstack([t.vectors for t in tv])
    offs = np.vstack([t.offsets for t in tv])
    out = np.zeros((len(spans), vecs.shape[1] if len(vecs) else 384), np.float32)
    if not len(offs):
        return out
    order = np.argsort(offs[:, 0], kind="stable")
    vecs, offs = vecs[order], offs[order]
    starts, ends = offs[:, 0], offs[:, 1]
    for j, (s, e) in enumerate(spans):
        lo = int(np.searchsorted(ends, s, side="right"))
        hi = int(np.searchsorted(starts, e, side="left"))
        if hi > lo:
            sel = slice(lo, hi)
            ok = (starts[sel] < e) & (ends[sel] > s)
            if ok.any():
                out[j] = vecs[sel][ok].mean(0)
    return out
