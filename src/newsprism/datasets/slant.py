"""Readers for the slant data in ../shared/data (allsides, hyperpartisan, babe; nothing is copied), their seeded
splits, and the on-disk cache of the MiniLM vectors of their texts (``$NEWSPRISM_CACHE/slant``, npz)."""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from newsprism.slant.features import DIM, MAX_SENTENCES, split_sentences


def data_file(root: Path, name: str, pattern: str) -> Path:
    """``root/name`` (the training portion's file name), else the one file matching ``pattern`` (a test portion
    laid out with its own names, e.g. ``articles-test-byarticle-*.xml``); E050 when none or several match."""
    from newsprism.errors import BenchError

    if (root / name).is_file():
        return root / name
    found = sorted(root.glob(pattern))
    if len(found) != 1:
        why = f"{root / name} (or one file matching {pattern!r}; found {len(found)})"
        raise BenchError("E050", task=root.name, path=why)
    return found[0]


def read_allsides(root: Path) -> list[dict[str, object]]:
    """Rows with text (title + body), label index, source."""
    rows = []
    with data_file(root, "media_train_valid.jsonl", "*.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            text = f"{d.get('title') or ''}\n{d.get('content_original') or ''}"
            rows.append({"text": text, "label": int(d["bias"]), "source": str(d.get("source", ""))})
    return rows


def media_split(sources: list[str], seed: int, frac: float = 0.25) -> np.ndarray:
    """Boolean mask of validation rows: a seeded ~``frac`` of OUTLETS (by article count) go to validation."""
    rng = np.random.default_rng(seed)
    uniq = sorted(set(sources))
    order = rng.permutation(len(uniq))
    counts = {s: 0 for s in uniq}
    for s in sources:
        counts[s] += 1
    target, total, val = frac * len(sources), 0, set()
    for i in order:
        if total >= target:
            break
        val.add(uniq[i])
        total += counts[uniq[i]]
    return np.array([s in val for s in sources])


def read_hyperpartisan(root: Path) -> list[dict[str, object]]:
    """SemEval-2019 by-article: text and label (1 = hyperpartisan)."""
    from lxml import etree

    truth = {}
    truth_file = data_file(root, "ground-truth-training-byarticle-20181122.xml", "ground-truth-*byarticle*.xml")
    for _, el in etree.iterparse(str(truth_file), tag="article"):
        truth[el.get("id")] = el.get("hyperpartisan") == "true"
        el.clear()
    rows = []
    articles_file = data_file(root, "articles-training-byarticle-20181122.xml", "articles-*byarticle*.xml")
    for _, el in etree.iterparse(str(articles_file), tag="article"):
        text = (el.get("title") or "") + "\n" + " ".join(el.itertext())
        rows.append({"text": re.sub(r"\s+", " ", text), "label": int(truth[el.get("id")])})
        el.clear()
    return rows


def read_babe(root: Path) -> Iterator[dict[str, object]]:
    """BABE sentences with label 1 = Biased (rows with no agreed label are skipped)."""
    with data_file(root, "babe_train.csv", "*.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter=";"):
            lab = row.get("label_bias")
            if lab in ("Biased", "Non-biased"):
                yield {"text": row["text"], "label": int(lab == "Biased"), "outlet": row.get("outlet", "")}


def seeded_split(n: int, seed: int, frac: float = 0.2) -> np.ndarray:
    """Boolean validation mask over ``n`` rows."""
    rng = np.random.default_rng(seed)
    mask = np.zeros(n, dtype=bool)
    mask[rng.permutation(n)[: round(frac * n)]] = True
    return mask


def cache_dir() -> Path:
    from newsprism.nlp.embed import vector_cache_root

    return vector_cache_root() / "slant"


def _cache_path(name: str, texts: list[str], tag: str) -> Path:
    h = hashlib.sha256()
    for t in texts:
        h.update(t.encode("utf-8"))
        h.update(b"\0")
    return cache_dir() / f"{name}-{tag}-{h.hexdigest()[:16]}.npz"


def sentence_vectors(
    texts: list[str],
    name: str,
    embed: Callable[[list[str]], np.ndarray] | None = None,
    max_sentences: int = MAX_SENTENCES,
) -> list[np.ndarray]:
    """Per-text MiniLM vectors of the first ``max_sentences`` regex sentences, cached as npz (float16).

    The cache file name carries a hash of the texts and ``max_sentences``, so changed data is re-embedded.
    """
    path = _cache_path(name, texts, str(max_sentences))
    if path.exists():
        with np.load(path, allow_pickle=False) as z:
            vecs, offsets = z["vectors"], z["offsets"]
        return [vecs[offsets[i] : offsets[i + 1]].astype(np.float32) for i in range(len(texts))]
    if embed is None:
        from newsprism.nlp import embed as _embed

        embed = _embed
    sents = [split_sentences(t)[:max_sentences] for t in texts]
    offsets = np.concatenate([[0], np.cumsum([len(s) for s in sents])]).astype(np.int64)
    flat = [s for ss in sents for s in ss]
    vecs = np.asarray(embed(flat), dtype=np.float32) if flat else np.zeros((0, DIM), dtype=np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    np.savez_compressed(tmp, vectors=vecs.astype(np.float16), offsets=offsets)
    tmp.replace(path)
    vecs = vecs.astype(np.float16).astype(np.float32)  # what a warm cache returns: cold and warm runs fit the same
    return [vecs[offsets[i] : offsets[i + 1]] for i in range(len(texts))]


def text_vectors(texts: list[str], name: str, embed: Callable[[list[str]], np.ndarray] | None = None) -> np.ndarray:
    """MiniLM vector of each whole text (sentences, e.g. BABE), cached as npz like `sentence_vectors`."""
    path = _cache_path(name, texts, "text")
    if path.exists():
        with np.load(path, allow_pickle=False) as z:
            return np.asarray(z["vectors"], dtype=np.float32)
    if embed is None:
        from newsprism.nlp import embed as _embed

        embed = _embed
    vecs = np.asarray(embed(texts), dtype=np.float32) if texts else np.zeros((0, DIM), dtype=np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    np.savez_compressed(tmp, vectors=vecs.astype(np.float16))
    tmp.replace(path)
    return vecs.astype(np.float16).astype(np.float32)  # as a warm cache returns them
