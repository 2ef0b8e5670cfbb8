"""quotes.build.quotes_for: the fields every Quote carries — speaker ids and kinds, cue span and class, outer span,
"via" for words inside an outlet's report, confidence — on texts written for the test (issue 25)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

import pytest

from newsprism.model import Article, Quote
from newsprism.quotes import build
from newsprism.quotes.candidate import Candidate

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsprism.quotes.context import Context

Analyze = Callable[[str], Article]

REPORT = (
    "The mayor spoke on Monday.\n\nThe New York Times reported:\n\n"
    "The mayor said the city would hire more teachers.\n\n“We need them now,” he told the paper.\n\n"
    "Officials told the Times the plan would cost more.\n\nXavier Cruz was not available."
)
MIXED = (
    "Tom Baker met Ann Cole on Monday. The plan is “a total mess,” according to Cole. Baker claimed the deal was"
    " fair. An official said the talks would go on."
)
NESTED = (
    "“The plan is ready,” Senator Jane Reed said, calling it “a total mess” and a “failure.” Critics have also"
    " pointed out that the “deal” is bad."
)


def _one(art: Article, text: str) -> Quote:
    (q,) = [q for q in art.quotes if q.text == text]
    return q


def _ids_match_speakers(art: Article) -> None:
    assert [s.id for s in art.speakers] == list(range(len(art.speakers)))
    for q in art.quotes:
        if q.speaker is None:
            assert q.speaker_id is None
        else:
            assert q.speaker_id is not None and art.speakers[q.speaker_id].name == q.speaker.name


def test_words_inside_an_outlets_report_carry_the_outlet_as_via(analyze: Analyze) -> None:
    art = analyze(REPORT)
    _ids_match_speakers(art)
    (block,) = [q for q in art.quotes if q.kind == "block"]
    assert block.outlet_report and block.via is None  # the report itself is not inside another
    assert (block.speaker_id, block.speaker_kind, block.anonymous) == (0, "outlet", False)
    assert (block.cue, block.cue_lemma, block.cue_class) == ("reported", "report", "neutral")
    inner = [q for q in art.quotes if q is not block]
    assert [q.kind for q in inner] == ["indirect", "direct", "indirect"]
    assert [q.via for q in inner] == ["New York Times"] * 3
    direct = _one(art, "We need them now")
    assert direct.speaker is None and direct.speaker_id is None and direct.unattributed is True
    assert REPORT[direct.outer_start : direct.outer_end] == "“We need them now,”"
    officials = _one(art, "the plan would cost more")
    assert (officials.speaker_kind, officials.anonymous, officials.unattributed) == ("anonymous", True, None)
    assert art.speakers[officials.speaker_id or 0].name == "Officials"


def test_cue_fields_are_the_cue_words_their_lemma_and_class(analyze: Analyze) -> None:
    art = analyze(MIXED)
    _ids_match_speakers(art)
    assert [s.name for s in art.speakers] == ["Tom Baker", "Ann Cole", "An official"]
    for q in art.quotes:
        assert q.cue_span is not None and q.cue_span.text == q.cue == MIXED[q.cue_start or 0 : q.cue_end]
        assert (q.cue_span.start, q.cue_span.end) == (q.cue_start, q.cue_end)
    according = _one(art, "The plan is “a total mess,”")
    assert (according.cue, according.cue_lemma, according.cue_class) == ("according to", "according to", "neutral")
    assert (according.speaker_id, according.speaker_kind) == (1, "person")
    claimed = _one(art, "the deal was fair")
    assert (claimed.cue_lemma, claimed.cue_class, claimed.speaker_id) == ("claim", "loaded", 0)
    official = _one(art, "the talks would go on")
    assert (official.speaker_id, official.speaker_kind, official.anonymous) == (2, "anonymous", True)
    assert all(q.via is None and q.unattributed is None for q in art.quotes)
    spoken = [(q.speaker.name, MIXED[q.speaker.start : q.speaker.end]) for q in art.quotes if q.speaker]
    assert spoken == [
        ("Ann Cole", "Cole"),
        ("Ann Cole", "Cole"),
        ("Tom Baker", "Baker"),
        ("An official", "An official"),
    ]


def test_a_quotation_inside_a_reported_clause_shares_its_confidence(analyze: Analyze) -> None:
    art = analyze(MIXED)
    clause, partial = _one(art, "The plan is “a total mess,”"), _one(art, "a total mess")
    assert partial.kind == "partial" and partial.confidence == clause.confidence
    art = analyze(NESTED)
    calling = _one(art, "it “a total mess” and a “failure.”")
    assert _one(art, "failure.").confidence == calling.confidence


def test_terms_get_no_confidence_and_are_not_unattributed(analyze: Analyze) -> None:
    art = analyze(NESTED)
    _ids_match_speakers(art)
    term = _one(art, "deal")
    assert term.kind == "term" and term.confidence is None and term.unattributed is None
    assert (term.speaker_id, term.anonymous, term.cue) == (None, False, None)
    assert NESTED[term.outer_start : term.outer_end] == "“deal”"
    pointed = _one(art, "that the “deal” is bad")
    assert pointed.cue == "have also pointed out" and pointed.cue_lemma == "point" and pointed.unattributed is True
    direct = _one(art, "The plan is ready")
    assert NESTED[direct.outer_start : direct.outer_end] == "“The plan is ready,”"
    for q in art.quotes:
        if q.kind != "term":
            assert q.confidence is not None and 0 < q.confidence < 1 and round(q.confidence, 4) == q.confidence


def _with_extra_candidates(monkeypatch: pytest.MonkeyPatch, add: Callable[[list[Candidate]], list[Candidate]]) -> None:
    """quotes_for over the real extraction plus the candidates ``add`` makes from it."""
    real = build.extract

    def extract(text: str, doc: Doc) -> tuple[list[Candidate], Context]:
        raw, ctx = real(text, doc)
        return sorted(raw + add(raw), key=lambda q: (q.start, q.end)), ctx

    monkeypatch.setattr(build, "extract", extract)


def test_a_quotation_spanning_exactly_an_outlets_report_is_inside_it(
    analyze: Analyze, monkeypatch: pytest.MonkeyPatch
) -> None:
    def twin(raw: list[Candidate]) -> list[Candidate]:
        (block,) = [r for r in raw if r.kind == "block"]
        return [replace(block, kind="indirect", extra={})]

    _with_extra_candidates(monkeypatch, twin)
    art = analyze(REPORT)
    (block,) = [q for q in art.quotes if q.kind == "block"]
    (same,) = [q for q in art.quotes if q.kind == "indirect" and (q.start, q.end) == (block.start, block.end)]
    assert same.via == "New York Times" and block.via is None


def test_confidence_is_not_taken_from_a_same_span_twin_or_from_a_term(
    analyze: Analyze, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _one(analyze(NESTED), "The plan is ready").confidence

    def twin_and_term(raw: list[Candidate]) -> list[Candidate]:
        (direct,) = [r for r in raw if r.kind == "direct"]
        twin = replace(direct, kind="indirect", rule="clause", extra={})
        return [twin, Candidate("term", direct.start - 1, direct.end + 2)]

    _with_extra_candidates(monkeypatch, twin_and_term)
    art = analyze(NESTED)
    (direct,) = [q for q in art.quotes if q.kind == "direct"]
    assert direct.confidence == before
