from pathlib import Path

import pytest

from newsprism.bench.registry import BenchContext, evaluators
from newsprism.bench.task_stories import bcubed_prf, load_split, pairwise_prf, split_triplets


def test_pairwise_and_bcubed_on_toy_clusterings() -> None:
    gold = ["x", "x", "x", "y", "y", "z"]
    assert pairwise_prf([0, 0, 0, 1, 1, 2], gold) == (1.0, 1.0, 1.0)
    p, r, f = pairwise_prf([0, 0, 1, 2, 2, 3], gold)  # one x split off: 2 of 4 gold pairs found
    assert (p, r) == (1.0, 0.5) and f == pytest.approx(2 / 3)
    p, r, _ = pairwise_prf([0, 0, 0, 0, 0, 0], gold)
    assert p == pytest.approx(4 / 15) and r == 1.0
    bp, br, _ = bcubed_prf([0, 0, 0, 0, 0, 0], gold)
    assert br == 1.0 and bp == pytest.approx((3 * 3 / 6 + 2 * 2 / 6 + 1 / 6) / 6)


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
