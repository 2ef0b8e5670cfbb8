"""One nlp+quotes+claims pipeline and an nlp-only pipeline for all claim tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsprism.model import Article
from newsprism.pipeline import Pipeline


@pytest.fixture(scope="session")
def claims_pipeline() -> Pipeline:
    return Pipeline(stages=["nlp", "quotes", "claims"])


@pytest.fixture(scope="session")
def analyze(claims_pipeline: Pipeline) -> Callable[..., Article]:
    def run(text: str, published: str | None = None) -> Article:
        return claims_pipeline(Article(id="t", text=text, published=published))

    return run
