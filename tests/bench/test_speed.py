"""The speed evaluator measures both sides in subprocesses (shape only: no timing assertions)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.bench.registry import evaluators
from newsprism.bench.task_speed import measure, sample_texts, stage_note, stage_table


def test_sample_texts_is_seeded_and_mixes_seeds_and_allsides(data_dir: Path) -> None:
    a, b = sample_texts(data_dir, 12, seed=1), sample_texts(data_dir, 12, seed=1)
    assert a == b and len(a) == 12
    seeds = {p.read_text(encoding="utf-8") for p in (data_dir.parent / "seeds").glob("*.txt")}
    assert any(t in seeds for t in a) and any(t not in seeds for t in a)


@pytest.mark.slow
def test_measure_reports_rate_and_rss_for_both_sides(data_dir: Path) -> None:
    res = measure(sample_texts(data_dir, 2), ["nlp"])
    assert set(res) == {"analyze", "spacy"}
    for side in res.values():
        assert side["articles"] == 2 and side["rate"] > 0 and side["rss_mb"] > 10


@pytest.mark.slow
def test_measure_reports_the_analyze_side_per_stage(data_dir: Path) -> None:
    res = measure(sample_texts(data_dir, 2), ["nlp", "tone"])
    times = stage_table(res["analyze"])
    assert next(iter(times.seconds)) == "nlp" and "tone" in times.seconds
    assert times.articles["nlp"] == 2  # the warm-up article is not counted
    assert sum(share for s, _, share, _ in times.rows() if s != "total") == pytest.approx(1.0)
    assert stage_note(times).startswith("nlp ") and not res["spacy"]["per_stage"]


def test_speed_is_registered() -> None:
    assert "speed" in evaluators()
