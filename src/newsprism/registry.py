"""Stage registry: every analyzer is registered by name with what it needs, what it produces and what it reads.

A stage is a function ``fn(batch: list[Work], options: Options) -> None`` that reads and writes the
articles in ``batch``. ``per_article=True`` registers ``fn(work, options)`` instead. Third-party
stages use the same decorator (or the ``newsprism.stages`` entry-point group).

``requires``/``produces`` name Article fields (``"quotes"``), fields of the records in an Article list
(``"sentences.bias"``) or a work-level artifact from :data:`ARTIFACTS`; they are checked when the stage
is registered (E024). ``models`` names the model files the stage reads (see :mod:`newsprism.provenance`).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from pydantic import BaseModel

from newsprism.errors import ConfigError
from newsprism.model import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsprism.options import Options

ARTIFACTS: dict[str, str] = {
    "doc": "the article's spaCy Doc (``Work.doc``): tokens, repaired lemmas, tags, parse and entities; nlp makes it",
}
"""Work-level artifacts a stage may require or produce besides Article fields.

They live on :class:`Work` for the time an article is in flight and never reach the output. Keep this set
small: anything a user should see belongs in the Article model instead.
"""

INPUTS: tuple[str, ...] = ("id", "text", "title", "outlet", "byline", "published", "url", "source", "boilerplate")
"""Article fields that ingestion fills before any stage runs: every stage may read them without requiring them."""

ALWAYS_WRITABLE: tuple[str, ...] = ("warnings",)
"""Article fields every stage may write without declaring them (a stage warns where it must)."""

PIPELINE_FIELDS: tuple[str, ...] = ("schema_", "provenance")
"""Article fields the pipeline itself sets; no stage may require or produce them."""


@dataclass
class Work:
    """One article in flight through the pipeline, with its spaCy Doc and a per-article cache."""

    article: Article
    doc: Doc | None = None
    cache: dict[str, Any] = field(default_factory=dict)


BatchFn = Callable[[list[Work], "Options"], None]
ModelFiles = Callable[["Options"], Mapping[str, Path]]
"""A callable returning ``{entry name: file or directory}`` for model files outside the package's ``models/``."""


@dataclass(frozen=True)
class StageInfo:
    """A registered stage: ``fn`` runs it on a batch; a ``per_article`` stage's ``fn`` treats each article on its
    own, so the pipeline runs it one article at a time and a failure stays with that article."""

    name: str
    fn: BatchFn
    requires: tuple[str, ...]
    produces: tuple[str, ...]
    version: str
    description: str
    models: tuple[str, ...] | ModelFiles = ()
    per_article: bool = False


_STAGES: dict[str, StageInfo] = {}
_LOADED = False


def _record_class(annotation: Any) -> type[BaseModel] | None:
    """The record class inside ``list[X]``, ``X | None`` or ``X`` (None when there is none)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _record_class(arg)
            if found is not None:
                return found
    return None


def contract_names() -> set[str]:
    """Every name ``requires``/``produces`` may use: Article fields, ``field.subfield`` of their records, artifacts."""
    names = set(ARTIFACTS)
    for name, info in Article.model_fields.items():
        if name in PIPELINE_FIELDS:
            continue
        names.add(name)
        record = _record_class(info.annotation)
        if record is not None:
            names.update(f"{name}.{sub}" for sub in record.model_fields)
    return names


def check_contract(name: str, requires: Iterable[str], produces: Iterable[str]) -> None:
    """Refuse a registration whose ``requires``/``produces`` name no Article field and no artifact (E024)."""
    known = contract_names()
    for kind, names in (("requires", requires), ("produces", produces)):
        unknown = [n for n in names if n not in known]
        if unknown:
            raise ConfigError("E024", name=name, kind=kind, unknown=", ".join(unknown))
    bad = [n for n in produces if n in INPUTS or n in ALWAYS_WRITABLE]
    if bad:
        raise ConfigError("E024", name=name, kind="produces", unknown=", ".join(bad) + " (input or shared field)")


def stage(
    name: str,
    *,
    requires: Iterable[str] = (),
    produces: Iterable[str] = (),
    version: str = "1",
    per_article: bool = False,
    models: Iterable[str] | ModelFiles = (),
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register a stage under ``name``.

    ``models``: the model files the stage reads, as paths relative to the package's ``models/`` directory, or
    a callable ``(options) -> {entry: path}`` for files found elsewhere (an installed spaCy or ONNX model).
    """
    requires, produces = tuple(requires), tuple(produces)
    check_contract(name, requires, produces)
    model_spec: tuple[str, ...] | ModelFiles = models if callable(models) else tuple(models)

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
            requires=requires,
            produces=produces,
            version=version,
            description=doc[0] if doc else "",
            models=model_spec,
            per_article=per_article,
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


def available_at_start() -> set[str]:
    """What an article holds before any stage runs: its input fields."""
    return set(INPUTS)


def complete(names: Iterable[str]) -> list[str]:
    """``names`` with, before each, the stages that produce what it requires and no earlier stage produces.

    ``["claims"]`` becomes ``["nlp", "quotes", "claims"]``; order among the requested stages is kept. A need
    no registered stage produces is left unmet.
    """
    stages = registered()
    out: list[str] = []
    available = available_at_start()

    def add(name: str, chain: tuple[str, ...]) -> None:
        if name in out:
            return
        info = get(name)
        for need in info.requires:
            if need in available:
                continue
            provider = next((n for n, i in stages.items() if need in i.produces and n not in chain), None)
            if provider is not None:  # else left unmet: resolve() refuses it (E021), check_flow() reports it
                add(provider, (*chain, name))
        out.append(name)
        available.update(info.produces)

    for name in names:
        add(name, ())
    return out


def resolve(names: Iterable[str]) -> list[StageInfo]:
    """Look up stages in order and check that each one's needs are produced earlier."""
    infos = [get(n) for n in names]
    available = available_at_start()
    for info in infos:
        missing = [r for r in info.requires if r not in available]
        if missing:
            raise ConfigError("E021", name=info.name, missing=", ".join(missing))
        available.update(info.produces)
    return infos


@dataclass(frozen=True)
class Flow:
    """The data flow of a pipeline, as ``newsprism stages --check`` prints it (after spaCy's ``analyze_pipes``)."""

    stages: list[StageInfo]
    added: list[str]  # stages the pipeline adds because a requested one needs them
    problems: list[str]


def check_flow(names: Iterable[str]) -> Flow:
    """The pipeline a run of ``names`` executes (needed stages added, as :class:`~newsprism.pipeline.Pipeline`
    does), each stage's needs and outputs in order, and the problems: a need no earlier stage produces, a field
    produced twice, a record field written where no earlier stage made the records, an Article field no
    registered stage produces."""
    requested = list(names)
    full = complete(requested)
    infos = [get(n) for n in full]
    problems: list[str] = []
    available = available_at_start()
    producer: dict[str, str] = {}
    for info in infos:
        problems += [
            f"{info.name!r} needs {r!r}, which no earlier stage produces" for r in info.requires if r not in available
        ]
        for out in info.produces:
            parent = out.partition(".")[0]
            if "." in out and parent not in available:
                problems.append(f"{info.name!r} writes {out!r} but no earlier stage produces {parent!r}")
            if out in producer:
                problems.append(f"{out!r} is produced by both {producer[out]!r} and {info.name!r}")
            producer.setdefault(out, info.name)
        available.update(info.produces)
    produced = {p.partition(".")[0] for i in registered().values() for p in i.produces}
    fixed = {*INPUTS, *ALWAYS_WRITABLE, *PIPELINE_FIELDS}
    problems += [
        f"Article field {f!r} is produced by no registered stage"
        for f in Article.model_fields
        if f not in fixed and f not in produced
    ]
    return Flow(infos, [n for n in full if n not in requested], problems)
