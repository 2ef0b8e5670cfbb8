"""Shared fixtures: models load once per session; shared data is found beside the repo."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.bench.registry import default_data_dir

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present")
    return SEEDS


@pytest.fixture(scope="session")
def data_dir() -> Path:
    d = default_data_dir()
    if not d.is_dir():
        pytest.skip("../shared/data not present")
    return d


@pytest.fixture(scope="session")
def seed_texts(seeds_dir: Path) -> dict[str, str]:
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}


@pytest.fixture(scope="session")
def nlp_pipeline():  # type: ignore[no-untyped-def]
    from newsprism.pipeline import Pipeline

    return Pipeline(stages=["nlp"])
