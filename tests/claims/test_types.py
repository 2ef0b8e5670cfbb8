"""Claim type rules on synthetic sentences (spaCy parse from the nlp stage)."""

from __future__ import annotations

import pytest

from newsprism.claims import fields as FX
from newsprism.claims.types import claim_type
from newsprism.model import Article
from newsprism.pipeline import Pipeline


@pytest.fixture(scope="module")
def nlp_only() -> Pipeline:
    return Pipeline(stages=["nlp"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exports rose 12 percent in the first quarter.", "numeric"),
        ("Texas now has more wind power than any other state.", "comparative"),
        ("The bridge closed because the river flooded the road.", "causal"),
        ("The central bank will raise interest rates next month.", "prediction"),
        ("The governor said the factory closed its doors in the spring.", "event"),
        ("The governor said so.", "attribution"),
        ("Did the governor really think nobody would notice?", "question"),
        ("Voters like the new mayor.", "other"),
    ],
)
def test_claim_types(nlp_only: Pipeline, text: str, expected: str) -> None:
    work = nlp_only.run_batch([Article(id="t", text=text)])[0]
    nums = FX.numbers(text, 0, len(text), work.doc)
    assert claim_type(text, nums, work.doc, 0, len(text)) == expected
