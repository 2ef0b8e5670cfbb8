"""One exception tree for newsprism, with coded messages and CLI exit codes.

NewsprismError                  exit 1
├── InputError                  exit 2  (missing path, empty/binary text, bad record, too large)
│   └── FetchError              exit 3  (URL refused, unreachable, wrong content type)
├── ConfigError                 exit 2  (bad option, unknown stage, stage order)
├── ModelError                  exit 4  (a model or artifact cannot be loaded)
├── StoreError                  exit 5  (corpus store cannot be read or written)
└── BenchError                  exit 6  (dataset missing, metric below its floor)
"""

from __future__ import annotations

from typing import Any, ClassVar

# Coded messages: the code is stable and documented in docs/errors.md; the text may be refined.
MESSAGES: dict[str, str] = {
    "E001": "no such file or directory: {path}",
    "E002": "input is empty or only whitespace: {source}",
    "E003": "input looks like binary data, not text: {source}",
    "E004": "input is {size} bytes, over the size cap of {cap} bytes (option max_bytes): {source}",
    "E005": "cannot decode text: {source}",
    "E006": "invalid record {line} in {source}: {reason}",
    "E007": "unsupported input format: {source}",
    "E008": "{count} bad record(s) skipped in the input (see the lines above)",
    "E009": "record has no text: {source} (expected one of the fields {fields})",
    "E010": "refusing to fetch {url}: {reason}",
    "E011": "cannot fetch {url}: {reason}",
    "E020": "unknown stage {name!r}; known stages: {known}",
    "E021": "stage {name!r} needs {missing}, which no earlier stage produces",
    "E022": "invalid option {name}: {reason}",
    "E023": "cannot read config file {path}: {reason}",
    "E024": "stage {name!r} {kind} {unknown}: not an Article field, a field of its records or a declared artifact",
    "E029": "{feature} needs the {extra!r} extra: pip install 'newsprism[{extra}]'",
    "E030": "cannot load model {name}: {reason}",
    "E040": "corpus store error at {path}: {reason}",
    "E050": "benchmark data not found for {task}: {path}",
    "E051": "metric floor broken: {details}",
    "E052": "unknown benchmark task {name!r}; known tasks: {known}",
    "E053": "refusing to lower floors without --allow-lower-floor and --note: {details}",
    "E054": "evaluator {task} failed: {reason}",
    "E055": "bad --set parameter {item!r}: expected KEY=VALUE",
    "E056": "refusing to update floors from a run with --set parameters (floors are pinned for the default settings)",
    "E057": "evaluator {task} stopped: over its time budget of {budget} s (--hard-budget)",
    "E058": (
        "no floor file for benchmark task(s) {tasks} in {path}: pin floors with `newsprism bench TASK --update-floors`"
        " (and `--quick --update-floors`){also}"
    ),
    "E059": (
        "benchmark data changed: {details}; re-measure and re-pin the floors (`newsprism bench TASK --update-floors`)"
        " in the same commit"
    ),
    "E060": "cannot write output {path}: {reason}",
    "E150": "refusing to pin floors: {details}",
    "E110": "cannot compare articles: {reason}",
    "E090": "cannot read neutral-wording lexicon {path}: {reason}",
    "E091": "techniques model not found or invalid in {path}: {reason} (run `newsprism train techniques`)",
    "E080": "claims data file not found: {path}",
    "E081": "claims model not found or invalid in {path}: {reason} (run `newsprism train claims`)",
    "E120": "unknown store question {name!r}; known questions: {known}",
    "E121": "store question {name!r} takes {expected} argument(s), got {got}",
    "E122": "refused or failed SQL query: {reason}",
    "E123": "unknown export format or table {name!r}; choose from {known}",
    "E124": "ingest partition {partition} failed: {reason}",
    "E125": (
        "store {path} was analysed with other settings ({difference}); never mixed: re-analyse into a new store"
        " (--store NEWDIR)"
    ),
    "E126": (
        "store input changed: partition {partition} has {now} record(s) but {committed} were committed"
        " ({reason}); ingest into a new store"
    ),
    "E127": "store {path} is in use by another ingest or repair (pid {pid}); wait for it to finish",
    "E128": "duplicate input id {id!r} in {source} (first seen in {first}): record not stored",
    "E129": "analysis failed for {source}: {reason}",
    "E131": "store {path} is damaged: {reason}; run `newsprism store verify` then `newsprism store repair`",
    "E132": "query stopped after its time limit of {seconds} s (--timeout)",
}


class NewsprismError(Exception):
    """Base of every error newsprism raises on purpose."""

    exit_code: ClassVar[int] = 1

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        template = MESSAGES.get(code, code)
        try:
            message = template.format(**fields)
        except (KeyError, IndexError):
            message = f"{template} {fields}"
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"

    def __reduce__(self) -> tuple[Any, ...]:
        # Exceptions pickle their args only; workers (processes, Dask) must hand back code and fields.
        return (_restore, (type(self), self.code, self.fields))

    def to_dict(self) -> dict[str, object]:
        """The JSON error shape shared by the CLI and the web API."""
        return {"error": {"code": self.code, "type": type(self).__name__, "message": self.message}}


def _restore(cls: type[NewsprismError], code: str, fields: dict[str, object]) -> NewsprismError:
    return cls(code, **fields)


class InputError(NewsprismError):
    exit_code = 2


class FetchError(InputError):
    exit_code = 3


class ConfigError(NewsprismError):
    exit_code = 2


class ModelError(NewsprismError):
    exit_code = 4


class StoreError(NewsprismError):
    exit_code = 5


class BenchError(NewsprismError):
    exit_code = 6
