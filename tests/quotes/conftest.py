"""One nlp+quotes pipeline for all quote tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsprism.model import Article
from newsprism.pipeline import Pipeline


@pytest.fixture(scope="session")
def quotes_pipeline() -> Pipeline:
    return Pipeline(stages=["nlp", "quotes"])


@pytest.fixture(scope="session")
def analyze(quotes_pipeline: Pipeline) -> Callable[[str], Article]:
    def run(text: str) -> Article:
        return quotes_pipeline(Article(id="t", text=text))

    return run
