import pytest
from pydantic import BaseModel, ValidationError

from newsprism import model
from newsprism.model import (
    Article,
    ClassProbabilities,
    Comparison,
    Quote,
    Slant,
    SlantPhrase,
    Span,
    Speaker,
    SpeakerCluster,
    TechniqueSummary,
    content_id,
    make_span,
    validate_offsets,
)


def test_content_id_is_stable_and_short() -> None:
    assert content_id("abc") == content_id("abc")
    assert content_id("abc") != content_id("abd")
    assert len(content_id("abc")) == 16


def test_make_span_slices_canonical_text() -> None:
    art = Article(id="a", text="Biden said: “We will.”")
    q = make_span(art, 13, 21, Quote, kind="direct", speaker=Speaker(name="Biden", start=0, end=5), cue="said")
    art.quotes.append(q)
    assert q.text == "We will."
    assert validate_offsets(art) == []


def test_validate_offsets_catches_mismatch() -> None:
    art = Article(id="a", text="Hello world")
    art.quotes.append(Quote(text="world!", start=6, end=11, kind="direct"))
    art.quotes.append(Quote(text="x", start=6, end=99, kind="direct"))
    problems = validate_offsets(art)
    assert len(problems) == 2


def test_json_uses_schema_alias() -> None:
    data = Article(id="a", text="t").to_json_dict()
    assert data["schema"] == "newsprism.article/1"
    assert "schema_" not in data


def test_warn_deduplicates() -> None:
    art = Article(id="a", text="t")
    art.warn("W1", "m")
    art.warn("W1", "m")
    assert len(art.warnings) == 1


def _records() -> list[type[BaseModel]]:
    return [
        cls
        for cls in vars(model).values()
        if isinstance(cls, type)
        and issubclass(cls, BaseModel)
        and cls.__module__ in (model.__name__, "newsprism.records")  # records are declared there, re-exported
    ]


def test_every_record_refuses_undeclared_fields() -> None:
    records = _records()
    assert {"Article", "Quote", "Claim", "Story", "Comparison", "SideBySide"} <= {c.__name__ for c in records}
    assert all(cls.model_config.get("extra") == "forbid" for cls in records), "a record allows extra fields"


def test_unknown_fields_raise_at_every_level() -> None:
    base = Article(id="a", text="He said “hi”.").to_json_dict()
    quote = {"text": "hi", "start": 9, "end": 11, "kind": "direct"}
    Article.model_validate({**base, "quotes": [quote]})  # the declared shape is accepted
    for broken in (
        {**base, "brand_new_field": 1},
        {**base, "quotes": [{**quote, "mood": "cheerful"}]},
        {**base, "quotes": [{**quote, "cue_span": {"text": "H", "start": 0, "end": 1, "x": 0}}]},
        {**base, "technique_summary": {"per_1000_words": 1.0, "extra": []}},
    ):
        with pytest.raises(ValidationError):
            Article.model_validate(broken)
    with pytest.raises(ValidationError):
        Comparison.model_validate({"stories": [{"id": "s", "label": "x", "articles": [], "mood": 1}]})
    with pytest.raises(ValidationError):
        Comparison.model_validate({"grouping": {"threshold": 0.7, "entity_weight": 0.3, "window_days": 7, "k": 1}})
    art = Article(id="a", text="t")
    with pytest.raises(ValueError):
        art.speakerz = []  # a typo is an error, not a silent new field


def test_declared_fields_round_trip_with_every_key_present() -> None:
    art = Article(id="a", text="Biden said: “We will.”")
    q = make_span(art, 13, 21, Quote, kind="direct", speaker=Speaker(name="Biden", start=0, end=5), cue="said")
    q.cue_span = make_span(art, 6, 10, Span)
    q.cue_class, q.answer_mark = "neutral", (0, 1)
    art.quotes.append(q)
    art.speakers = [SpeakerCluster(id=0, name="Biden", kind="person", mentions=[make_span(art, 0, 5, Span)])]
    art.slant = Slant(
        label="uncertain",
        score=0.1,
        confidence=0.4,
        evidence=[make_span(art, 13, 15, SlantPhrase, weight=2.0, count=2)],
        probabilities=ClassProbabilities(left=0.3, center=0.3, right=0.4),
        words=4,
    )
    art.technique_summary = TechniqueSummary(per_1000_words=0.0)
    data = art.to_json_dict()
    assert set(data) == {f.alias or name for name, f in Article.model_fields.items()}  # nulls are written too
    assert data["quotes"][0]["cue_span"] == {"text": "said", "start": 6, "end": 10}
    assert data["quotes"][0]["answer_mark"] == [0, 1] and data["quotes"][0]["closed"] is None
    again = Article.model_validate(data)
    assert again == art and again.to_json_dict() == data
    assert validate_offsets(again) == []


def test_strongest_phrases_either_side_first() -> None:
    art = Article(id="a", text="aa bb cc")
    ev = [make_span(art, s, s + 2, SlantPhrase, weight=w) for s, w in ((0, 1.0), (3, -3.0), (6, 2.0))]
    slant = Slant(label="left", score=-0.2, confidence=0.5, evidence=ev)
    assert [p.text for p in slant.strongest_phrases()] == ["bb", "cc", "aa"]


def test_schema_name_is_a_constant_of_the_contract() -> None:
    with pytest.raises(ValidationError):
        Article.model_validate({"schema": "newsprism.article/2", "id": "a", "text": "t"})
    assert Comparison().to_json_dict()["schema"] == "newsprism.comparison/1"


def test_warn_keeps_one_warning_per_code_and_message() -> None:
    art = Article(id="w", text="x")
    art.warn("W900", "stage a failed")
    art.warn("W900", "stage a failed")  # the same warning twice: kept once
    art.warn("W900", "stage b failed")  # same code, other message: kept
    art.warn("W901", "stage a failed")  # other code, same message: kept
    assert [(w.code, w.message) for w in art.warnings] == [
        ("W900", "stage a failed"),
        ("W900", "stage b failed"),
        ("W901", "stage a failed"),
    ]
