"""Shared fixtures: models load once per session; shared data is found beside the repo."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.bench.registry import default_data_dir
from shared_data import SHARED, require

SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return require(SEEDS, "../shared/seeds")  # skips locally, fails in CI


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return require(default_data_dir(), "../shared/data")


@pytest.fixture(scope="session")
def seed_texts(seeds_dir: Path) -> dict[str, str]:
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}


@pytest.fixture(scope="session")
def nlp_pipeline():  # type: ignore[no-untyped-def]
    from newsprism.pipeline import Pipeline

    return Pipeline(stages=["nlp"])
