"""Pipeline details the failure-isolation tests leave open: blank/snapshot/restore per field kind, batching,
what a failed article skips, the stage hook, the log (issue 25: written to kill mutmut's surviving mutants)."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator

import pytest

from newsprism import registry
from newsprism.model import Article, Frame, Slant, SlantPhrase, WeightedSpan
from newsprism.options import Options, load_options
from newsprism.pipeline import Pipeline, blank, not_run_after, restore, snapshot
from newsprism.registry import StageInfo, Work, stage


def _work() -> Work:
    art = Article(id="a", text="One two three.")
    art.frames = [Frame(frame="economic", score=0.5, evidence=[WeightedSpan(text="One", start=0, end=3, weight=1.0)])]
    art.slant = Slant(
        label="left", score=-0.4, confidence=0.8, evidence=[SlantPhrase(text="two", start=4, end=7, weight=2.0)]
    )
    return Work(article=art, doc=object())  # type: ignore[arg-type]


def test_blank_resets_every_name_to_its_default_not_none() -> None:
    work = _work()
    blank(work, ["doc", "frames.evidence", "slant.evidence", "tone"])  # an artifact first: the rest still reset
    assert work.doc is None
    assert work.article.frames[0].evidence == [] and work.article.frames[0].frame == "economic"
    assert work.article.slant is not None and work.article.slant.evidence == []  # a single record, not a list
    blank(work, ["frames"])
    assert work.article.frames == []


def test_restore_undoes_in_place_changes_to_nested_records() -> None:
    work = _work()
    doc = work.doc
    saved = snapshot(work, ["doc", "frames", "frames.evidence", "slant.evidence"])
    work.article.frames[0].evidence[0].weight = 9.0  # in place: a shallow copy would share this record
    assert work.article.slant is not None
    work.article.slant.evidence[0].weight = 9.0
    work.doc = None
    restore(work, saved)
    assert work.doc is doc
    assert work.article.frames[0].evidence[0].weight == 1.0
    assert work.article.slant is not None and work.article.slant.evidence[0].weight == 2.0


def test_restore_blanks_a_record_field_when_the_records_were_replaced() -> None:
    work = _work()
    saved = snapshot(work, ["frames.evidence"])
    work.article.frames = [
        Frame(frame=f, score=0.1, evidence=[WeightedSpan(text="x", start=0, end=1, weight=3.0)]) for f in "ab"
    ]
    restore(work, saved)
    assert [f.evidence for f in work.article.frames] == [[], []]


def _info(name: str, requires: tuple[str, ...], produces: tuple[str, ...]) -> StageInfo:
    return StageInfo(name, lambda b, o: None, requires, produces, version="1", description="")


def test_not_run_after_looks_only_at_later_stages() -> None:
    stages = [_info("a", ("x",), ("w",)), _info("b", (), ("x",)), _info("c", ("x",), ("y",)), _info("d", ("y",), ())]
    assert not_run_after(stages, 1) == ["c", "d"]  # 'a' needs x too, but ran before


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list[object]]]:
    """Throwaway stages: t_batch (batch; fails on 'boom'), t_each (per article; fails on 'bang'), t_needs
    (needs t_batch's frames), t_more (needs t_needs' tone)."""
    seen: dict[str, list[object]] = {"batch": [], "options": [], "needs": [], "more": []}
    registry.registered()
    monkeypatch.setattr(registry, "_STAGES", dict(registry._STAGES))

    @stage("t_batch", produces=("frames",))
    def t_batch(batch: list[Work], options: Options) -> None:
        seen["batch"].append(len(batch))
        if any("boom" in w.article.text for w in batch):
            raise ValueError("deliberate")
        for w in batch:
            w.article.frames = [Frame(frame="f", score=1.0)]

    @stage("t_each", produces=("slant",), per_article=True)
    def t_each(work: Work, options: Options) -> None:
        seen["options"].append(options)
        if "bang" in work.article.text:
            raise RuntimeError("deliberate")

    @stage("t_after_each", requires=("slant",), produces=("claims",), per_article=True)
    def t_after_each(work: Work, options: Options) -> None:
        seen["needs"].append(work.article.id)

    @stage("t_needs", requires=("frames",), produces=("tone",), per_article=True)
    def t_needs(work: Work, options: Options) -> None:
        seen["needs"].append(work.article.id)

    @stage("t_more", requires=("tone",), produces=("techniques",), per_article=True)
    def t_more(work: Work, options: Options) -> None:
        seen["more"].append(work.article.id)

    yield seen


def _arts(*texts: str) -> list[Article]:
    return [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)]


def test_a_batch_stage_gets_the_batch_and_every_failed_article_skips_what_needs_its_output(
    calls: dict[str, list[object]],
) -> None:
    pipe = Pipeline(load_options(), stages=["t_batch", "t_needs", "t_more"])
    pipe.set_error_handler(lambda article, exc: None)
    works = pipe.run_batch(_arts("boom 1", "fine", "boom 2"))
    assert calls["batch"] == [3, 1, 1, 1]  # the whole batch once, then article by article to find the culprits
    assert calls["needs"] == ["a1"] and calls["more"] == ["a1"]  # both failed articles skip t_needs and t_more
    for w in (works[0], works[2]):
        assert [m.code for m in w.article.warnings] == ["W900"]
        assert w.article.warnings[0].message == (
            "stage t_batch failed: ValueError: deliberate; not run on this article: t_needs, t_more"
        )


def test_a_per_article_stage_gets_the_pipeline_options_and_fails_one_article(calls: dict[str, list[object]]) -> None:
    opts = load_options()
    pipe = Pipeline(opts, stages=["t_each"])
    pipe.set_error_handler(lambda article, exc: None)
    works = pipe.run_batch(_arts("bang", "fine"))
    assert calls["options"] == [opts, opts] and all(o is opts for o in calls["options"])
    assert [len(w.article.warnings) for w in works] == [1, 0]
    after = Pipeline(opts, stages=["t_each", "t_after_each"])
    after.set_error_handler(lambda article, exc: None)
    works = after.run_batch(_arts("bang", "fine"))
    assert calls["needs"] == ["a1"]  # the failed article skips the stage that needs its slant
    assert works[0].article.warnings[0].message.endswith("; not run on this article: t_after_each")


def test_every_article_gets_its_own_copy_of_the_provenance(calls: dict[str, list[object]]) -> None:
    works = Pipeline(load_options(), stages=["t_batch"]).run_batch(_arts("a", "b"))
    one, two = (w.article.provenance for w in works)
    assert one is not None and two is not None and one == two
    assert one.stages is not two.stages and one.stages["t_batch"] is not two.stages["t_batch"]


def test_threads_option_reaches_the_encoders_and_blas(
    calls: dict[str, list[object]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    import threadpoolctl

    embed = importlib.import_module("newsprism.nlp.embed")  # the module (newsprism.nlp.embed is also a function)

    got: list[tuple[str, object]] = []
    monkeypatch.setattr(embed, "set_threads", lambda n: got.append(("encoders", n)))
    monkeypatch.setattr(threadpoolctl, "threadpool_limits", lambda n: got.append(("blas", n)))
    Pipeline(load_options(threads=3), stages=["t_batch"])
    assert got == [("encoders", 3), ("blas", 3)]
    got.clear()
    Pipeline(load_options(threads=0), stages=["t_batch"])
    assert got == []  # 0: the libraries' own defaults


def test_pipe_cuts_batches_of_batch_size_and_reports_each_stage(calls: dict[str, list[object]]) -> None:
    pipe = Pipeline(load_options(batch_size=2), stages=["t_batch"])
    hooks: list[tuple[str, float, int]] = []
    pipe.on_stage = lambda name, seconds, n: hooks.append((name, seconds, n))
    before = time.perf_counter()
    out = list(pipe.pipe(_arts("a", "b", "c", "d", "e")))
    elapsed = time.perf_counter() - before
    assert [a.id for a in out] == ["a0", "a1", "a2", "a3", "a4"]
    assert calls["batch"] == [2, 2, 1]
    assert [(h[0], h[2]) for h in hooks] == [("t_batch", 2), ("t_batch", 2), ("t_batch", 1)]
    assert all(isinstance(h[1], float) and 0.0 <= h[1] <= elapsed for h in hooks)  # a duration inside the call


def test_a_failure_is_logged_with_stage_article_and_traceback(
    calls: dict[str, list[object]], caplog: pytest.LogCaptureFixture
) -> None:
    pipe = Pipeline(load_options(), stages=["t_batch"])
    pipe.set_error_handler(lambda article, exc: None)
    with caplog.at_level(logging.DEBUG, logger="newsprism.pipeline"):
        pipe.run_batch(_arts("boom", "fine"))
    failed = [r for r in caplog.records if "failed on article" in r.getMessage()]
    assert [r.getMessage() for r in failed] == ["stage t_batch failed on article a0"]
    assert failed[0].exc_info is not None and failed[0].exc_info[0] is ValueError
    retry = [r.getMessage() for r in caplog.records if "retrying" in r.getMessage()]
    assert retry == ["stage t_batch failed on a batch of 2; retrying article by article"]


def test_a_snapshot_of_a_whole_field_is_deep() -> None:
    work = _work()
    saved = snapshot(work, ["frames"])
    work.article.frames[0].evidence[0].weight = 9.0
    work.article.frames[0].frame = "changed"
    restore(work, saved)
    assert (work.article.frames[0].frame, work.article.frames[0].evidence[0].weight) == ("economic", 1.0)


def test_calling_the_pipeline_analyses_one_article(calls: dict[str, list[object]]) -> None:
    art = Pipeline(load_options(), stages=["t_batch"])(Article(id="x", text="fine"))
    assert [f.frame for f in art.frames] == ["f"] and calls["batch"] == [1]
    assert art.provenance is not None and "t_batch" in art.provenance.stages


def test_without_stages_the_pipeline_runs_the_configured_ones(calls: dict[str, list[object]]) -> None:
    assert [i.name for i in Pipeline(load_options(stages=("t_batch",))).stages] == ["t_batch"]
