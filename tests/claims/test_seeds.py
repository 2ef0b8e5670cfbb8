"""The seed sentences named in the issue: two check-worthy numeric claims and one opinion."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsprism.model import Article, Claim, validate_offsets


def _seed(seeds_dir: Path, prefix: str) -> str:
    return next(seeds_dir.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed000(seeds_dir: Path, analyze: Callable[..., Article]) -> Article:
    return analyze(_seed(seeds_dir, "000"))


@pytest.fixture(scope="module")
def seed003(seeds_dir: Path, analyze: Callable[..., Article]) -> Article:
    return analyze(_seed(seeds_dir, "003"))


def _claim_with(article: Article, phrase: str) -> Claim:
    hits = [c for c in article.claims if phrase in c.text]
    assert hits, f"no claim contains {phrase!r}"
    return hits[0]


def test_20_year_high_is_numeric_claim(seed000: Article) -> None:
    claim = _claim_with(seed000, "20-year high")
    assert claim.type == "numeric"
    nums = [(n.value, n.unit) for n in claim.numbers]
    assert (20.0, "year") in nums
    assert validate_offsets(seed000) == []


def test_595_mile_border_is_numeric_claim(seed003: Article) -> None:
    claim = _claim_with(seed003, "595-mile border")
    assert claim.type == "numeric"
    nums = [(n.value, n.unit, n.what) for n in claim.numbers]
    assert (595.0, "mile", "border") in nums
    assert validate_offsets(seed003) == []


def _opinion(seed003: Article) -> object:
    phrase = "The Biden policy threatens everyone"
    hits = [s for s in seed003.sentences if phrase in seed003.text[s.start : s.end]]
    assert hits
    assert not [c for c in seed003.claims if phrase in c.text]
    return hits[0]


def test_liberty_sentence_is_not_a_claim(seed003: Article) -> None:
    assert _opinion(seed003).checkworthiness < 0.3


def test_liberty_sentence_is_subjective(seed003: Article) -> None:
    assert _opinion(seed003).subjectivity >= 0.5


def test_every_sentence_scored(seed003: Article) -> None:
    for s in seed003.sentences:
        assert s.checkworthiness is not None and 0.0 <= s.checkworthiness <= 1.0
        assert s.subjectivity is not None and 0.0 <= s.subjectivity <= 1.0
