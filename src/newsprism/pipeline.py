"""Run registered stages over articles in batches."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from newsprism.errors import NewsprismError
from newsprism.model import Article
from newsprism.options import Options, load_options
from newsprism.registry import StageInfo, Work, resolve

log = logging.getLogger(__name__)

ErrorHandler = Callable[[Article, Exception], None]


def _raise(article: Article, exc: Exception) -> None:
    raise exc


class Pipeline:
    """An ordered, checked list of stages plus the options they read."""

    def __init__(self, options: Options | None = None, stages: Iterable[str] | None = None) -> None:
        self.options = options or load_options()
        if self.options.threads:
            from threadpoolctl import threadpool_limits

            from newsprism.nlp.embed import set_threads

            set_threads(self.options.threads)
            threadpool_limits(self.options.threads)
        names = tuple(stages) if stages is not None else self.options.stages
        if names and names[0] != "nlp" and "nlp" not in names:
            names = ("nlp", *names)
        self.stages: list[StageInfo] = resolve(names)
        self.error_handler: ErrorHandler = _raise

    def set_error_handler(self, handler: ErrorHandler) -> None:
        """Called with (article, exception) when a stage fails on a batch; default re-raises."""
        self.error_handler = handler

    def run_batch(self, articles: list[Article]) -> list[Work]:
        batch = [Work(article=a) for a in articles]
        for info in self.stages:
            try:
                info.fn(batch, self.options)
            except NewsprismError:
                raise
            except Exception as exc:  # stage bug: hand each article to the error hook
                log.exception("stage %s failed", info.name)
                for work in batch:
                    work.article.warn("W900", f"stage {info.name} failed: {type(exc).__name__}: {exc}")
                    self.error_handler(work.article, exc)
        return batch

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Analyse articles lazily, in input order."""
        it = iter(articles)
        while chunk := list(islice(it, self.options.batch_size)):
            for work in self.run_batch(chunk):
                yield work.article

    def __call__(self, article: Article) -> Article:
        return self.run_batch([article])[0].article
