"""Run registered stages over articles in batches; a stage that fails on one article fails that article alone."""

from __future__ import annotations

import copy
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from pydantic import BaseModel

from newsprism.errors import NewsprismError
from newsprism.model import Article, Provenance
from newsprism.nlp.blas import one_blas_thread
from newsprism.options import Options, load_options
from newsprism.provenance import pipeline_provenance
from newsprism.registry import ARTIFACTS, StageInfo, Work, complete, resolve

log = logging.getLogger(__name__)

ErrorHandler = Callable[[Article, Exception], None]
StageHook = Callable[[str, float, int], None]  # (stage name, seconds, articles) after each stage of a batch


def _raise(article: Article, exc: Exception) -> None:
    raise exc


def _default(record: BaseModel, name: str) -> object:
    return type(record).model_fields[name].get_default(call_default_factory=True)


def blank(work: Work, names: Iterable[str]) -> None:
    """Reset contract fields (``quotes``, ``sentences.bias``, the ``doc`` artifact) to their defaults."""
    art = work.article
    for name in names:
        if name in ARTIFACTS:
            setattr(work, name, None)
            continue
        top, _, sub = name.partition(".")
        if not sub:
            setattr(art, top, _default(art, top))
            continue
        for record in _records(getattr(art, top)):
            setattr(record, sub, _default(record, sub))


def _records(value: object) -> list[BaseModel]:
    return [r for r in (value if isinstance(value, list) else [value]) if isinstance(r, BaseModel)]


Snapshot = dict[str, object]


def snapshot(work: Work, names: Iterable[str]) -> Snapshot:
    """Copies of the contract fields ``names`` (artifacts by reference), for :func:`restore`."""
    out: Snapshot = {}
    for name in names:
        top, _, sub = name.partition(".")
        if name in ARTIFACTS:
            out[name] = getattr(work, name)
        elif not sub:
            out[name] = copy.deepcopy(getattr(work.article, top))
        else:
            out[name] = [copy.deepcopy(getattr(r, sub)) for r in _records(getattr(work.article, top))]
    return out


def restore(work: Work, saved: Snapshot) -> None:
    """Put back what :func:`snapshot` saved: a failed stage leaves no half-written output (nor loses an input
    value such as ``language``)."""
    for name, value in saved.items():
        top, _, sub = name.partition(".")
        if name in ARTIFACTS:
            setattr(work, name, value)
        elif not sub:
            setattr(work.article, top, value)
        else:
            records = _records(getattr(work.article, top))
            if isinstance(value, list) and len(value) == len(records):
                for record, old in zip(records, value, strict=True):
                    setattr(record, sub, old)
            else:  # the records themselves were replaced: their field falls back to its default
                blank(work, [name])


def not_run_after(stages: list[StageInfo], index: int) -> list[str]:
    """The stages after ``stages[index]`` that need (directly or through another) what it produces."""
    lost = set(stages[index].produces)
    out = []
    for info in stages[index + 1 :]:
        if lost.intersection(info.requires):
            out.append(info.name)
            lost.update(info.produces)
    return out


class Pipeline:
    """An ordered, checked list of stages plus the options they read.

    Stages that other requested stages need are added before them (``nlp`` for every stage, ``quotes`` for
    ``claims``), so ``stages=["claims"]`` runs nlp, quotes and claims.
    """

    def __init__(self, options: Options | None = None, stages: Iterable[str] | None = None) -> None:
        self.options = options or load_options()
        from newsprism.nlp.embed import set_compute

        set_compute(self.options.encoder_compute)  # every MiniLM call of the process, not only the shared pass
        if self.options.threads:
            from threadpoolctl import threadpool_limits

            from newsprism.nlp.embed import set_threads

            set_threads(self.options.threads)
            threadpool_limits(self.options.threads)
        names = tuple(stages) if stages is not None else self.options.stages
        self.stages: list[StageInfo] = resolve(complete(names))
        self.error_handler: ErrorHandler = _raise
        self.on_stage: StageHook | None = None  # timing (newsprism.profiling.StageTimes): analyze --profile, bench
        self._provenance: Provenance | None = None

    @property
    def provenance(self) -> Provenance:
        """The provenance every article analysed here carries (model files hashed once per process)."""
        if self._provenance is None:
            self._provenance = pipeline_provenance(self.stages, self.options)
        return self._provenance

    def set_error_handler(self, handler: ErrorHandler) -> None:
        """Called with (article, exception) when a stage fails on an article; default re-raises."""
        self.error_handler = handler

    def _fail(self, index: int, work: Work, exc: Exception, saved: Snapshot) -> None:
        """The failing article alone gets W900; what the stage half-wrote on it is undone."""
        info = self.stages[index]
        # The traceback is for developers (--verbose); users get the W900 warning and the caller's one-line report.
        log.info("stage %s failed on article %s", info.name, work.article.id, exc_info=exc)
        restore(work, saved)
        skipped = not_run_after(self.stages, index)
        message = f"stage {info.name} failed: {type(exc).__name__}: {exc}"
        if skipped:
            message += f"; not run on this article: {', '.join(skipped)}"
        work.article.warn("W900", message)
        self.error_handler(work.article, exc)

    def _run_stage(self, index: int, batch: list[Work]) -> list[Work]:
        """Run one stage on ``batch``; return the articles it failed on."""
        info = self.stages[index]
        saved = {id(w): snapshot(w, info.produces) for w in batch}
        if not info.per_article:  # batch stage: on failure, retry article by article to find the culprit
            try:
                info.fn(batch, self.options)
                return []
            except NewsprismError:
                raise
            except Exception as exc:
                if len(batch) == 1:
                    self._fail(index, batch[0], exc, saved[id(batch[0])])
                    return batch
                log.warning("stage %s failed on a batch of %d; retrying article by article", info.name, len(batch))
            failed: list[Work] = []
            for work in batch:
                restore(work, saved[id(work)])
                failed += self._run_stage(index, [work])
            return failed
        failed = []
        for work in batch:
            try:
                info.fn([work], self.options)  # fn, not the raw function: a wrapped fn (web progress) still runs
            except NewsprismError:
                raise
            except Exception as exc:
                self._fail(index, work, exc, saved[id(work)])
                failed.append(work)
        return failed

    def run_batch(self, articles: list[Article]) -> list[Work]:
        batch = [Work(article=a) for a in articles]
        lost: dict[int, set[str]] = {}  # id(work) -> what a failed stage did not produce for it
        with one_blas_thread():
            for index, info in enumerate(self.stages):
                live: list[Work] = []
                for work in batch:
                    if lost.get(id(work), set()).intersection(info.requires):
                        lost[id(work)].update(info.produces)  # skipped: named in the W900 of the failed stage
                    else:
                        live.append(work)
                t0 = time.perf_counter()
                for work in self._run_stage(index, live):
                    lost.setdefault(id(work), set()).update(info.produces)
                if self.on_stage is not None:
                    self.on_stage(info.name, time.perf_counter() - t0, len(live))
        provenance = self.provenance
        for work in batch:
            work.article.provenance = provenance.model_copy(deep=True)
        return batch

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Analyse articles lazily, in input order."""
        it = iter(articles)
        while chunk := list(islice(it, self.options.batch_size)):
            for work in self.run_batch(chunk):
                yield work.article

    def __call__(self, article: Article) -> Article:
        return self.run_batch([article])[0].article
