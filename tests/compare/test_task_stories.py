from pathlib import Path

import pytest

from newsprism.bench.registry import BenchContext, evaluators
from newsprism.bench.task_stories import load_split, split_triplets


def test_split_is_seeded_and_disjoint() -> None:
    ids = [f"t{i}" for i in range(70)]
    tune, val = split_triplets(ids, 13)
    assert len(tune) == len(val) == 35 and not set(tune) & set(val)
    assert split_triplets(list(reversed(ids)), 13) == (tune, val)


def test_basil_quick_validation_meets_floor(data_dir: Path) -> None:
    if not (data_dir / "basil").is_dir():
        pytest.skip("basil not present")
    ctx = BenchContext(data_dir, quick=True)
    arts, gold, _ = load_split(ctx)
    assert len(arts) == len(gold) == 60 and len(set(gold)) == 20
    metrics = {m.name: m.value for m in evaluators()["stories"].fn(ctx)}
    assert metrics["pairwise_f1"] >= 0.96 and metrics["bcubed_f1"] >= 0.96
