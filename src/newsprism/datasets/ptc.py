"""Reader for the PTC corpus (SemEval-2020 Task 11 layout), the seeded by-article split, and the cached
per-article inputs every use of it shares: spaCy tokens, line sentences (PTC's unit) and their MiniLM vectors."""

from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from newsprism.arraycache import read_arrays, write_arrays
from newsprism.errors import BenchError

if TYPE_CHECKING:
    from newsprism.techniques.features import Tok

CACHE = Path(os.environ.get("NEWSPRISM_CACHE", "/tmp/newsprism-cache"))


@dataclass
class PtcArticle:
    id: str
    text: str
    si: list[tuple[int, int]] = field(default_factory=list)
    tc: list[tuple[str, int, int]] = field(default_factory=list)


def load_ptc(root: Path) -> list[PtcArticle]:
    """Articles with their SI spans (merged, task 1) and TC spans (technique, start, end; task 2)."""
    art_dir = root / "train-articles"
    if not art_dir.is_dir():
        raise BenchError("E050", task="techniques", path=art_dir)
    arts = {}
    for p in sorted(art_dir.glob("article*.txt")):
        aid = p.stem.removeprefix("article")
        arts[aid] = PtcArticle(aid, p.read_text(encoding="utf-8"))
    for line in (root / "train-task1-SI.labels").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) == 3 and cols[0] in arts:
            arts[cols[0]].si.append((int(cols[1]), int(cols[2])))
    for line in (root / "train-task2-TC.labels").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) == 4 and cols[0] in arts:
            arts[cols[0]].tc.append((cols[1], int(cols[2]), int(cols[3])))
    return [arts[k] for k in sorted(arts)]


def split(
    articles: list[PtcArticle], seed: int = 13, valid_share: float = 0.2
) -> tuple[list[PtcArticle], list[PtcArticle]]:
    """Seeded split by article: (train, validation)."""
    ids = sorted(a.id for a in articles)
    random.Random(seed).shuffle(ids)
    n_valid = round(len(ids) * valid_share)
    valid = set(ids[:n_valid])
    return [a for a in articles if a.id not in valid], [a for a in articles if a.id in valid]


def data_files(root: Path) -> list[Path]:
    return [root / "train-task1-SI.labels", root / "train-task2-TC.labels"]


def tokenize(articles: list[PtcArticle]) -> dict[str, list[Tok]]:
    """spaCy tokens (tagger + lemmatizer only), cached under /tmp/newsprism-cache/ keyed by article id + length."""
    from newsprism.nlp.spacy_loader import load_spacy
    from newsprism.techniques.features import tok_from_list, tok_to_list, tokens_from_doc

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / "ptc-tokens-v1.json"
    cached: dict[str, Any] = json.loads(path.read_text()) if path.exists() else {}
    key = {a.id: f"{a.id}:{len(a.text)}" for a in articles}
    todo = [a for a in articles if key[a.id] not in cached]
    if todo:
        nlp = load_spacy()
        with nlp.select_pipes(enable=["tok2vec", "tagger", "attribute_ruler", "lemmatizer"]):
            for a, doc in zip(todo, nlp.pipe((a.text for a in todo), batch_size=16), strict=True):
                cached[key[a.id]] = [tok_to_list(t) for t in tokens_from_doc(doc)]
        path.write_text(json.dumps(cached))
    return {a.id: [tok_from_list(x) for x in cached[key[a.id]]] for a in articles}


def line_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line: PTC's sentence unit."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def line_vectors(a: PtcArticle) -> np.ndarray:
    """Cached MiniLM vectors of the article's non-empty lines (PTC's sentence unit)."""
    from newsprism.techniques.embcache import cached_embed

    return cached_embed([a.text[s:e] for s, e in line_sentences(a.text)])


TOKVEC_CACHE = "ptc-tokvec-v1"


def token_vectors(arts: list[PtcArticle], toks: dict[str, list[Tok]]) -> dict[str, np.ndarray]:
    """MiniLM contextual vectors per spaCy token (float16, one encoder pass per article line), cached as .npz.

    The cache ``$NEWSPRISM_CACHE/ptc-tokvec-v1.npz`` holds one array per article, keyed by id and text length.
    """
    from newsprism.nlp.embed import vector_cache_root
    from newsprism.nlp.tokvec import align
    from newsprism.nlp.tokvec import token_vectors as encode_tokens

    cache = vector_cache_root()
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"{TOKVEC_CACHE}.npz"
    key = {a.id: f"a{a.id}_{len(a.text)}" for a in arts}
    known = read_arrays(path)
    todo = [a for a in arts if key[a.id] not in known]
    for a in todo:
        tv = encode_tokens(a.text, line_sentences(a.text))
        known[key[a.id]] = align(tv, [(t.start, t.end) for t in toks[a.id]]).astype(np.float16)
    if todo:
        write_arrays(path, known)
    return {a.id: known[key[a.id]] for a in arts}
