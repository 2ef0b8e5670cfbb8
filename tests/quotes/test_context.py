"""quotes.context helpers that need no parse: trimming spans, datelines, marks lookups (issue 25)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.model import Article
from newsprism.quotes.context import Context, words
from newsprism.quotes.marks import MarkSpan


def _ctx(text: str) -> Context:
    return Context(text, None)  # type: ignore[arg-type]  # these helpers read the text only


def _trimmed(text: str, s: int = 0, e: int | None = None) -> str:
    s, e = _ctx(text).trim(s, len(text) if e is None else e)
    return text[s:e]


def test_words_counts_word_runs() -> None:
    assert words("a b-c, d’s") == 5 and words(" ,. ") == 0


def test_trim_drops_edge_punctuation_and_spaces() -> None:
    assert _trimmed(" , ;The plan is ready. ,;") == "The plan is ready"
    assert _trimmed("—– Plan: ") == "Plan"
    assert _trimmed(" ,;:") == ""


def test_trim_keeps_letters_at_the_edges_and_returns_an_empty_span_for_punctuation() -> None:
    assert _trimmed("Xu voted under Article IX") == "Xu voted under Article IX"
    assert _ctx(" ,;:").trim(0, 4) == (4, 4)
    assert _ctx("a ,;: b").trim(1, 5) == (5, 5)


def test_trim_takes_no_dateline_longer_than_80_characters() -> None:
    long = "A" * 79 + " — the plan"  # the dash at offset 80
    assert _trimmed(long) == long
    assert _trimmed("A" * 77 + " — the plan") == "the plan"


def test_trim_drops_a_dateline_at_a_paragraphs_start_only() -> None:
    assert _trimmed("WASHINGTON — The plan is ready.") == "The plan is ready"
    assert _trimmed("NEW YORK (AP) — The plan is ready.") == "The plan is ready"
    assert _trimmed("LONDON, England — The plan.") == "The plan"
    assert _trimmed("U.S. — plan") == "plan"
    text = "x\nWASHINGTON — The plan is ready."
    assert _trimmed(text, 1) == _trimmed(text, 2) == "The plan is ready"
    assert _trimmed(text) == text[:-1] and _trimmed("x WASHINGTON — The plan") == "x WASHINGTON — The plan"
    assert _trimmed("WASHINGTON — The", 0, 5) == "WASHI"  # the dateline must end inside the span


def _scan_extend(ctx: Context, s: int, e: int) -> tuple[int, int]:
    for m in ctx.marks:
        if m.start < e <= m.end and m.start >= s:
            e = m.end
        if m.start < s < m.end and m.end <= e:
            s = m.start
    return s, e


texts = st.text(alphabet="ab “”\n", max_size=40)


@given(texts, st.integers(0, 45), st.integers(0, 45))
def test_extend_marks_and_in_marks_agree_with_a_scan(text: str, s: int, e: int) -> None:
    ctx = _ctx(text)
    assert ctx.sorted_marks
    assert ctx.extend_marks(s, e) == _scan_extend(ctx, s, e)
    for pos in range(len(text) + 1):
        assert ctx.in_marks(pos) == any(m.start <= pos < m.end for m in ctx.marks)


def test_extend_marks_widens_to_whole_quotations() -> None:
    text = "He said “we will win” and “go home” now."
    ctx = _ctx(text)
    a, b = text.index("will"), text.index("home")
    assert ctx.extend_marks(a, b) == (text.index("“we"), text.index("now") - 1)
    assert ctx.extend_marks(0, a) == (0, text.index(" and"))
    assert ctx.extend_marks(b, len(text)) == (text.index("“go"), len(text))
    assert ctx.extend_marks(a, a + 2) == (a, a + 2)  # inside one quotation: unchanged
    assert ctx.in_marks(text.index("“we")) and not ctx.in_marks(text.index(" and"))


def test_marks_out_of_order_are_scanned_with_the_same_results() -> None:
    text = "He said “we will win” and “go home” now."
    ctx = _ctx(text)
    ordered = [(s, e, ctx.extend_marks(s, e)) for s in range(0, 41, 3) for e in range(s, 41, 4)]
    inside = [ctx.in_marks(p) for p in range(len(text))]
    ctx.marks = list(reversed(ctx.marks))
    ctx._index_marks()
    assert not ctx.sorted_marks
    assert [(s, e, ctx.extend_marks(s, e)) for s, e, _ in ordered] == ordered
    assert [ctx.in_marks(p) for p in range(len(text))] == inside
    overlapping = [MarkSpan(0, 10, 1, 9, 0, True), MarkSpan(5, 20, 6, 19, 0, True)]
    ctx.marks = overlapping
    ctx._index_marks()
    assert not ctx.sorted_marks and ctx.in_marks(15) and ctx.extend_marks(3, 12) == (0, 20)


def test_para_of_finds_the_paragraph_holding_a_position_or_its_end() -> None:
    ctx = _ctx("ab\n\ncd ef\nxy")
    assert [ctx.para_of(p) for p in (0, 2, 4, 8, 9, 10, 12)] == [0, 0, 1, 1, 1, 2, 2]
    for between in (3, 13):
        with pytest.raises(ValueError, match="in no paragraph"):
            ctx.para_of(between)
    with pytest.raises(ValueError, match="in no paragraph"):
        _ctx("\n ab").para_of(0)


def test_according_to_with_a_word_between_still_finds_its_source(analyze: Callable[[str], Article]) -> None:
    art = analyze("According mostly to Senator Jane Reed, the plan is “a total mess” for us.")
    (q,) = [q for q in art.quotes if q.kind == "partial"]
    assert q.speaker is not None and q.speaker.name == "Jane Reed" and q.cue == "According"
    art = analyze("The plan, according largely to the mayor, is “a total mess” for us.")
    assert [q.cue_lemma for q in art.quotes if q.kind == "partial"] == ["according to"]


SPEAKER_SENTENCES = [
    "Senator Jane Reed, who said the plan would fail, left early.",  # relative clause: the noun it hangs from
    "Senator Jane Reed stood up and said the plan would fail.",  # conjoined verb: the first verb's subject
    "Senator Jane Reed left the room, saying the plan would fail.",  # participle: the main clause's subject
    "Senator Jane Reed was told the plan would fail.",  # passive subject
    "Senator Jane Reed refused to say whether the plan would fail.",  # the subject of the verb it completes
    "After Senator Jane Reed said the plan would fail, the room went quiet.",
]


def test_the_subject_of_a_cue_is_found_through_the_clause_it_sits_in(analyze: Callable[[str], Article]) -> None:
    for text in SPEAKER_SENTENCES:
        (q,) = [q for q in analyze(text).quotes if q.kind == "indirect"]
        assert q.speaker is not None and q.speaker.name == "Jane Reed", text
        assert "the plan would fail" in q.text


def test_extend_marks_at_a_quotations_edges() -> None:
    text = "He said “we will win” and “go home” now."
    q1, q2 = text.index("“we"), text.index(" and")
    sorted_ctx, scanned = _ctx(text), _ctx(text)
    scanned.marks = list(reversed(scanned.marks))  # the plain scan gives the same
    scanned._index_marks()
    for ctx in (sorted_ctx, scanned):
        assert ctx.extend_marks(0, q1) == (0, q1)  # ending right before a quotation: unchanged
        assert ctx.extend_marks(q1, q1 + 4) == (q1, q2)  # starting on its opening mark: to its end
        assert ctx.extend_marks(q2, len(text)) == (q2, len(text))  # starting right after it: unchanged
