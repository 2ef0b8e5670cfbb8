"""Seconds per stage: the StageTimes table, encoder sections shown as their own row, the pipeline's hook."""

from __future__ import annotations

import pytest

from newsprism import registry
from newsprism.model import Article, Frame
from newsprism.options import Options
from newsprism.pipeline import Pipeline
from newsprism.profiling import StageTimes, section
from newsprism.registry import Work, stage


def test_rows_shares_and_rates() -> None:
    times = StageTimes()
    times.close()
    times("nlp", 3.0, 6)
    times("claims", 1.0, 6)
    times("nlp", 1.0, 2)  # a second batch adds up
    rows = {r[0]: r[1:] for r in times.rows()}
    assert list(rows) == ["nlp", "claims", "total"]
    assert rows["nlp"] == pytest.approx((4.0, 0.8, 2.0))
    assert rows["claims"] == pytest.approx((1.0, 0.2, 6.0))
    assert rows["total"] == pytest.approx((5.0, 1.0, 1.6))  # 8 articles through the first stage in 5 s
    table = times.table().splitlines()
    assert table[0].split() == ["stage", "seconds", "share", "articles/s"]
    assert table[1].split() == ["nlp", "4.00", "80.0%", "2.00"]


def test_section_time_is_its_own_row_taken_out_of_the_stage() -> None:
    times = StageTimes()
    try:
        with section("encoder"):
            pass
        spent = times._sections["encoder"]
        times("claims", spent + 2.0, 4)
    finally:
        times.close()
    assert times.seconds["claims"] == pytest.approx(2.0)
    assert times.seconds["encoder"] == pytest.approx(spent)
    with section("encoder"):  # closed: nothing collected
        pass
    assert not times._sections


def test_merge_round_trips_another_process_table() -> None:
    a, b = StageTimes(), StageTimes()
    a.close()
    b.close()
    a("nlp", 2.0, 5)
    b.merge(a.to_dict())
    b.merge(a.to_dict())
    assert b.seconds == {"nlp": 4.0} and b.articles == {"nlp": 10}


def test_empty_table_has_a_zero_total() -> None:
    times = StageTimes()
    times.close()
    assert times.rows() == [("total", 0.0, 0.0, 0.0)]


def test_pipeline_calls_the_hook_once_per_stage_and_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    registry.registered()
    monkeypatch.setattr(registry, "_STAGES", dict(registry._STAGES))

    @stage("t_first", produces=("frames",))
    def t_first(batch: list[Work], options: Options) -> None:
        for work in batch:
            work.article.frames = [Frame(frame="x", score=1.0)]

    @stage("t_second", requires=("frames",), produces=("tone",), per_article=True)
    def t_second(work: Work, options: Options) -> None:
        if "boom" in work.article.text:
            raise RuntimeError("deliberate")

    calls: list[tuple[str, int]] = []
    pipe = Pipeline(stages=["t_first", "t_second"])
    pipe.options = pipe.options.replace(batch_size=2)
    pipe.set_error_handler(lambda article, exc: None)
    pipe.on_stage = lambda name, seconds, n: calls.append((name, n)) if seconds >= 0 else None
    arts = [Article(id=f"a{i}", text=t) for i, t in enumerate(["one", "boom", "three"])]
    assert len(list(pipe.pipe(arts))) == 3
    assert calls == [("t_first", 2), ("t_second", 2), ("t_first", 1), ("t_second", 1)]
