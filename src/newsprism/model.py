"""The one data model: an Article with one canonical text and typed spans into it.

Every record that has ``start``/``end`` points into ``Article.text``; its ``text`` equals
``Article.text[start:end]`` (checked by :func:`validate_offsets`). Records allow extra fields so a
stage can add detail without breaking the JSON contract (``newsprism.article/1``).
"""

from __future__ import annotations

import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

ARTICLE_SCHEMA = "newsprism.article/1"
COMPARISON_SCHEMA = "newsprism.comparison/1"

QuoteKind = Literal["direct", "partial", "block", "indirect"]


class Record(BaseModel):
    """Base of all records: extra fields are kept and serialised."""

    model_config = ConfigDict(extra="allow", validate_assignment=False)


class Span(Record):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Boilerplate(Record):
    text: str
    reason: str


class Warning(Record):
    code: str
    message: str


class Sentence(Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    checkworthiness: float | None = None
    subjectivity: float | None = None
    bias: float | None = None


class Entity(Span):
    label: str


class Speaker(Record):
    name: str
    start: int | None = None
    end: int | None = None


class Quote(Span):
    kind: QuoteKind
    speaker: Speaker | None = None
    cue: str | None = None


class Claim(Span):
    checkworthiness: float
    subjectivity: float
    type: str


class Technique(Span):
    technique: str
    score: float
    explanation: str
    neutral: str | None = None


class Slant(Record):
    label: str
    score: float
    confidence: float
    hyperpartisan: float | None = None
    evidence: list[Span] = Field(default_factory=list)


class Frame(Record):
    frame: str
    score: float
    evidence: list[Span] = Field(default_factory=list)


class Tone(Record):
    target: str
    score: float
    mentions: int
    label: str | None = None  # negative / neutral / positive (the tone stage's neutral band on score)
    evidence: list[Span] = Field(default_factory=list)


class StageProvenance(Record):
    """How one stage's output was made: its version and the sha256 of each model file it read."""

    version: str
    models: dict[str, str] = Field(default_factory=dict)  # path relative to the package -> sha256 hex


class Provenance(Record):
    """What made an article's output: the newsprism version and every stage that ran on it, in order."""

    newsprism: str
    stages: dict[str, StageProvenance] = Field(default_factory=dict)


class QuoteMember(Record):
    article: str
    text: str
    start: int
    end: int


class QuoteGroup(Record):
    speaker: str | None
    members: list[QuoteMember]
    verdict: str
    diff: list[dict[str, Any]] = Field(default_factory=list)


class Article(Record):
    schema_: str = Field(default=ARTICLE_SCHEMA, alias="schema")
    id: str
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    text: str
    boilerplate: list[Boilerplate] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    quote_groups: list[QuoteGroup] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    techniques: list[Technique] = Field(default_factory=list)
    slant: Slant | None = None
    frames: list[Frame] = Field(default_factory=list)
    tone: list[Tone] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)
    provenance: Provenance | None = None

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]

    def warn(self, code: str, message: str) -> None:
        if not any(w.code == code and w.message == message for w in self.warnings):
            self.warnings.append(Warning(code=code, message=message))

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(by_alias=True, mode="json")


class Story(Record):
    id: str
    label: str
    articles: list[str]
    quote_groups: list[QuoteGroup] = Field(default_factory=list)
    claim_groups: list[dict[str, Any]] = Field(default_factory=list)


class Comparison(Record):
    schema_: str = Field(default=COMPARISON_SCHEMA, alias="schema")
    stories: list[Story] = Field(default_factory=list)

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(by_alias=True, mode="json")


def content_id(text: str) -> str:
    """Stable article id: the first 16 hex digits of the SHA-256 of the canonical text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def make_span(article: Article, start: int, end: int, cls: type[Span] = Span, **fields: Any) -> Any:
    """Build a span record whose ``text`` is the canonical slice (the only safe way to make one)."""
    return cls(text=article.text[start:end], start=start, end=end, **fields)


def iter_spans(obj: Any, path: str = "") -> Any:
    """Yield (path, record) for every nested object with text/start/end fields."""
    if isinstance(obj, BaseModel):
        data = obj.model_dump(by_alias=True)
        yield from iter_spans(data, path)
    elif isinstance(obj, dict):
        if {"start", "end"} <= obj.keys() and isinstance(obj.get("start"), int):
            yield path, obj
        for key, value in obj.items():
            yield from iter_spans(value, f"{path}.{key}" if path else key)
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from iter_spans(value, f"{path}[{i}]")


def validate_offsets(article: Article) -> list[str]:
    """Return a list of problems: offsets out of range or ``text`` not equal to the slice."""
    problems = []
    n = len(article.text)
    data = article.to_json_dict()
    for key in ("boilerplate", "warnings", "quote_groups"):
        data.pop(key, None)  # these do not point into this article's text
    for path, rec in iter_spans(data):
        start, end = rec["start"], rec["end"]
        if start is None or end is None:
            continue
        if not (0 <= start <= end <= n):
            problems.append(f"{path}: offsets {start}:{end} outside 0:{n}")
        elif "text" in rec and rec["text"] is not None and rec["text"] != article.text[start:end]:
            problems.append(f"{path}: text {rec['text'][:40]!r} != slice {article.text[start:end][:40]!r}")
    return problems
