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


# -- issue 25: each rule of the indirect passes, on hand-built parses of sentences written for the test -------------

import pytest  # noqa: E402

from newsprism.quotes.candidate import Candidate  # noqa: E402
from newsprism.quotes.context import Context  # noqa: E402
from newsprism.quotes.indirect import sourceless_candidates, verb_candidates  # noqa: E402

from .hand_parse import hand_ctx, join  # noqa: E402

Found = tuple[str, str, bool]


def _seen(ctx: Context, cands: list[Candidate]) -> list[Found]:
    return [(c.rule, ctx.text[c.start : c.end], c.part) for c in cands]


def _verb(spec: str) -> list[Found]:
    ctx = hand_ctx(spec)
    return _seen(ctx, verb_candidates(ctx))


def _sourceless(spec: str) -> list[Found]:
    ctx = hand_ctx(spec)
    return _seen(ctx, sourceless_candidates(ctx))


APPEARS = (
    "The/DT/det/1 senator/NN/nsubj/2 appears/VBZ/ROOT/2/appear to/TO/aux/4 "
    "favor/VB/xcomp/2 the/DT/det/6 bill/NN/dobj/4 ././punct/2"
)


def test_a_raising_verb_gives_content_and_subject_as_two_parts_of_one_event() -> None:
    ctx = hand_ctx(APPEARS)
    cands = sourceless_candidates(ctx)
    assert _seen(ctx, cands) == [("sourceless", "to favor the bill", False), ("sourceless", "The senator", True)]
    content, part = cands
    assert (content.event, part.event) == (1, 1)
    assert content.extra == part.extra == {"attitude": True, "sourceless": True}
    assert content.claims_cue and not part.claims_cue
    assert content.cue is not None and part.cue is not None and content.cue.i == part.cue.i == 2
    assert content.subj is None and content.kind == part.kind == "indirect"


def test_each_raising_sentence_is_its_own_event() -> None:
    ctx = hand_ctx(join(APPEARS, APPEARS))
    cands = sourceless_candidates(ctx)
    assert [c.event for c in cands] == [1, 1, 3, 3]


@pytest.mark.parametrize(
    ("spec", "found"),
    [
        # "it appears that …": no subject part
        (
            "It/PRP/nsubj/1 appears/VBZ/ROOT/1/appear that/IN/mark/5 "
            "the/DT/det/4 bill/NN/nsubj/5 failed/VBD/ccomp/1/fail",
            [("sourceless", "that the bill failed", False)],
        ),
        # a pronoun subject: no subject part either
        (
            "He/PRP/nsubj/1 appears/VBZ/ROOT/1/appear very/RB/advmod/3 tired/JJ/acomp/1",
            [("sourceless", "very tired", False)],
        ),
        ("Lee/NNP/nsubj/1 appears/VBZ/ROOT/1/appear tired/JJ/acomp/1", []),  # one word is no content
        ("Lee/NNP/nsubj/1 appears/VBZ/ROOT/1/appear", []),
        ("appears/VBZ/ROOT/0/appear to/TO/aux/2 favor/VB/xcomp/0 it/PRP/dobj/2", []),  # no subject
        (
            "Lee/NNP/nsubj/1 appears/VBZ+AUX/ROOT/1/appear an/DT/det/3 ally/NN/attr/1",
            [("sourceless", "an ally", False), ("sourceless", "Lee", True)],
        ),
        (
            "Lee/NNP/nsubj/1 appears/VBZ/ROOT/1/appear to/TO/aux/3 favor/VB/oprd/1 it/PRP/dobj/3",
            [("sourceless", "to favor it", False), ("sourceless", "Lee", True)],
        ),
        ("Lee/NNP/nsubj/1 appears/NNS/ROOT/1/appear to/TO/aux/3 favor/VB/xcomp/1 it/PRP/dobj/3", []),  # no verb
        ("Lee/NNP/nsubj/1 wants/VBZ/ROOT/1/want to/TO/aux/3 favor/VB/xcomp/1 it/PRP/dobj/3", []),  # no raising verb
        # agentless passives: "The bill is expected to pass"
        (
            "The/DT/det/1 bill/NN/nsubjpass/3 is/VBZ+AUX/auxpass/3 expected/VBN/ROOT/3/expect to/TO/aux/5 "
            "pass/VB/xcomp/3 soon/RB/advmod/5",
            [("sourceless", "to pass soon", False), ("sourceless", "The bill", True)],
        ),
        (
            "The/DT/det/1 bill/NN/nsubjpass/3 is/VBZ+AUX/auxpass/3 expected/VBN/ROOT/3/expect to/TO/aux/5 "
            "pass/VB/xcomp/3 by/IN/agent/3 aides/NNS/pobj/6",
            [],
        ),
        (
            "The/DT/det/1 bill/NN/nsubj/3 has/VBZ+AUX/aux/3 expected/VBN/ROOT/3/expect to/TO/aux/5 "
            "pass/VB/xcomp/3 soon/RB/advmod/5",
            [],
        ),
        (
            "The/DT/det/1 bill/NN/nsubjpass/3 was/VBD+AUX/auxpass/3 expected/VBD/ROOT/3/expect to/TO/aux/5 "
            "pass/VB/xcomp/3 soon/RB/advmod/5",
            [],
        ),
        (
            "It/PRP/nsubjpass/2 is/VBZ+AUX/auxpass/2 said/VBN/ROOT/2/say that/IN/mark/5 taxes/NNS/nsubj/5 "
            "rose/VBD/ccomp/2/rise",
            [],
        ),
    ],
)
def test_sourceless_attributions(spec: str, found: list[Found]) -> None:
    assert _sourceless(spec) == found


def test_a_raising_verb_inside_quotation_marks_or_a_speakers_block_is_not_the_writers() -> None:
    ctx = hand_ctx(join("“/``/punct/1", APPEARS, "”/''/punct/0"))
    assert ctx.text.startswith("“The senator") and ctx.text.endswith("”")
    assert sourceless_candidates(ctx) == []
    ctx = hand_ctx(APPEARS)
    ctx.set_blocks([(0, 0, len(ctx.text), False, ctx.doc[2])])
    assert sourceless_candidates(ctx) == []


S = "././punct/{r}"  # a full stop hung on the root at index r

VERB_CASES: list[tuple[str, list[Found]]] = [
    # the cue's clause
    (
        "Sanders/NNP/nsubj/1 said/VBD/ROOT/1/say Harris/NNP/nsubj/4 had/VBD+AUX/aux/4/have lied/VBN/ccomp/1/lie "
        "about/IN/prep/4 the/DT/det/7 budget/NN/pobj/5 ././punct/1",
        [("clause", "Harris had lied about the budget", False)],
    ),
    (
        "Lee/NNP/nsubj/1 said/VBD/ROOT/1/say that/IN/mark/4 taxes/NNS/nsubj/4 rose/VBD/ccomp/1/rise ././punct/1",
        [("clause", "that taxes rose", False)],
    ),
    # a further complement continues the clause; one whose head is a speech verb is another statement
    (
        "Lee/NNP/nsubj/1 said/VBD/ROOT/1/say taxes/NNS/nsubj/3 rose/VBD/ccomp/1/rise ,/,/punct/1 so/RB/advmod/7 "
        "it/PRP/nsubj/7 was/VBD+AUX/ccomp/1/be bad/JJ/acomp/7 ././punct/1",
        [("clause", "taxes rose, so it was bad", False)],
    ),
    (
        "Lee/NNP/nsubj/1 said/VBD/ROOT/1/say taxes/NNS/nsubj/3 rose/VBD/ccomp/1/rise ,/,/punct/1 "
        "a/DT/det/6 disaster/NN/ccomp/1 ././punct/1",
        [("clause", "taxes rose", False)],
    ),
    (
        "Lee/NNP/nsubj/1 said/VBD/ROOT/1/say Ann/NNP/nsubj/3 agreed/VBD/ccomp/1/agree ,/,/punct/1 so/RB/advmod/7 "
        "it/PRP/nsubj/7 passed/VBD/ccomp/1/pass ././punct/1",
        [("clause", "Ann agreed, so it passed", False)],
    ),
    (
        "Lee/NNP/nsubj/1 said/VBD/ROOT/1/say taxes/NNS/nsubj/3 rose/VBD/ccomp/1/rise ,/,/punct/1 so/RB/advmod/7 "
        "Ann/NNP/nsubj/7 said/VBD/ccomp/1/say it/PRP/nsubj/9 fell/VBD/ccomp/7/fall ././punct/1",
        [("clause", "taxes rose", False)],  # "it fell" is under 8 characters
    ),
    # a coordinated "that" clause continues it; a plain coordinated clause does not
    (
        "Lee/NNP/nsubj/1 said/VBD/ROOT/1/say taxes/NNS/nsubj/3 rose/VBD/ccomp/1/rise ,/,/punct/1 but/CC/cc/1 "
        "that/IN/mark/8 it/PRP/nsubj/8 helped/VBD/conj/1/help ././punct/1",
        [("clause", "taxes rose, but that it helped", False)],
    ),
    (
        "Lee/NNP/nsubj/1 said/VBD/ROOT/1/say taxes/NNS/nsubj/3 rose/VBD/ccomp/1/rise ,/,/punct/1 but/CC/cc/1 "
        "if/IN/mark/8 it/PRP/nsubj/8 helped/VBD/conj/1/help ././punct/1",
        [("clause", "taxes rose", False)],
    ),
    (
        "Lee/NNP/nsubj/1 said/VBD/ROOT/1/say taxes/NNS/nsubj/3 rose/VBD/ccomp/1/rise ,/,/punct/1 and/CC/cc/1 "
        "that/DT/nsubj/7 helped/VBD/conj/1/help ././punct/1",
        [("clause", "taxes rose", False)],
    ),
    (
        "Lee/NNP/nsubj/1 said/VBD/ROOT/1/say taxes/NNS/nsubj/3 rose/VBD/ccomp/1/rise ,/,/punct/1 but/CC/cc/1 "
        "that/IN/mark/10 the/DT/det/8 claim/NN/nsubj/10 was/VBD+AUX/aux/10 denied/VBN/conj/1/deny ././punct/1",
        [("clause", "taxes rose", False)],
    ),
    (
        "Lee/NNP/nsubj/1 said/VBD/ROOT/1/say taxes/NNS/nsubj/3 rose/VBD/ccomp/1/rise ,/,/punct/1 but/CC/cc/1 "
        "that/IN/mark/9 the/DT/det/8 claim/NN/nsubj/9 failed/VBD/conj/1/fail ././punct/1",
        [("clause", "taxes rose, but that the claim failed", False)],
    ),
    # a coordinated clause that quotes continues it
    (
        "Lee/NNP/nsubj/1 said/VBD/ROOT/1/say taxes/NNS/nsubj/3 rose/VBD/ccomp/1/rise and/CC/cc/1 he/PRP/nsubj/6 "
        "is/VBZ+AUX/conj/1/be “/``/punct/8 ready/JJ/acomp/6 ”/''/punct/6 ././punct/1",
        [("clause", "taxes rose and he is “ready”", False)],
    ),
    (
        "Lee/NNP/nsubj/1 said/VBD/ROOT/1/say taxes/NNS/nsubj/3 rose/VBD/ccomp/1/rise and/CC/cc/1 he/PRP/nsubj/6 "
        "seems/VBZ/conj/1/seem \"/``/punct/8 ready/JJ/acomp/6 \"/''/punct/6 ././punct/1",
        [("clause", 'taxes rose and he seems "ready"', False)],
    ),
    (
        "Lee/NNP/nsubj/1 said/VBD/ROOT/1/say taxes/NNS/nsubj/3 rose/VBD/ccomp/1/rise and/CC/cc/1 he/PRP/nsubj/6 "
        "seems/VBZ/conj/1/seem ready/JJ/acomp/6 ././punct/1",
        [("clause", "taxes rose", False)],
    ),
    (
        "Lee/NNP/nsubj/1 said/VBD/ROOT/1/say taxes/NNS/nsubj/3 rose/VBD/ccomp/1/rise when/WRB/advmod/6 "
        "he/PRP/nsubj/6 left/VBD/advcl/1/leave “/``/punct/8 early/RB/advmod/6 ”/''/punct/6 ././punct/1",
        [("clause", "taxes rose", False)],
    ),
    (
        "Lee/NNP/nsubj/1 said/VBD/ROOT/1/say taxes/NNS/nsubj/3 rose/VBD/ccomp/1/rise and/CC/cc/1 "
        "“/``/punct/6 chaos/NN/conj/1 ”/''/punct/6 ././punct/1",
        [("clause", "taxes rose", False)],
    ),
]


@pytest.mark.parametrize(("spec", "found"), VERB_CASES)
def test_verb_cue_content(spec: str, found: list[Found]) -> None:
    assert _verb(spec) == found
