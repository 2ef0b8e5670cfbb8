"""The one data model: an Article with one canonical text and typed spans into it.

Every record that has ``start``/``end`` points into ``Article.text``; its ``text`` equals
``Article.text[start:end]`` (checked by :func:`validate_offsets`). Every field any stage or the comparison
writes is declared here or in :mod:`newsprism.records` (the records an Article holds, re-exported here, so
import them from this module): records forbid undeclared fields, so the JSON contract (``newsprism.article/1``,
``newsprism.comparison/1``) is these two modules, and the JSON Schemas under ``report/schema/`` are generated
from it (``python -m newsprism.report.schema_gen``, docs/schema.md).
"""

from __future__ import annotations

import hashlib
from typing import Any, Final, Literal

from pydantic import ConfigDict, Field

from newsprism.offsets import iter_spans as iter_spans  # the offset checks, re-exported beside the model
from newsprism.offsets import validate_offsets as validate_offsets
from newsprism.records import (
    Boilerplate,
    Claim,
    ClassProbabilities,
    DateMention,
    DenseSentence,
    DiffOp,
    Entity,
    Frame,
    Member,
    NumberMention,
    Provenance,
    Quote,
    QuotedStance,
    QuoteGroup,
    QuoteKind,
    QuoteMember,
    Record,
    Sentence,
    SentenceKind,
    Slant,
    SlantPhrase,
    Span,
    Speaker,
    SpeakerCluster,
    SpeakerKind,
    SpeechAct,
    StageProvenance,
    Stance,
    StanceCue,
    Technique,
    TechniqueSummary,
    Tone,
    ToneEvidence,
    Verdict,
    Warning,
    WeightedSpan,
)

ARTICLE_SCHEMA: Final = "newsprism.article/1"
COMPARISON_SCHEMA: Final = "newsprism.comparison/1"

__all__ = [  # the records are declared in newsprism.records and re-exported here
    "ARTICLE_SCHEMA",
    "COMPARISON_SCHEMA",
    "Article",
    "ArticleRef",
    "Boilerplate",
    "Claim",
    "ClaimGroup",
    "ClassProbabilities",
    "Comparison",
    "ConflictValue",
    "Coverage",
    "CoverageCounts",
    "CoverageRow",
    "DateMention",
    "DenseSentence",
    "DiffOp",
    "Entity",
    "Frame",
    "FrameScore",
    "Grouping",
    "Member",
    "Narrative",
    "NumberConflict",
    "NumberMention",
    "Omissions",
    "Provenance",
    "Quote",
    "QuoteGroup",
    "QuoteKind",
    "QuoteMember",
    "QuotedStance",
    "Record",
    "RelatedClaims",
    "RelatedMember",
    "Sentence",
    "SentenceKind",
    "SideBySide",
    "SideSlant",
    "SideTechniques",
    "Slant",
    "SlantPhrase",
    "Sourcing",
    "Span",
    "Speaker",
    "SpeakerCluster",
    "SpeakerKind",
    "SpeechAct",
    "StageProvenance",
    "Stance",
    "StanceCue",
    "Story",
    "Technique",
    "TechniqueCount",
    "TechniqueSummary",
    "TimelineEntry",
    "Tone",
    "ToneEvidence",
    "ToneScore",
    "Verdict",
    "Warning",
    "WeightedSpan",
    "content_id",
    "iter_spans",
    "make_span",
    "validate_offsets",
]


class Article(Record):
    schema_: Literal["newsprism.article/1"] = Field(default=ARTICLE_SCHEMA, alias="schema")
    id: str = Field(min_length=1)
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
    speakers: list[SpeakerCluster] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    techniques: list[Technique] = Field(default_factory=list)
    technique_summary: TechniqueSummary | None = None
    slant: Slant | None = None
    frames: list[Frame] = Field(default_factory=list)
    tone: list[Tone] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)
    provenance: Provenance | None = None

    model_config = ConfigDict(populate_by_name=True)

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]

    def warn(self, code: str, message: str) -> None:
        if not any(w.code == code and w.message == message for w in self.warnings):
            self.warnings.append(Warning(code=code, message=message))

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(by_alias=True, mode="json")


class ClaimGroup(Record):
    """One fact as each article states it (at most one member per article)."""

    id: str
    text: str
    members: list[Member]
    articles: list[str]
    score: float
    similarity: float | None = Field(description="mean alignment score of the member pairs; null for one member")
    source: Literal["claim", "sentence"]


class RelatedMember(Member):
    """One statement of a partial match or a narrative, with the claim group it belongs to."""

    group: str | None = Field(description="the claim group of this statement; null for a sentence in no group")


class RelatedClaims(Record):
    """A partial match (issue 21): two statements of different articles about the same event that the pair scorer
    does not call the same proposition (another figure, actor, date or aspect)."""

    id: str
    members: list[RelatedMember] = Field(description="the two statements, in the story's article order")
    p_same: float = Field(ge=0, le=1, description="the pair scorer's P(same proposition)")
    p_related: float = Field(ge=0, le=1, description="the pair scorer's P(same or related)")
    differs: list[Literal["number", "date", "name", "negation"]] = Field(
        description="what differs, where computable: numbers or dates of no equal value, names only one states, "
        "one side negated"
    )
    why: str = Field(description="one line: what differs, e.g. 'different number: 12 vs 15'")


class Narrative(Record):
    """A proposition several articles make (issue 21): their statements linked by the pair scorer and a shared
    phrase, with every member sentence per article."""

    id: str
    label: str = Field(description="the most central member statement")
    articles: list[str]
    members: list[RelatedMember] = Field(description="member statements, in article order then text order")
    terms: list[str] = Field(description="the shared phrases that link the members (e.g. 'root causes')")
    strength: float = Field(ge=0, le=1, description="mean P(same or related) of the links inside the narrative")


class CoverageRow(Record):
    kind: Literal["claim", "quote", "source"]
    id: str
    text: str
    score: float | None = None
    similarity: float | None = None
    speaker: str | None = None
    verdict: Verdict | None = None
    present: dict[str, bool]


class Omissions(Record):
    claims: list[str] = Field(default_factory=list)
    quotes: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


class CoverageCounts(Record):
    claim: int = 0
    quote: int = 0
    source: int = 0


class Coverage(Record):
    articles: list[str]
    rows: list[CoverageRow] = Field(default_factory=list)
    omits: dict[str, Omissions] = Field(default_factory=dict)
    counts: dict[str, CoverageCounts] = Field(default_factory=dict)


class ConflictValue(Member):
    value: float | str | None = Field(description="the number's value, or a date's ISO form")
    claim: Span


class NumberConflict(Record):
    id: str
    kind: Literal["number", "date"]
    quantity: str | None
    unit: str | None
    group: str | None
    match: Literal["claim_group", "similar_claims"]
    values: list[ConflictValue]
    why: str | None = Field(default=None, description="why the two values are the same quantity and disagree")
    confidence: float | None = Field(
        default=None, ge=0, le=1, description="how sure the conflict is real; reports show those >= the threshold"
    )


class TimelineEntry(Record):
    article: str
    published: str | None
    title: str | None


class SideSlant(Record):
    label: str
    score: float
    confidence: float
    evidence: list[SlantPhrase] = Field(default_factory=list)


class TechniqueCount(Record):
    technique: str
    count: int


class SideTechniques(Record):
    count: int
    per_1000_words: float
    counts: dict[str, int] = Field(default_factory=dict)
    top: list[TechniqueCount] = Field(default_factory=list)


class FrameScore(Record):
    frame: str
    score: float


class ToneScore(Record):
    target: str
    score: float
    mentions: int
    label: str | None = None


class Sourcing(Record):
    named: int = 0
    anonymous: int = 0
    unattributed: int = 0


class SideBySide(Record):
    """How one article of a story leans, persuades, frames, sources and opines."""

    article: str
    title: str | None
    outlet: str | None
    published: str | None
    words: int
    slant: SideSlant | None
    techniques: SideTechniques
    frames: list[FrameScore] = Field(default_factory=list)
    tone: list[ToneScore] = Field(default_factory=list)
    sourcing: Sourcing
    opinion_share: float | None = Field(description="share of sentences with subjectivity > 0.5; null unscored")
    quotes: int
    claims: int


class Story(Record):
    id: str
    label: str
    articles: list[str]
    quote_groups: list[QuoteGroup] = Field(default_factory=list)
    claim_groups: list[ClaimGroup] = Field(default_factory=list)
    narratives: list[Narrative] = Field(
        default_factory=list, description="propositions two or more articles make, most articles first (issue 21)"
    )
    related_claims: list[RelatedClaims] = Field(
        default_factory=list,
        description="partial matches: for each statement, its closest related statement in each other article",
    )
    key_entities: list[str] = Field(default_factory=list)
    coverage: Coverage | None = None
    number_conflicts: list[NumberConflict] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)
    side_by_side: list[SideBySide] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)


class Grouping(Record):
    """The story-grouping settings the comparison used (docs/stories.md)."""

    threshold: float
    entity_weight: float
    window_days: int


class ArticleRef(Record):
    id: str
    title: str | None
    outlet: str | None
    published: str | None


class Comparison(Record):
    schema_: Literal["newsprism.comparison/1"] = Field(default=COMPARISON_SCHEMA, alias="schema")
    stories: list[Story] = Field(default_factory=list)
    grouping: Grouping | None = None
    articles: list[ArticleRef] = Field(default_factory=list)

    model_config = ConfigDict(populate_by_name=True)

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(by_alias=True, mode="json")


def content_id(text: str) -> str:
    """Stable article id: the first 16 hex digits of the SHA-256 of the canonical text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def make_span(article: Article, start: int, end: int, cls: type[Span] = Span, **fields: Any) -> Any:
    """Build a span record whose ``text`` is the canonical slice (the only safe way to make one)."""
    return cls(text=article.text[start:end], start=start, end=end, **fields)
