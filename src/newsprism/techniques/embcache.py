"""MiniLM embeddings of distinct strings, cached on disk as .npz (texts + vectors, no pickle)."""

from __future__ import annotations

import numpy as np


def embed_unique(texts: list[str]) -> np.ndarray:
    """Embed each distinct string once; rows follow ``texts``."""
    from newsprism.nlp.embed import embed

    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    uniq = sorted(set(texts))
    vecs = embed(uniq)
    row = {t: i for i, t in enumerate(uniq)}
    return vecs[[row[t] for t in texts]]


_LOADED: dict[str, dict[str, np.ndarray]] = {}


def cached_embed(texts: list[str], name: str = "ptc-minilm-v2") -> np.ndarray:
    """Like :func:`embed_unique`, reusing and extending ``<vector cache root>/<name>.npz`` (read once)."""
    from newsprism.nlp.embed import vector_cache_root

    cache = vector_cache_root()
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"{name}.npz"
    if name not in _LOADED:
        _LOADED[name] = {}
        if path.exists():
            with np.load(path, allow_pickle=False) as z:
                _LOADED[name] = dict(zip((str(t) for t in z["texts"]), z["vectors"], strict=True))
    known = _LOADED[name]
    todo = sorted({t for t in texts if t not in known})
    if todo:
        known.update(zip(todo, embed_unique(todo), strict=True))
        keys = sorted(known)
        np.savez(path, texts=np.asarray(keys), vectors=np.stack([known[k] for k in keys]).astype(np.float32))
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return np.stack([known[t] for t in texts]).astype(np.float32)
