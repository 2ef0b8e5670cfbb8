"""newsprism.nlp.blas: one BLAS thread inside the block, the previous count restored after it."""

from __future__ import annotations

import numpy  # noqa: F401  -- loads the OpenBLAS whose threads are counted
from threadpoolctl import threadpool_info, threadpool_limits

from newsprism.nlp.blas import one_blas_thread


def _blas_threads() -> set[int]:
    return {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"}


def test_one_thread_inside_previous_count_after() -> None:
    with threadpool_limits(limits=2, user_api="blas"):
        assert _blas_threads() == {2}
        with one_blas_thread():
            assert _blas_threads() == {1}
        assert _blas_threads() == {2}


def test_pipeline_runs_its_stages_with_one_blas_thread() -> None:
    from dataclasses import replace

    from newsprism.model import Article
    from newsprism.pipeline import Pipeline

    seen: list[set[int]] = []
    pipeline = Pipeline(stages=["nlp"])
    pipeline.stages = [replace(pipeline.stages[0], fn=lambda batch, options: seen.append(_blas_threads()))]
    with threadpool_limits(limits=2, user_api="blas"):
        pipeline(Article(id="a", text="One sentence here."))
        assert _blas_threads() == {2}
    assert seen == [{1}]
