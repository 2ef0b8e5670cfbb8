"""Sharing the encoder pass changes no result (issue 22): every stage's output is the same when each stage
encodes its own sentences afresh (no Work.cache, no memo, one article at a time) as when one length-sorted pass
over the batch is shared; and in the shared run no sentence goes through the encoder twice and no technique span
goes through it at all (the linear TC classifier reads span vectors from the shared pass)."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import newsprism.nlp.encoder as encoder_mod
import newsprism.nlp.shared as shared_mod
from newsprism.ingest import article_from_text
from newsprism.model import Article
from newsprism.nlp.embed import Embedder, embedder
from newsprism.options import Options, load_options
from newsprism.pipeline import Pipeline
from newsprism.registry import Work

SEEDS = 3  # seed articles analysed in one batch
TOL = 1e-6


def _per_stage_embeddings(batch: list[Work], options: Options) -> list[np.ndarray]:
    """What a stage would compute on its own: a fresh encoder call per article, nothing cached."""
    out = []
    for w in batch:
        texts = [w.article.text[s.start : s.end] for s in w.article.sentences]
        embedder()._memo.clear()
        out.append(embedder().encode(texts) if texts else np.zeros((0, 384), np.float32))
    return out


def _per_stage_encodings(batch: list[Work], options: Options) -> list[list[encoder_mod.SentenceStates]]:
    out = []
    for w in batch:
        embedder()._memo.clear()
        out.append(encoder_mod.encode([w.article.text[s.start : s.end] for s in w.article.sentences]))
        embedder()._memo.clear()
    return out


def _close(a: Any, b: Any, path: str = "") -> list[str]:
    """Paths where two JSON values differ (floats compared to TOL)."""
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            return [f"{path}: keys {sorted(a.keys() ^ b.keys())}"]
        return [d for k in a for d in _close(a[k], b[k], f"{path}.{k}")]
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path}: {len(a)} vs {len(b)} items"]
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in _close(x, y, f"{path}[{i}]")]
    if isinstance(a, float) and isinstance(b, float | int):
        return [] if math.isclose(a, b, rel_tol=0.0, abs_tol=TOL) else [f"{path}: {a} vs {b}"]
    return [] if a == b else [f"{path}: {a!r} vs {b!r}"]


def _articles(seeds_dir: Path, options: Options) -> list[Article]:
    paths = sorted(seeds_dir.glob("*.txt"))[:SEEDS]
    return [article_from_text(p.read_text(encoding="utf-8"), options=options) for p in paths]


def _techniques_models() -> list[str]:
    from newsprism.techniques.tagger import shipped_tagger

    try:
        shipped_tagger()
    except Exception:  # no fine-tuned tagger in this checkout: the linear model alone
        return ["linear"]
    return ["linear", "tagger"]


@pytest.mark.slow
@pytest.mark.parametrize("techniques_model", _techniques_models())
def test_every_stage_same_with_shared_and_per_stage_encoding(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch, techniques_model: str
) -> None:
    options = load_options().replace(techniques_model=techniques_model, batch_size=SEEDS)
    seen: Counter[str] = Counter()
    calls = {"hidden_states": Embedder.hidden_states, "hidden_and_states": Embedder.hidden_and_states}

    def counting(name: str) -> Any:
        def run(self: Embedder, texts: list[str]) -> Any:
            seen.update(texts)
            return calls[name](self, texts)

        return run

    for name in calls:
        monkeypatch.setattr(Embedder, name, counting(name))
    embedder()._memo.clear()
    shared = [a.model_dump(mode="json") for a in Pipeline(options).pipe(_articles(seeds_dir, options))]
    sentences = Counter(a["text"][s["start"] : s["end"]] for a in shared for s in a["sentences"])
    repeated = {t: seen[t] for t in sentences if seen[t] > sentences[t]}
    assert not repeated, f"sentences through the encoder more than once: {list(repeated.items())[:3]}"
    assert all(seen[t] for t in sentences if t.strip()), "a sentence never went through the encoder"
    spans = {a["text"][t["start"] : t["end"]] for a in shared for t in a["techniques"] if t["method"] == "model"}
    assert spans or techniques_model == "tagger", "no model span to check"
    embedded = {t for t in spans if seen[t] and t not in sentences}
    assert not embedded, f"technique spans re-embedded (their vectors come from the shared pass): {list(embedded)[:3]}"

    seen.clear()
    monkeypatch.setattr(shared_mod, "sentence_embeddings", _per_stage_embeddings)
    monkeypatch.setattr(encoder_mod, "sentence_encodings", _per_stage_encodings)
    alone = [a.model_dump(mode="json") for a in Pipeline(options).pipe(_articles(seeds_dir, options))]
    assert sum(seen[t] for t in sentences) > sum(sentences.values())  # the per-stage run did re-encode
    assert [a["sentences"] for a in shared]  # something to compare
    diffs = [d for x, y in zip(shared, alone, strict=True) for d in _close(x, y)]
    assert not diffs, diffs[:5]
