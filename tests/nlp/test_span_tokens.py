"""tokens_between: the tokens starting in a character range, by bisection, equal to the scan it replaces; the
claims stage gives the same output with either (issue 22)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from newsprism.ingest import article_from_text
from newsprism.nlp.span_tokens import tokens_between
from newsprism.options import load_options
from newsprism.pipeline import Pipeline

CLAIMS_MODULES = ("fields", "other", "proposition", "quantities", "types")


def _scan(doc: Any, start: int, end: int) -> list[Any]:
    return [t for t in doc if start <= t.idx < end]


def test_same_tokens_as_a_scan_of_the_doc(nlp_pipeline: Pipeline, seed_texts: dict[str, str]) -> None:
    text = next(iter(seed_texts.values()))
    doc = nlp_pipeline.run_batch([article_from_text(text)])[0].doc
    assert doc is not None and len(doc) > 50
    rng = random.Random(7)
    bounds = [0, len(text), len(text) + 5, *(t.idx for t in doc[:20])]
    cases = [(rng.randint(0, len(text)), rng.randint(0, len(text))) for _ in range(300)]
    cases += [(a, b) for a in bounds for b in bounds]
    for start, end in cases:
        assert [t.i for t in tokens_between(doc, start, end)] == [t.i for t in _scan(doc, start, end)], (start, end)


@pytest.mark.slow
def test_claims_output_unchanged_by_the_bisection(seeds_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    options = load_options(stages=("nlp", "quotes", "claims"))
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))[:3]]

    def run() -> list[dict[str, Any]]:
        arts = Pipeline(options).pipe([article_from_text(t, options=options) for t in texts])
        return [a.model_dump(mode="json", include={"claims", "sentences"}) for a in arts]

    fast = run()
    for name in CLAIMS_MODULES:
        monkeypatch.setattr(importlib.import_module(f"newsprism.claims.{name}"), "tokens_between", _scan)
    assert any(a["claims"] for a in fast)
    assert run() == fast
