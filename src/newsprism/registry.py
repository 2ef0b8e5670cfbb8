"""Stage registry: every analyzer is registered by name with what it needs and what it produces.

A stage is a function ``fn(batch: list[Work], options: Options) -> None`` that reads and writes the
articles in ``batch``. ``per_article=True`` registers ``fn(work, options)`` instead. Third-party
stages use the same decorator (or the ``newsprism.stages`` entry-point group).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any

from newsprism.errors import ConfigError
from newsprism.model import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsprism.options import Options


@dataclass
class Work:
    """One article in flight through the pipeline, with its spaCy Doc and a per-article cache."""

    article: Article
    doc: Doc | None = None
    cache: dict[str, Any] = field(default_factory=dict)


BatchFn = Callable[[list[Work], "Options"], None]


@dataclass(frozen=True)
class StageInfo:
    name: str
    fn: BatchFn
    requires: tuple[str, ...]
    produces: tuple[str, ...]
    version: str
    description: str


_STAGES: dict[str, StageInfo] = {}
_LOADED = False


def stage(
    name: str,
    *,
    requires: Iterable[str] = (),
    produces: Iterable[str] = (),
    version: str = "1",
    per_article: bool = False,
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register a stage under ``name``."""

    def decorator(fn: Callable[..., None]) -> Callable[..., None]:
        batch_fn: BatchFn
        if per_article:

            def batch_fn(batch: list[Work], options: Options) -> None:
                for work in batch:
                    fn(work, options)

        else:
            batch_fn = fn
        doc = (fn.__doc__ or "").strip().splitlines()
        _STAGES[name] = StageInfo(
            name=name,
            fn=batch_fn,
            requires=tuple(requires),
            produces=tuple(produces),
            version=version,
            description=doc[0] if doc else "",
        )
        return fn

    return decorator


def _load_builtin() -> None:
    global _LOADED
    if _LOADED:
        return
    _LOADED = True
    import newsprism.stages  # noqa: F401  (registers the built-in stages)

    for ep in entry_points(group="newsprism.stages"):
        ep.load()


def registered() -> dict[str, StageInfo]:
    _load_builtin()
    return dict(_STAGES)


def get(name: str) -> StageInfo:
    stages = registered()
    if name not in stages:
        raise ConfigError("E020", name=name, known=", ".join(sorted(stages)))
    return stages[name]


def resolve(names: Iterable[str]) -> list[StageInfo]:
    """Look up stages in order and check that each one's needs are produced earlier."""
    infos = [get(n) for n in names]
    available: set[str] = {"text", "metadata"}
    for info in infos:
        missing = [r for r in info.requires if r not in available]
        if missing:
            raise ConfigError("E021", name=info.name, missing=", ".join(missing))
        available.update(info.produces)
    return infos
