from pathlib import Path

import pytest

from newsprism.bench.gate import check
from newsprism.bench.registry import BenchContext, evaluators
from newsprism.bench.task_stories import load_split, split_triplets
from shared_data import missing


def test_split_is_seeded_and_disjoint() -> None:
    ids = [f"t{i}" for i in range(70)]
    tune, val = split_triplets(ids, 13)
    assert len(tune) == len(val) == 35 and not set(tune) & set(val)
    assert split_triplets(list(reversed(ids)), 13) == (tune, val)


@pytest.mark.slow
def test_basil_quick_validation_meets_floor(data_dir: Path) -> None:
    if not (data_dir / "basil").is_dir():
        missing("../shared/data/basil")
    ctx = BenchContext(data_dir, quick=True)
    arts, gold, _ = load_split(ctx)
    assert len(arts) == len(gold) == 60 and len(set(gold)) == 20
    report = check(evaluators()["stories"].fn(ctx), quick=True)  # the shipped floors: one gate, not a second one
    assert report.error() is None, report.error()
    assert not report.missing and not report.unpinned
