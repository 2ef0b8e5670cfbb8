"""The records an Article holds: spans into its canonical text (quotes, claims, techniques, slant evidence,
frames, tone, ...), the quote groups and the provenance; :mod:`newsprism.model` builds the contract objects
(``Article``, ``Comparison``) from them and re-exports every name, so ``from newsprism.model import Quote`` works.

Every record refuses undeclared fields (``extra="forbid"``) and serialises every declared field.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

QuoteKind = Literal["direct", "partial", "block", "indirect", "term"]  # term: a quoted title/name/scare quote
SpeakerKind = Literal["person", "organization", "outlet", "anonymous", "document"]
SpeechAct = Literal["assertion", "denial", "question", "promise", "accusation", "agreement", "report", "answer"]
SentenceKind = Literal["claim", "opinion", "mixed", "other"]
Verdict = Literal[
    "identical", "trimmed", "paraphrased", "altered", "paraphrase_as_quote", "different_speaker", "not_in_transcript"
]


class Record(BaseModel):
    """Base of all records: undeclared fields are refused; every declared field is always serialised."""

    model_config = ConfigDict(
        extra="forbid", validate_assignment=False, json_schema_serialization_defaults_required=True
    )


class Span(Record):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class WeightedSpan(Span):
    """An evidence span with the weight it contributed (frame score, log-odds z, clause tone)."""

    weight: float


class SlantPhrase(WeightedSpan):
    """A partisan phrase: its first occurrence, log-odds z (positive = right) and number of occurrences."""

    count: int = Field(default=1, ge=1)


class ToneEvidence(WeightedSpan):
    """A clause behind a tone score; ``role`` (object/subject/speaker) and ``cue`` lemma when the parse found one."""

    role: str | None = None
    cue: str | None = None


class Boilerplate(Record):
    text: str
    reason: str


class Warning(Record):
    code: str
    message: str


class Sentence(Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    checkworthiness: float | None = Field(default=None, ge=0, le=1)
    subjectivity: float | None = Field(default=None, ge=0, le=1)
    bias: float | None = Field(default=None, ge=0, le=1)
    frame: str | None = Field(default=None, description="the sentence's top policy frame (frames stage)")
    frame_score: float | None = None
    headline: bool | None = Field(default=None, description="true for the headline (claims stage)")
    kind: SentenceKind | None = Field(default=None, description="claim | opinion | mixed | other (claims stage)")
    kind_reason: str | None = Field(default=None, description="why the sentence got its kind (rule or scores)")
    fact: Span | None = Field(default=None, description="mixed: the checkable fact inside the opinion")


class Entity(Span):
    label: str


class Speaker(Record):
    """The mention of a quote's speaker (``start``/``end`` null when resolved from context)."""

    name: str
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)


class SpeakerCluster(Record):
    """A canonical speaker of an article (``speakers[]``) with every mention of it."""

    id: int = Field(ge=0)
    name: str
    kind: SpeakerKind
    anonymous: bool = False
    mentions: list[Span] = Field(default_factory=list)


class Quote(Span):
    """A quotation; for ``indirect`` the span is the reported clause. Flags are null when not set."""

    kind: QuoteKind
    speaker: Speaker | None = None
    cue: str | None = Field(default=None, description="the cue verb/phrase ('said', 'according to')")
    event: int | None = Field(default=None, description="quotes with one event number render one utterance")
    speaker_id: int | None = Field(default=None, ge=0, description="index into the article's speakers")
    speaker_kind: SpeakerKind | None = None
    anonymous: bool = False
    cue_class: Literal["neutral", "loaded"] | None = None
    cue_lemma: str | None = None
    cue_span: Span | None = None
    cue_start: int | None = Field(default=None, ge=0)
    cue_end: int | None = Field(default=None, ge=0)
    outer_start: int | None = Field(default=None, ge=0, description="start including the quotation marks")
    outer_end: int | None = Field(default=None, ge=0, description="end including the quotation marks")
    source_start: int | None = Field(default=None, ge=0, description="start of the whole source phrase")
    source_end: int | None = Field(default=None, ge=0)
    via: str | None = Field(default=None, description="the outlet whose reported block holds this quote")
    outlet_report: bool | None = None
    closed: bool | None = Field(default=None, description="false when the closing quotation mark is missing")
    inherited_speaker: bool | None = None
    according_to: bool | None = None
    nominal: bool | None = None
    attitude: bool | None = None
    sourceless: bool | None = None
    in_record: bool | None = None
    transcript: bool | None = None
    interview: bool | None = None
    question: bool | None = None
    answer_mark: tuple[int, int] | None = None
    parts: list[tuple[int, int]] | None = Field(
        default=None, description="the other parts (start, end) of one quotation its cue interrupts; null: whole"
    )
    headline: bool | None = None
    speech_act: SpeechAct | None = Field(default=None, description="null: a cognition/attitude attribution")
    unattributed: bool | None = Field(default=None, description="true when no named speaker could be resolved")
    confidence: float | None = Field(default=None, ge=0, le=1, description="calibrated P(real quote, right span)")


class NumberMention(Span):
    value: float | None = None
    unit: str | None = None
    what: str | None = Field(default=None, description="the noun the number counts")
    high: float | None = Field(default=None, description="upper end of a range ('10 to 12'); value is the lower")
    approx: Literal["about", "more_than", "at_least", "less_than", "at_most", "range"] | None = Field(
        default=None, description="the approximator before the number ('about 19', 'more than 20'); null: exact"
    )
    role: Literal["count", "rank", "money", "percent", "duration", "age", "measure"] | None = Field(
        default=None, description="what kind of quantity it is (issue 26)"
    )
    counted: str | None = Field(default=None, description="lemma of the head noun the number quantifies")
    modifiers: list[str] = Field(default_factory=list, description="lemmas modifying the counted noun")
    predicate: str | None = Field(default=None, description="lemma of the clause's verb the number belongs to")
    subject: str | None = Field(default=None, description="the predicate's subject (lemma; a name's word)")
    counts_subject: bool | None = Field(
        default=None, description="true when the number counts its predicate's subject ('Four states have sued')"
    )


class DateMention(Span):
    iso: str | None = Field(default=None, description="YYYY, YYYY-MM or YYYY-MM-DD; null when unsupported")
    basis: Literal["text", "published"] | None = Field(
        default=None, description="what iso rests on: a year in the text, or the article's published date"
    )
    granularity: Literal["day", "week", "month", "year"] | None = Field(
        default=None, description="how precise iso is; week: a span from iso to iso_end"
    )
    iso_end: str | None = Field(default=None, description="last day of a week span ('earlier this week')")
    predicate: str | None = Field(
        default=None, description="lemma of the word the date attaches to: the clause's verb or an event noun"
    )
    subject: str | None = Field(
        default=None, description="the subject of the date's verb: a name as written, else a lemma; null: a pronoun"
    )


class Claim(Span):
    checkworthiness: float = Field(ge=0, le=1)
    subjectivity: float = Field(ge=0, le=1)
    type: str
    numbers: list[NumberMention] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    hedges: list[Span] = Field(default_factory=list)
    sourced: Literal["named", "anonymous", "none"] | None = None
    in_quote: bool = False
    speaker: str | None = None
    sentence: int | None = Field(default=None, ge=0, description="index into sentences")
    clause: bool = False
    headline: bool = False
    kind: Literal["claim", "mixed"] = Field(default="claim", description="mixed: the fact inside an opinion")
    proposition: Span | None = Field(default=None, description="the checkable clause, attribution left out")
    proposition_text: str | None = Field(default=None, description="the proposition with hedge words removed")
    source: Span | None = Field(default=None, description="the mention of the source the article gives")


class Technique(Span):
    technique: str
    score: float
    explanation: str
    neutral: str | None = None
    technique_probability: float | None = None
    method: Literal["model", "lexicon", "repetition"] | None = None
    voice: Literal["author", "quoted"] | None = Field(
        default=None, description="whose words: the writer's, or a quoted speaker's (inside a quote)"
    )
    speaker: str | None = Field(default=None, description="the quoted speaker's name when voice is 'quoted'")
    shown: bool | None = Field(
        default=None, description="false: below the shown-span threshold (kept for completeness, not displayed)"
    )


class DenseSentence(Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    count: int = Field(ge=1)


class TechniqueSummary(Record):
    per_1000_words: float
    counts: dict[str, int] = Field(default_factory=dict)
    most_used: str | None = None
    densest_sentences: list[DenseSentence] = Field(default_factory=list)


class ClassProbabilities(Record):
    left: float
    center: float
    right: float


class Slant(Record):
    label: Literal["left", "center", "right", "uncertain"]
    score: float = Field(ge=-1, le=1)
    confidence: float = Field(ge=0, le=1)
    hyperpartisan: float | None = Field(default=None, ge=0, le=1)
    evidence: list[SlantPhrase] = Field(default_factory=list)
    probabilities: ClassProbabilities | None = None
    words: int | None = Field(default=None, ge=0)

    def strongest_phrases(self) -> list[SlantPhrase]:
        """The evidence phrases, strongest |z| first (either side), whatever order the record holds them in."""
        return sorted(self.evidence, key=lambda p: -abs(p.weight))


class Frame(Record):
    frame: str
    score: float
    evidence: list[WeightedSpan] = Field(default_factory=list)
    sentences: int | None = Field(default=None, ge=0, description="sentences whose top frame this is")


class StanceCue(Span):
    """A word that judges a target: a predicate it is the agent or patient of, or a descriptor applied to it."""

    lemma: str
    relation: Literal["agent", "patient", "descriptor"]
    polarity: int = Field(ge=-1, le=1, description="-1 unfavourable, +1 favourable (role-aware lexicon)")
    mention_start: int = Field(ge=0, description="the target mention the cue is linked to")
    mention_end: int = Field(ge=0)


class Stance(Record):
    """One voice's stance toward a target: the mean polarity of its cues (tone stage, issue 20)."""

    label: Literal["negative", "neutral", "positive"]
    score: float = Field(ge=-1, le=1)
    cues: list[StanceCue] = Field(default_factory=list)


class QuotedStance(Stance):
    speaker: str | None = Field(default=None, description="the quoted speaker; null when the quote is unattributed")


class Tone(Record):
    target: str
    score: float
    mentions: int = Field(ge=0)
    label: Literal["negative", "neutral", "positive"] | None = None
    kind: str | None = Field(default=None, description="the entity label of the target (PERSON, ORG)")
    evidence: list[ToneEvidence] = Field(default_factory=list)
    author: Stance | None = Field(default=None, description="the writer's voice: judging cues outside quotations")
    quoted: list[QuotedStance] = Field(
        default_factory=list, description="per quoted speaker: judging cues inside that speaker's quotations"
    )


class StageProvenance(Record):
    """How one stage's output was made: its version and the sha256 of each model file it read."""

    version: str
    models: dict[str, str] = Field(default_factory=dict)  # path relative to the package -> sha256 hex


class Provenance(Record):
    """What made an article's output: the newsprism version, the ingest step (its version and the boilerplate
    model it reads) and every stage that ran on it, in order."""

    newsprism: str
    ingest: StageProvenance | None = None  # None: made before ingestion declared its model files (contract < 1.5)
    stages: dict[str, StageProvenance] = Field(default_factory=dict)


class Member(Record):
    """One article's span in a cross-article group (offsets into that article's text)."""

    article: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class QuoteMember(Member):
    speaker: str | None = None
    verdict: Verdict | Literal["reference"] | None = None


class DiffOp(Record):
    op: Literal["equal", "delete", "insert", "replace"]
    a: str
    b: str


class QuoteGroup(Record):
    speaker: str | None
    members: list[QuoteMember]
    verdict: Verdict
    diff: list[DiffOp] = Field(default_factory=list)
