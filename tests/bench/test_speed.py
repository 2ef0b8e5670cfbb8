"""The speed evaluator measures both sides in subprocesses (shape only: no timing assertions)."""

from __future__ import annotations

from pathlib import Path

from newsprism.bench.registry import evaluators
from newsprism.bench.task_speed import measure, sample_texts


def test_sample_texts_is_seeded_and_mixes_seeds_and_allsides(data_dir: Path) -> None:
    a, b = sample_texts(data_dir, 12, seed=1), sample_texts(data_dir, 12, seed=1)
    assert a == b and len(a) == 12
    seeds = {p.read_text(encoding="utf-8") for p in (data_dir.parent / "seeds").glob("*.txt")}
    assert any(t in seeds for t in a) and any(t not in seeds for t in a)


def test_measure_reports_rate_and_rss_for_both_sides(data_dir: Path) -> None:
    res = measure(sample_texts(data_dir, 2), ["nlp"])
    assert set(res) == {"analyze", "spacy"}
    for side in res.values():
        assert side["articles"] == 2 and side["rate"] > 0 and side["rss_mb"] > 10


def test_speed_is_registered() -> None:
    assert "speed" in evaluators()
