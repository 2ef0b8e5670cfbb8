"""Encoder states of PTC article lines, cached on disk (.npz, float16, no pickle) for training and the bench.

One pass of :func:`newsprism.nlp.encoder.encode` per line (PTC's sentence unit); the fine-tuned layer and heads
then train on these states without recomputing the frozen base.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import numpy as np

from newsprism.arraycache import read_arrays, write_arrays
from newsprism.nlp.embed import vector_cache_root
from newsprism.nlp.encoder import STATE_LAYER, SentenceStates, encode

if TYPE_CHECKING:
    from newsprism.datasets.ptc import PtcArticle

NAME = f"ptc-states-l{STATE_LAYER}-v1"

LineStates = list[tuple[int, SentenceStates]]  # (line start in the article, the line's encoding)


def _pack(lines: LineStates) -> dict[str, np.ndarray]:
    if not lines:
        return {
            "s": np.zeros((0, 384), np.float16),
            "o": np.zeros((0, 2), np.int32),
            "p": np.zeros((0, 384), np.float32),
            "n": np.zeros(0, np.int32),
            "l": np.zeros(0, np.int32),
        }
    return {
        "s": np.vstack([x.states for _, x in lines]).astype(np.float16),
        "o": np.vstack([x.offsets for _, x in lines]).astype(np.int32),
        "p": np.stack([x.pooled for _, x in lines]).astype(np.float32),
        "n": np.asarray([len(x.states) for _, x in lines], np.int32),
        "l": np.asarray([s for s, _ in lines], np.int32),
    }


def _unpack(z: dict[str, np.ndarray]) -> LineStates:
    out: LineStates = []
    pos = 0
    for k, (n, start) in enumerate(zip(z["n"], z["l"], strict=True)):
        out.append(
            (
                int(start),
                SentenceStates(
                    z["s"][pos : pos + n].astype(np.float32), z["o"][pos : pos + n].astype(np.int64), z["p"][k]
                ),
            )
        )
        pos += int(n)
    return out


def ptc_states(arts: list[PtcArticle], log: object = None) -> dict[str, LineStates]:
    """Per article id: every non-blank line's (start, :class:`SentenceStates`), cached in ``$NEWSPRISM_CACHE``."""
    from newsprism.datasets.ptc import line_sentences

    cache = vector_cache_root()
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"{NAME}.npz"
    key = {a.id: f"a{a.id}_{len(a.text)}" for a in arts}
    known = read_arrays(path)
    todo = [a for a in arts if f"{key[a.id]}.n" not in known]
    t0 = time.time()
    for i, a in enumerate(todo):
        lines = line_sentences(a.text)
        enc = encode([a.text[s:e] for s, e in lines])
        for part, arr in _pack(list(zip([s for s, _ in lines], enc, strict=True))).items():
            known[f"{key[a.id]}.{part}"] = arr
        if callable(log) and i % 25 == 24:
            log(f"encoded {i + 1}/{len(todo)} articles in {time.time() - t0:.0f}s")
    if todo:
        write_arrays(path, known)
    return {a.id: _unpack({p: known[f"{key[a.id]}.{p}"] for p in "sopnl"}) for a in arts}
