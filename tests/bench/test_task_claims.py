"""The claims evaluator in quick mode."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsprism.bench.task_claims import PUBLISHED
from shared_data import require


@pytest.mark.slow
def test_quick_bench_reports_three_metrics(data_dir: Path) -> None:
    from newsprism.bench.registry import BenchContext, evaluators

    metrics = evaluators()["claims"].fn(BenchContext(data_dir, quick=True))
    assert {m.name for m in metrics} == {"claimbuster_f1", "clef2019_map", "subjectivity_macro_f1"}
    assert all(0.0 <= m.value <= 1.0 and m.n > 0 for m in metrics)
    refs = {m.name: m.reference for m in metrics}
    assert refs == {name: value for name, (value, _) in PUBLISHED.items()}  # every metric carries its reference


# the published numbers as ../shared/data/README.md states them, per dataset row (the source the code cites)
README_ROWS = {
    "clef2019_map": ("| checkworthiness/ |", "CLEF 2019 best MAP"),
    "subjectivity_macro_f1": ("| subjectivity/ |", ""),
}


def test_published_references_are_the_numbers_the_data_readme_gives(data_dir: Path) -> None:
    readme = require(data_dir / "README.md").read_text(encoding="utf-8").splitlines()
    for name, (row_start, label) in README_ROWS.items():
        row = next(line for line in readme if line.startswith(row_start))
        published = row.rstrip(" |").rsplit("|", 1)[1]  # the last column: the published result
        numbers = [float(x) for x in re.findall(r"\b0\.\d+", published)]
        assert label in published and PUBLISHED[name][0] in numbers, (name, published)
    assert PUBLISHED["claimbuster_f1"][0] is None  # the README gives no ClaimBuster number
