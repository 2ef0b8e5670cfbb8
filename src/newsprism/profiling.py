"""Seconds per pipeline stage: the table of ``analyze --profile``, ``bench speed`` and ``bench ingest``.

A :class:`StageTimes` is the pipeline's ``on_stage`` hook. Work that a stage does on behalf of the others (the
shared encoder pass, paid by whichever stage first asks for it) is timed with :func:`section` and shown as its
own row, taken out of the stage that triggered it, so each row is time that stage alone costs.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

_open: list[dict[str, float]] = []  # section seconds collected while a StageTimes is attached (else empty)


@contextmanager
def section(name: str) -> Iterator[None]:
    """Time a block as its own row (e.g. ``encoder``) when a profile is being taken; free otherwise."""
    if not _open:
        yield
        return
    t0 = time.perf_counter()
    try:
        yield
    finally:
        took = time.perf_counter() - t0
        for acc in _open:
            acc[name] = acc.get(name, 0.0) + took


class StageTimes:
    """Seconds and articles per stage, summed over batches; call it as the pipeline's ``on_stage`` hook."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.articles: dict[str, int] = {}
        self._sections: dict[str, float] = {}
        _open.append(self._sections)

    def close(self) -> None:
        """Stop collecting :func:`section` times (a profile left open costs one dict update per section)."""
        if self._sections in _open:
            _open.remove(self._sections)

    def __call__(self, stage: str, seconds: float, articles: int) -> None:
        inner = sum(self._sections.values())
        self.add(stage, max(0.0, seconds - inner), articles)
        for name, took in self._sections.items():
            self.add(name, took, articles)
        self._sections.clear()

    def add(self, stage: str, seconds: float, articles: int) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds
        self.articles[stage] = self.articles.get(stage, 0) + articles

    def merge(self, other: dict[str, dict[str, float]]) -> None:
        """Add a :meth:`to_dict` from another process (ingest workers)."""
        for stage, row in other.items():
            self.add(stage, float(row["seconds"]), int(row["articles"]))

    def to_dict(self) -> dict[str, dict[str, float]]:
        return {s: {"seconds": self.seconds[s], "articles": self.articles[s]} for s in self.seconds}

    def rows(self) -> list[tuple[str, float, float, float]]:
        """(stage, seconds, share of the total, articles/s) in run order, then ``total``."""
        total = sum(self.seconds.values())
        out = [
            (s, sec, sec / total if total else 0.0, self.articles[s] / sec if sec else 0.0)
            for s, sec in self.seconds.items()
        ]
        n = max(self.articles.values(), default=0)
        out.append(("total", total, 1.0 if total else 0.0, n / total if total else 0.0))
        return out

    def table(self) -> str:
        """A plain-text table: stage, seconds, share, articles/s."""
        lines = [f"{'stage':<12} {'seconds':>9} {'share':>7} {'articles/s':>11}"]
        for stage, sec, share, rate in self.rows():
            lines.append(f"{stage:<12} {sec:>9.2f} {share:>7.1%} {rate:>11.2f}")
        return "\n".join(lines)
