"""Indirect speech spans (issue 19, round-2 judged class 'span drops part of the reported clause'): clauses the
parser hangs on the cue that continue the reported clause stay in the span; sentences are written for the test."""

from __future__ import annotations

from collections.abc import Callable

from newsprism.model import Article, Quote

Analyze = Callable[[str], Article]


def _indirect(art: Article, needle: str) -> Quote:
    hits = [q for q in art.quotes if q.kind == "indirect" and needle in q.text]
    assert hits, f"no indirect quote containing {needle!r}: {[(q.kind, q.text) for q in art.quotes]}"
    return hits[0]


def test_coordinated_that_clause_stays_in_the_span(analyze: Analyze) -> None:
    art = analyze(
        "The agency said it was making an exception for the older documents, "
        "but that it would not turn over any later records."
    )
    assert _indirect(art, "making an exception").text.endswith("any later records")


def test_further_complement_stays_in_the_span(analyze: Analyze) -> None:
    art = analyze("Mr. Rendon said he had held back a child care bill this year, so he could draft a bill next year.")
    assert _indirect(art, "held back").text.endswith("draft a bill next year")


def test_another_statement_stays_out(analyze: Analyze) -> None:
    art = analyze("Ms. Lopez said the plan had failed, but Mr. Kaine said he would not attend.")
    q = _indirect(art, "plan had failed")
    assert "Kaine" not in q.text


# -- issue 19, round 4: the writer's words around indirect speech (sentences written for the test) ---------------


def test_span_ends_before_another_sources_statement_after_but(analyze: Analyze) -> None:
    art = analyze(
        "Foreign Minister Ana Ruiz said the negotiators had made real progress, "
        "but a White House aide predicted the tariffs will start next week."
    )
    q = _indirect(art, "made real progress")
    assert q.text.endswith("real progress") and "aide" not in q.text


def test_span_ends_before_a_dash_though_clause_of_another_source(analyze: Analyze) -> None:
    art = analyze(
        "Senator Bob Kell said the mayor called him a liar — though the mayor later clarified that he used "
        "the word fibber."
    )
    q = _indirect(art, "called him a liar")
    assert q.text.endswith("a liar")


def test_coordinated_that_clause_of_the_same_speaker_still_stays(analyze: Analyze) -> None:
    art = analyze("Kell said the plan would fail, but that he would still vote for it.")
    assert _indirect(art, "plan would fail").text.endswith("vote for it")


def test_lead_in_before_other_than_that_is_not_content(analyze: Analyze) -> None:
    art = analyze(
        "Ann Perkins met the auditors in March.\n\n"
        "Ann Perkins has said little publicly about the audit, other than that she would like it released soon."
    )
    assert _indirect(art, "released soon").text.startswith("that she would")


def test_lead_in_which_is_that_is_not_content(analyze: Analyze) -> None:
    art = analyze(
        "This is what Governor Hal Perkins has said for years and years, which is that we will not raise "
        "the gas tax on working families."
    )
    assert _indirect(art, "gas tax").text.startswith("that we will")


def test_pronoun_after_the_cue_that_opens_a_clause_is_not_the_speaker() -> None:
    # "…, said he feared …" as the parser sometimes reads it: "he" hung on "said" as its subject, yet a finite verb
    # follows, so "he" opens the reported clause (a hand-built parse of a sentence written for the test)
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from newsprism.quotes.indirect import _pronoun_opens_clause

    words = ["Herbst", "said", "he", "feared", "cuts", "."]
    doc = Doc(
        Vocab(),
        words=words,
        heads=[1, 1, 1, 1, 3, 1],
        deps=["nsubj", "ROOT", "nsubj", "ccomp", "dobj", "punct"],
        tags=["NNP", "VBD", "PRP", "VBD", "NNS", "."],
        pos=["PROPN", "VERB", "PRON", "VERB", "NOUN", "PUNCT"],
    )
    assert _pronoun_opens_clause(doc[1], doc[2])
    assert not _pronoun_opens_clause(doc[1], doc[0])
