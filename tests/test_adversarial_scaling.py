"""Hostile text costs work linear in its length (issue 24): each family of benchmarks/adversarial.py at two sizes.

Four times the input must cost about four times the work, stage by stage. Work is CPU time of this process
(other processes on the machine do not count), the least of two runs, compared within one run of the test:
a ratio, never a time limit. A quadratic spot gives 16; the bound is 6.
"""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path
from types import ModuleType

import pytest

from newsprism.options import load_options

ROOT = Path(__file__).resolve().parents[1]
SMALL, LARGE = 5_000, 20_000
MAX_RATIO = 6.0
SHARE = 0.1  # a stage is checked on its own when it takes at least this share of the large text's work


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("adversarial_bench", ROOT / "benchmarks" / "adversarial.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCH = _bench()
STAGES = list(load_options().stages)


@pytest.fixture(scope="module")
def warm() -> None:
    """Models load on first use: one normal text first, so neither size pays for loading."""
    BENCH.stage_times(BENCH.one_line(3_000), STAGES, clock=time.process_time)


def _work(family: str, size: int) -> dict[str, float]:
    text = BENCH.FAMILIES[family](size)
    runs = [
        BENCH.stage_times(text, STAGES, html=family in BENCH.HTML_FAMILIES, clock=time.process_time) for _ in range(2)
    ]
    return {stage: min(r[stage] for r in runs) for stage in runs[0]}


@pytest.mark.slow
@pytest.mark.usefixtures("warm")
@pytest.mark.parametrize("family", sorted(BENCH.FAMILIES))
def test_four_times_the_text_costs_about_four_times_the_work(family: str) -> None:
    small, large = _work(family, SMALL), _work(family, LARGE)
    assert set(small) == set(large) == {"ingest", *STAGES}  # every stage ran on both sizes
    total_small, total_large = sum(small.values()), sum(large.values())
    assert total_large / total_small <= MAX_RATIO, (family, small, large)
    floor = 0.02 * total_large  # timer noise on stages that do next to nothing
    for stage, seconds in large.items():
        if seconds >= SHARE * total_large:
            assert (seconds + floor) / (small[stage] + floor) <= MAX_RATIO, (family, stage, small, large)


def test_families_have_the_sizes_asked_for() -> None:
    for name, build in BENCH.FAMILIES.items():
        for size in (SMALL, LARGE):
            text = build(size)
            assert abs(len(text) - size) <= 0.05 * size, (name, size, len(text))
