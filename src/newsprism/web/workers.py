"""Analysis behind the web app: a pool of worker processes, each loading the pipeline's models once.

``web_workers = N`` (``serve --workers N``) starts N spawned processes (``ProcessPoolExecutor``), so N articles
are analysed at once and the server process only routes requests and renders pages, staying responsive.
``web_workers = 0`` analyses inside the server process, one article at a time behind a lock (tests, tiny
machines). Stage-by-stage progress travels back through a queue so a one-article job shows progress too.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from newsprism.errors import InputError
from newsprism.options import Options, make_options
from newsprism.web.errors import ApiError
from newsprism.web.schemas import ArticleIn

# (job id, article index, stages finished, stages in all, stage name) -> the job's progress.
Progress = Callable[[str, int, int, int, str], None]

_state: dict[str, Any] = {}  # per process: options, pipeline, progress sink
_IN_PROCESS = threading.Lock()  # web_workers = 0: engines in one process take turns


def _init(options: dict[str, Any], sink: Any) -> None:
    """Worker start-up: options and progress queue; models load on the first article (once per process)."""
    _state.clear()
    _state["options"] = make_options(options)
    _state["sink"] = sink


def _pipeline() -> Any:
    if "pipeline" not in _state:
        from newsprism.pipeline import Pipeline

        _state["pipeline"] = Pipeline(_state["options"])
    return _state["pipeline"]


def _report(job_id: str, index: int, done: int, total: int, name: str) -> None:
    sink = _state.get("sink")
    if sink is None:
        return
    if callable(sink):
        sink(job_id, index, done, total, name)
    else:
        sink.put((job_id, index, done, total, name))


def to_article(item: ArticleIn, options: Options) -> Any:
    """Turn one API input into an unanalysed Article (text, HTML page or fetched URL)."""
    from newsprism import ingest

    meta = {k: getattr(item, k) for k in ("id", "title", "outlet", "byline", "published")}
    given = {k: v for k, v in meta.items() if v is not None}
    if item.url is not None:
        art = ingest.article_from_url(item.url, options)
    else:
        raw = item.html if item.html is not None else item.text
        assert raw is not None
        size = len(raw.encode("utf-8", "surrogatepass"))
        if size > options.max_bytes:
            raise InputError("E004", size=size, cap=options.max_bytes, source="<request>")
        if item.html is not None:
            art = ingest.article_from_html(item.html, source="<request>", **given)
        else:
            art = ingest.article_from_text(raw, source="<request>", **given)
    for key, value in given.items():
        setattr(art, key, value)
    return art


def analyze_one(item: dict[str, Any], n: int, job_id: str | None = None) -> dict[str, Any]:
    """Analyse one API input (as a dict) in this process; the article's JSON contract comes back."""
    options: Options = _state["options"]
    parsed = ArticleIn.model_validate(item)
    art = to_article(parsed, options)
    if art.source in (None, "<request>"):
        art.source = parsed.source or f"article {n}"  # the name a comparison column shows without an outlet
    pipeline = _pipeline()
    stages = pipeline.stages
    if job_id is not None:
        total = len(stages)

        def wrap(i: int, info: Any) -> Any:
            def fn(batch: Any, opts: Any) -> None:
                _report(job_id, n - 1, i, total, info.name)
                info.fn(batch, opts)

            return dataclasses.replace(info, fn=fn)

        pipeline.stages = [wrap(i, s) for i, s in enumerate(stages)]
    try:
        out = pipeline(art)
    finally:
        pipeline.stages = stages
    if job_id is not None:
        _report(job_id, n - 1, len(stages), len(stages), "")  # all stages run; the stage shown stays the last
    result: dict[str, Any] = out.to_json_dict()
    return result


def compare_all(articles: list[dict[str, Any]]) -> dict[str, Any]:
    from newsprism.api import compare_articles
    from newsprism.model import Article

    comparison = compare_articles([Article.model_validate(a) for a in articles], _state["options"])
    result: dict[str, Any] = comparison.to_json_dict()
    return result


def _warm() -> int:
    """Load every stage's models now (one short article), so the first request does not pay for it."""
    analyze_one({"text": "The senator said on Monday that the plan would cost $5 million."}, 1)
    return os.getpid()


def _worker_lost() -> ApiError:
    return ApiError(503, "E148", "an analysis worker stopped (out of memory or killed); try again", "WorkerError")


class Engine:
    """Runs analyses in worker processes (or in this process) and feeds progress to a callback."""

    def __init__(self, options: Options, on_progress: Progress | None = None) -> None:
        self.options = options
        self.workers = options.web_workers
        self._on_progress = on_progress
        self._pool: ProcessPoolExecutor | None = None
        self._queue: Any = None
        self._local: dict[str, Any] = {"options": options, "sink": self._progress}
        if self.workers == 0:
            return
        if options.threads == 0:  # split the cores between the workers, as `ingest --workers` does
            options = options.replace(threads=max(1, (os.cpu_count() or 1) // self.workers))
        self._worker_options = options.model_dump()
        self._ctx = multiprocessing.get_context("spawn")  # no fork of a threaded server process
        self._queue = self._ctx.Queue()
        self._new_pool()
        threading.Thread(target=self._drain, daemon=True, name="web-progress").start()

    def _new_pool(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = ProcessPoolExecutor(
            self.workers, mp_context=self._ctx, initializer=_init, initargs=(self._worker_options, self._queue)
        )

    def _progress(self, job_id: str, index: int, done: int, total: int, name: str) -> None:
        if self._on_progress is not None:
            self._on_progress(job_id, index, done, total, name)

    def _drain(self) -> None:
        while True:
            try:
                msg = self._queue.get()
            except (EOFError, OSError, ValueError):
                return
            if msg is None:
                return
            self._progress(*msg)

    def warm(self) -> None:
        """Start every worker and load its models, in the background."""
        if self._pool is not None:
            for _ in range(self.workers):
                self._pool.submit(_warm)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        if self._pool is None:
            future: Future[Any] = Future()
            with _IN_PROCESS:  # one analysis at a time; this engine's models swapped in
                saved = dict(_state)
                _state.clear()
                _state.update(self._local)
                try:
                    future.set_result(fn(*args))
                except Exception as exc:
                    future.set_exception(exc)
                finally:
                    self._local = dict(_state)
                    _state.clear()
                    _state.update(saved)
            return future
        try:
            return self._pool.submit(fn, *args)
        except BrokenProcessPool:
            self._new_pool()  # a worker died (out of memory, killed): start fresh ones for the next request
            raise _worker_lost() from None

    def result(self, future: Future[Any]) -> Any:
        try:
            return future.result()
        except BrokenProcessPool:
            self._new_pool()
            raise _worker_lost() from None

    async def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Await one task without holding a server thread (the event loop keeps serving pages)."""
        if self._pool is None:
            return await asyncio.to_thread(lambda: self.result(self.submit(fn, *args)))
        future = self.submit(fn, *args)
        try:
            return await asyncio.wrap_future(future)
        except BrokenProcessPool:
            self._new_pool()
            raise _worker_lost() from None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        if self._queue is not None:
            with contextlib.suppress(OSError, ValueError):
                self._queue.put(None)
