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


MORE_CASES: list[tuple[str, list[Found]]] = [
    # a clause before a belief cue ("Taxes will rise, Lee believes."), after a comma or a closing quotation mark
    (
        "Taxes/NNS/nsubj/2 will/MD/aux/2 rise/VB/ccomp/5/rise {p}/{t}/punct/5 Lee/NNP/nsubj/5 "
        "believes/VBZ/ROOT/5/believe ././punct/5".format(p=",", t=","),
        [("clause_before", "Taxes will rise", False)],
    ),
    (
        "Taxes/NNS/nsubj/2 will/MD/aux/2 rise/VB/ccomp/5/rise ”/''/punct/5 Lee/NNP/nsubj/5 "
        "believes/VBZ/ROOT/5/believe ././punct/5",
        [("clause_before", "Taxes will rise", False)],
    ),
    (
        "\"/``/punct/6 Taxes/NNS/nsubj/3 will/MD/aux/3 rise/VB/ccomp/6/rise \"/''/punct/6 Lee/NNP/nsubj/6 "
        "believes/VBZ/ROOT/6/believe ././punct/6",
        [("clause_before", "Taxes will rise", False)],
    ),
    (
        "Taxes/NNS/nsubj/2 will/MD/aux/2 rise/VB/ccomp/5/rise and/CC/cc/5 Lee/NNP/nsubj/5 "
        "believes/VBZ/ROOT/5/believe ././punct/5",
        [],
    ),
    # … unless the cue already has its content after it
    (
        "Taxes/NNS/nsubj/2 will/MD/aux/2 rise/VB/ccomp/5/rise ,/,/punct/5 Lee/NNP/nsubj/5 "
        "believes/VBZ/ROOT/5/believe it/PRP/{d}/5 ././punct/5".format(d="dobj"),
        [],
    ),
    (
        "Taxes/NNS/nsubj/2 will/MD/aux/2 rise/VB/ccomp/5/rise ,/,/punct/5 Lee/NNP/nsubj/5 "
        "believes/VBZ/ROOT/5/believe it/PRP/{d}/5 ././punct/5".format(d="dative"),
        [],
    ),
    (
        "Taxes/NNS/nsubj/2 will/MD/aux/2 rise/VB/ccomp/5/rise ,/,/punct/5 Lee/NNP/nsubj/5 "
        "believes/VBZ/ROOT/5/believe to/TO/aux/7 win/VB/xcomp/5 ././punct/5",
        [],
    ),
    # the clause before a cue hung on it as parataxis/advcl/conj/ccomp: the sentence up to the source
    *[
        (
            "Taxes/NNS/nsubj/2 will/MD/aux/2 rise/VB/ROOT/2/rise ,/,/punct/2 Lee/NNP/nsubj/5 "
            f"believes/VBZ/{dep}/2/believe ././punct/2",
            [("before", "Taxes will rise", False)],
        )
        for dep in ("parataxis", "advcl", "conj", "ccomp")
    ],
    (
        "Taxes/NNS/nsubj/2 will/MD/aux/2 rise/VB/ROOT/2/rise ,/,/punct/2 Lee/NNP/nsubj/5 "
        "believes/VBZ/advcl/2/believe it/PRP/dobj/5 ././punct/2",
        [],
    ),
    (
        "Taxes/NNS/nsubj/2 will/MD/aux/2 rise/VB/ROOT/2/rise ,/,/punct/2 Lee/NNP/nsubj/5 "
        "believes/VBZ/dep/2/believe ././punct/2",
        [],
    ),
    # a parenthetical cue: the longer side of the sentence around it
    (
        "Such/JJ/amod/1 efforts/NNS/nsubj/6 ,/,/punct/4 they/PRP/nsubj/4 believe/VBP/parataxis/6/believe "
        ",/,/punct/4 will/MD/aux/6 fail/VB/ROOT/6/fail badly/RB/advmod/6 ././punct/6",
        [("parenthetical", "will fail badly", False)],
    ),
    (
        "Such/JJ/amod/1 efforts/NNS/nsubj/9 to/TO/aux/3 cut/VB/acl/1/cut taxes/NNS/dobj/3 ,/,/punct/7 "
        "they/PRP/nsubj/7 believe/VBP/parataxis/9/believe ,/,/punct/7 fail/VBP/ROOT/9/fail ././punct/9",
        [("parenthetical", "Such efforts to cut taxes", False)],
    ),
    (
        "Taxes/NNS/nsubj/2 will/MD/aux/2 rise/VB/ROOT/2/rise Lee/NNP/nsubj/4 believes/VBZ/parataxis/2/believe "
        "././punct/2",
        [("parenthetical", "Taxes will rise", False)],
    ),
    # "As The Hill reported, …": the main clause
    (
        "As/IN/mark/3 The/DT/det/2 Hill/NNP/nsubj/3 reported/VBD/advcl/7/report ,/,/punct/7 Trump/NNP/nsubjpass/7 "
        "was/VBD+AUX/auxpass/7 fined/VBN/ROOT/7/fine for/IN/prep/7 fraud/NN/pobj/8 ././punct/7",
        [("as_reported", "Trump was fined for fraud", False)],
    ),
    (
        "Trump/NNP/nsubjpass/2 was/VBD+AUX/auxpass/2 fined/VBN/ROOT/2/fine ,/,/punct/2 as/IN/mark/7 "
        "The/DT/det/6 Hill/NNP/nsubj/7 reported/VBD/advcl/2/report",
        [],
    ),
    (
        "As/IN/advmod/3 The/DT/det/2 Hill/NNP/nsubj/3 reported/VBD/advcl/7/report ,/,/punct/7 Trump/NNP/nsubjpass/7 "
        "was/VBD+AUX/auxpass/7 fined/VBN/ROOT/7/fine for/IN/prep/7 fraud/NN/pobj/8 ././punct/7",
        [],
    ),
    # object cues: the object, and the frame of a preposition
    (
        "Baker/NNP/nsubj/1 blamed/VBD/ROOT/1/blame the/DT/det/4 budget/NN/compound/4 office/NN/dobj/1 "
        "for/IN/prep/1 delays/NNS/pobj/5 !/./punct/1",
        [("object", "the budget office for delays", False)],
    ),
    (
        "Baker/NNP/nsubj/1 blamed/VBD/ROOT/1/blame the/DT/det/3 office/NN/dobj/1 ,/,/punct/1 and/CC/cc/1 "
        "Lee/NNP/nsubj/7 left/VBD/conj/1/leave",
        [("object", "the office", False)],
    ),
    (
        "Baker/NNP/nsubj/1 blamed/VBD/ROOT/1/blame the/DT/det/3 office/NN/dobj/1 and/CC/cc/1 "
        "Lee/NNP/nsubj/6 left/VBD/conj/1/leave",
        [("object", "the office", False)],
    ),
    (
        "Lee/NNP/nsubj/1 wants/VBZ/ROOT/1/want to/TO/aux/3 leave/VB/xcomp/1 now/RB/advmod/3 ././punct/1",
        [("object_clause", "to leave now", False)],
    ),
    (
        "Lee/NNP/nsubj/1 urged/VBD/ROOT/1/urge voters/NNS/dobj/1 to/TO/aux/4 leave/VB/xcomp/1 ././punct/1",
        [("object", "voters to leave", False)],
    ),
    (
        "Lee/NNP/nsubj/1 talked/VBD/ROOT/1/talk about/IN/prep/1 leaving/VBG/pcomp/2/leave early/RB/advmod/3",
        [("object_clause", "leaving early", False)],
    ),
    (
        "Lee/NNP/nsubj/1 talked/VBD/ROOT/1/talk about/IN/prep/1 the/DT/det/4 taxes/NNS/pobj/2",
        [("object", "the taxes", False)],
    ),
    (
        "Lee/NNP/nsubj/1 worried/VBD/ROOT/1/worry about/IN/prep/1 the/DT/det/4 taxes/NNS/pobj/2",
        [("object", "the taxes", False)],
    ),
    (
        "Lee/NNP/nsubj/1 talked/VBD/ROOT/1/talk at/IN/prep/1 the/DT/det/4 rally/NN/pobj/2",
        [],
    ),
    (
        "Lee/NNP/nsubj/1 called/VBD/ROOT/1/call at/IN/prep/1 the/DT/det/4 rally/NN/pobj/2",
        [("object", "at the rally", False)],
    ),
    (
        "Lee/NNP/nsubj/1 referred/VBD/ROOT/1/refer in/IN/prep/1 the/DT/det/4 speech/NN/pobj/2",
        [("object", "in the speech", False)],
    ),
    (
        "Lee/NNP/nsubj/1 called/VBD/ROOT/1/call for/IN/prep/1 the/DT/det/4 vote/NN/pobj/2",
        [("object", "the vote", False)],
    ),
    (
        "the/DT/det/1 law/NN/dobj/3 Lee/NNP/nsubj/3 blamed/VBD/ROOT/3/blame",
        [],
    ),
    # "He added, Harris will win.": the rest of the sentence
    *[
        (
            "He/PRP/nsubj/1 added/VBD/ROOT/1/add ,/,/punct/1 Harris/NNP/nsubj/5 will/MD/aux/5 "
            f"win/VB/{dep}/1/win easily/RB/advmod/5 ././punct/1",
            [("trailing", "Harris will win easily", False)],
        )
        for dep in ("advcl", "conj", "relcl")
    ],
    (
        "He/PRP/nsubj/1 added/VBD/ROOT/1/add ,/,/punct/1 Harris/NNP/nsubj/5 will/MD/aux/5 "
        "win/VB/parataxis/1/win easily/RB/advmod/5 ././punct/1",
        [],
    ),
    (
        "He/PRP/nsubj/1 added/VBD/ROOT/1/add ,/,/punct/1 Harris/NNP/nsubj/4 is/VBZ+AUX/advcl/1/be "
        "surely/RB/advmod/4 ahead/RB/advmod/4 ././punct/1",
        [("trailing", "Harris is surely ahead", False)],
    ),
    (
        "He/PRP/nsubj/1 added/VBD/ROOT/1/add ,/,/punct/1 Ann/NNP/nsubj/4 knows/VBZ/parataxis/1/know "
        "Harris/NNP/nsubj/7 will/MD/aux/7 win/VB/ccomp/4/win ././punct/1",
        [("trailing", "Ann knows Harris will win", False), ("clause", "Harris will win", False)],
    ),
    (
        "He/PRP/nsubj/1 added/VBD/ROOT/1/add that/IN/mark/5 Harris/NNP/nsubj/5 will/MD/aux/5 "
        "win/VB/advcl/1/win easily/RB/advmod/5 ././punct/1",
        [("trailing", "Harris will win easily", False)],
    ),
    (
        "He/PRP/nsubj/1 added/VBD/ROOT/1/add to/IN/prep/1 Harris/NNP/nsubj/5 will/MD/aux/5 "
        "win/VB/advcl/1/win easily/RB/advmod/5 ././punct/1",
        [("trailing", "Harris will win easily", False)],
    ),
    (
        "He/PRP/nsubj/1 added/VBD/ROOT/1/add quickly/RB/advmod/1 Harris/NNP/nsubj/5 will/MD/aux/5 "
        "win/VB/advcl/1/win easily/RB/advmod/5 ././punct/1",
        [("trailing", "quickly Harris will win easily", False)],
    ),
    ("He/PRP/nsubj/1 added/VBD/ROOT/1/add quitting/VBG/advcl/1/quit", []),
    (
        "Added/VBD/ROOT/0/add Lee/NNP/nsubj/0 ,/,/punct/0 Harris/NNP/nsubj/5 will/MD/aux/5 "
        "win/VB/advcl/0/win easily/RB/advmod/5 ././punct/0",
        [],
    ),
    (
        "Added/VBN/ROOT/0/add was/VBD+AUX/auxpass/0 Lee/NNP/nsubjpass/0 ,/,/punct/0 Harris/NNP/nsubj/6 "
        "will/MD/aux/6 win/VB/advcl/0/win easily/RB/advmod/6 ././punct/0",
        [],
    ),
    # "Google added a policy …": an object makes "add" an action; other trailing cues keep the rest
    (
        "Lee/NNP/nsubj/1 added/VBD/ROOT/1/add a/DT/det/3 rule/NN/dobj/1 ,/,/punct/1 it/PRP/nsubj/6 "
        "will/MD/aux/7 ban/VB/advcl/1/ban ads/NNS/dobj/7",
        [],
    ),
    (
        "Lee/NNP/nsubj/1 added/VBD/ROOT/1/add it/PRP/dobj/1 ,/,/punct/1 Ann/NNP/nsubj/6 will/MD/aux/6 "
        "ban/VB/advcl/1/ban ads/NNS/dobj/6",
        [("trailing", "it, Ann will ban ads", False)],
    ),
    (
        "Lee/NNP/nsubj/1 noted/VBD/ROOT/1/note a/DT/det/3 rule/NN/dobj/1 ,/,/punct/1 it/PRP/nsubj/7 "
        "will/MD/aux/7 ban/VB/advcl/1/ban ads/NNS/dobj/7",
        [("trailing", "a rule, it will ban ads", False)],
    ),
]


@pytest.mark.parametrize(("spec", "found"), MORE_CASES)
def test_verb_cue_content_without_a_clause_after_it(spec: str, found: list[Found]) -> None:
    assert _verb(spec) == found


# "If taxes rise, Rubio said, voters will leave.": the rest after the cue, and the part before it
RUBIO = (
    "{before} ,/,/punct/{r} Rubio/NNP/nsubj/{r} said/VBD/ROOT/{r}/say {mid},/,/punct/{r} voters/NNS/nsubj/{v} "
    "will/MD/aux/{v} leave/VB/parataxis/{r}/leave ././punct/{r}"
)


def _rubio(before: str, mid: str = "") -> str:
    n = len(before.split())
    m = len(mid.split())
    return RUBIO.format(
        before=before.format(r=n + 2), mid=mid.format(r=n + 2) + " " if mid else "", r=n + 2, v=n + m + 6
    )


COMMA_CASES: list[tuple[str, list[Found]]] = [
    (
        _rubio("If/IN/mark/2 taxes/NNS/nsubj/2 rise/VBP/advcl/5/rise"),
        [("comma", "voters will leave", False), ("comma", "If taxes rise", True)],
    ),
    (
        _rubio("If/IN/mark/2 I/PRP/nsubj/2 win/VBP/advcl/5/win"),
        [("comma", "voters will leave", False), ("comma", "If I win", True)],
    ),
    (_rubio("If/IN/mark/2 I/PRP/nsubj/2 go/VBP/advcl/5/go"), [("comma", "voters will leave", False)]),  # 7 characters
    (_rubio("Higher/JJR+ADJ/amod/1 taxes/NNS/dep/4"), [("comma", "voters will leave", False)]),  # two words
    (
        _rubio("If/IN/mark/2 taxes/NNS/nsubj/2 rise/VBP/advcl/{r}/rise", "today/NN/npadvmod/{r}"),
        [("comma", "voters will leave", False), ("comma", "If taxes rise", True)],
    ),
    (
        _rubio(
            "If/IN/mark/2 taxes/NNS/nsubj/2 rise/VBP/advcl/{r}/rise",
            "late/RB/advmod/{r} last/JJ/amod/8 night/NN/npadvmod/{r}",
        ),
        [("comma", "voters will leave", False), ("comma", "If taxes rise", True)],
    ),
    (
        _rubio(
            "If/IN/mark/2 taxes/NNS/nsubj/2 rise/VBP/advcl/{r}/rise",
            "very/RB/advmod/{r} late/RB/advmod/{r} last/JJ/amod/9 night/NN/npadvmod/{r}",
        ),
        [],
    ),
    (_rubio("If/IN/mark/2 taxes/NNS/nsubj/2 rise/VBP/advcl/{r}/rise", "on/IN/prep/{r} Monday/NNP/pobj/6"), []),
    # "Voters will leave, Rubio said.": the sentence before the source
    (
        "Voters/NNS/nsubj/2 will/MD/aux/2 leave/VB/parataxis/5/leave ,/,/punct/5 Rubio/NNP/nsubj/5 said/VBD/ROOT/5/say "
        "././punct/5",
        [("comma", "Voters will leave", False)],
    ),
    (
        "Voters/NNS/nsubj/2 will/MD/aux/2 leave/VB/parataxis/5/leave ,/,/punct/5 Rubio/NNP/nsubj/5 said/VBD/ROOT/5/say "
        "so/RB/advmod/5 again/RB/advmod/5 in/IN/prep/5 a/DT/det/10 speech/NN/pobj/8 ././punct/5",
        [("comma", "Voters will leave", False)],
    ),
    (
        "Voters/NNS/nsubj/2 will/MD/aux/2 leave/VB/parataxis/5/leave ,/,/punct/5 Rubio/NNP/nsubj/5 said/VBD/ROOT/5/say "
        "so/RB/advmod/5 again/RB/advmod/5 in/IN/prep/5 a/DT/det/11 long/JJ/amod/11 speech/NN/pobj/8 ././punct/5",
        [],
    ),
    (
        "Voters/NNS/nsubj/2 will/MD/aux/2 leave/VB/parataxis/5/leave "
        ",/,/punct/5 Rubio/NNP/nsubj/5 told/VBD/ROOT/5/tell "
        "Ann/NNP/dobj/5 ././punct/5",
        [],
    ),
    (
        "Voters/NNS/nsubj/2 will/MD/aux/2 leave/VB/parataxis/7/leave ,/,/punct/7 Rubio/NNP/nsubj/7 ,/,/punct/4 "
        "senator/NN/appos/4 said/VBD/ROOT/7/say ././punct/7",
        [],
    ),
    (
        "Voters/NNS/nsubj/2 will/MD/aux/2 leave/VB/parataxis/5/leave as/IN/mark/5 Rubio/NNP/nsubj/5 "
        "said/VBD/ROOT/5/say ././punct/5",
        [],
    ),
    (
        "Rubio/NNP/nsubj/1 said/VBD/ROOT/1/say ,/,/punct/1 voters/NNS/nsubj/5 will/MD/aux/5 leave/VB/parataxis/1/leave "
        "././punct/1",
        [],
    ),
    # the cue's own clause after it wins over the sentence before it
    (
        "Voters/NNS/nsubj/2 will/MD/aux/2 leave/VB/parataxis/5/leave ,/,/punct/5 Rubio/NNP/nsubj/5 said/VBD/ROOT/5/say "
        "taxes/NNS/nsubj/7 rose/VBD/ccomp/5/rise ././punct/5",
        [("clause", "taxes rose", False)],
    ),
    # "Taxes will rise, said Lee.": the sentence before the cue
    (
        "Taxes/NNS/nsubj/2 will/MD/aux/2 rise/VB/parataxis/4/rise ,/,/punct/4 said/VBD/ROOT/4/say Lee/NNP/nsubj/4 "
        "././punct/4",
        [("comma", "Taxes will rise", False)],
    ),
    (
        "Taxes/NNS/nsubj/1 rise/VBP/parataxis/3/rise ,/,/punct/3 said/VBD/ROOT/3/say Lee/NNP/nsubj/3 ././punct/3",
        [],
    ),
    (
        "Taxes/NNS/nsubj/2 will/MD/aux/2 rise/VB/parataxis/4/rise and/CC/cc/4 said/VBD/ROOT/4/say Lee/NNP/nsubj/4 "
        "././punct/4",
        [],
    ),
]


@pytest.mark.parametrize(("spec", "found"), COMMA_CASES)
def test_cue_set_off_by_commas(spec: str, found: list[Found]) -> None:
    assert _verb(spec) == found


def test_the_part_before_a_parenthetical_cue_is_part_of_the_same_event() -> None:
    ctx = hand_ctx(_rubio("If/IN/mark/2 taxes/NNS/nsubj/2 rise/VBP/advcl/5/rise"))
    rest, before = verb_candidates(ctx)
    assert (rest.event, before.event) == (1, 1)
    assert rest.exclusive_cue and not before.exclusive_cue and before.part
    assert before.subj is not None and before.subj.text == "Rubio" and before.cue is not None
    assert before.cue.text == "said" and before.kind == "indirect"


@pytest.mark.parametrize(
    ("spec", "found"),
    [
        # a speech verb lets any noun speak, an evidence verb too; a belief needs an agent unless it has a clause
        (
            "The/DT/det/1 table/NN/nsubj/2 noted/VBD/ROOT/2/note ,/,/punct/2 voters/NNS/nsubj/6 will/MD/aux/6 "
            "leave/VB/advcl/2/leave ././punct/2",
            [("trailing", "voters will leave", False)],
        ),
        (
            "The/DT/det/1 table/NN/nsubj/2 showed/VBD/ROOT/2/show the/DT/det/4 rise/NN/dobj/2 ././punct/2",
            [("object", "the rise", False)],
        ),
        ("The/DT/det/1 table/NN/nsubj/2 favors/VBZ/ROOT/2/favor the/DT/det/4 plan/NN/dobj/2 ././punct/2", []),
        (
            "The/DT/det/1 officials/NNS/nsubj/2 favor/VBP/ROOT/2/favor the/DT/det/4 plan/NN/dobj/2 ././punct/2",
            [("object", "the plan", False)],
        ),
        (
            "The/DT/det/1 table/NN/nsubj/2 believes/VBZ/ROOT/2/believe that/IN/mark/5 taxes/NNS/nsubj/5 "
            "rose/VBD/ccomp/2/rise ././punct/2",
            [("clause", "that taxes rose", False)],
        ),
        # the writer's inference: "A recount would show that …"
        (
            "A/DT/det/1 recount/NN/nsubj/3 would/MD/aux/3 show/VB/ROOT/3/show that/IN/mark/6 fraud/NN/nsubj/6 "
            "occurred/VBD/ccomp/3/occur ././punct/3",
            [],
        ),
        (
            "A/DT/det/1 recount/NN/nsubj/3 would/MD/advmod/3 show/VB/ROOT/3/show that/IN/mark/6 fraud/NN/nsubj/6 "
            "occurred/VBD/ccomp/3/occur ././punct/3",
            [("clause", "that fraud occurred", False)],
        ),
        (
            "Lee/NNP/nsubj/2 would/MD/aux/2 show/VB/ROOT/2/show that/IN/mark/5 fraud/NN/nsubj/5 "
            "occurred/VBD/ccomp/2/occur ././punct/2",
            [("clause", "that fraud occurred", False)],
        ),
        # the pronoun right after the cue opens the reported clause: no speaker here
        (
            "Herbst/NNP/npadvmod/1 said/VBD/ROOT/1/say he/PRP/nsubj/1 feared/VBD/ccomp/1/fear cuts/NNS/dobj/3 "
            "././punct/1",
            [],
        ),
        # no subject, no content, too short
        ("said/VBD/ROOT/0/say taxes/NNS/nsubj/2 rose/VBD/ccomp/0/rise sharply/RB/advmod/2", []),
        ("Lee/NNP/nsubj/1 said/VBD/ROOT/1/say it/PRP/nsubj/3 ended/VBD/ccomp/1/end", [("clause", "it ended", False)]),
        ("Lee/NNP/nsubj/1 said/VBD/ROOT/1/say it/PRP/nsubj/3 fell/VBD/ccomp/1/fall", []),
        # "be" and words that are no cues
        ("Lee/NNP/nsubj/1 was/VBD+AUX/ROOT/1/be sure/JJ/acomp/1 taxes/NNS/nsubj/4 rose/VBD/ccomp/1/rise", []),
        ("Lee/NNP/nsubj/1 said/NN/ROOT/1/say taxes/NNS/nsubj/3 rose/VBD/ccomp/1/rise sharply/RB/advmod/3", []),
        (
            "Lee/NNP/nsubj/1 said/VBD+AUX/ROOT/1/say taxes/NNS/nsubj/3 rose/VBD/ccomp/1/rise sharply/RB/advmod/3",
            [("clause", "taxes rose sharply", False)],
        ),
    ],
)
def test_who_can_report_and_what_is_too_little(spec: str, found: list[Found]) -> None:
    assert _verb(spec) == found


def test_an_attitude_cue_marks_its_quotation_an_attitude() -> None:
    ctx = hand_ctx(
        "Lee/NNP/nsubj/1 believes/VBZ/ROOT/1/believe taxes/NNS/nsubj/3 rose/VBD/ccomp/1/rise sharply/RB/advmod/3"
    )
    (q,) = verb_candidates(ctx)
    assert q.extra == {"attitude": True} and q.rule == "clause" and q.exclusive_cue and q.event == 1
    ctx = hand_ctx("Lee/NNP/nsubj/1 said/VBD/ROOT/1/say taxes/NNS/nsubj/3 rose/VBD/ccomp/1/rise sharply/RB/advmod/3")
    (q,) = verb_candidates(ctx)
    assert q.extra == {} and q.subj is not None and q.subj.text == "Lee" and q.cue is not None and q.cue.i == 1


SAID_ROSE = (
    "Lee/NNP/nsubj/1 said/VBD/ROOT/1/say taxes/NNS/nsubj/3 rose/VBD/ccomp/1/rise sharply/RB/advmod/3 ././punct/1"
)


def test_events_are_numbered_in_order_across_sentences() -> None:
    ctx = hand_ctx(
        join(SAID_ROSE, SAID_ROSE, _rubio("If/IN/mark/2 taxes/NNS/nsubj/2 rise/VBP/advcl/5/rise"), SAID_ROSE)
    )
    assert [(c.event, c.part) for c in verb_candidates(ctx)] == [
        (1, False),
        (2, False),
        (3, False),
        (3, True),
        (5, False),
    ]


def test_cues_inside_quotation_marks_or_a_speakers_block_give_nothing() -> None:
    ctx = hand_ctx(join("“/``/punct/2", SAID_ROSE, "”/''/punct/0"))
    assert verb_candidates(ctx) == []
    ctx = hand_ctx(join(SAID_ROSE, SAID_ROSE))
    second = ctx.doc[6].idx
    ctx.set_blocks([(0, second, len(ctx.text), False, ctx.doc[1])])
    assert _seen(ctx, verb_candidates(ctx)) == [("clause", "taxes rose sharply", False)]


ACCORDING = "according/VBG/prep/{h}/accord to/IN/prep/{a} {obj}"


def _acc(before: str, obj: str, after: str = "") -> str:
    """``before`` (its root at 1), "according to" + ``obj`` (heads written with {t}: the index of "to")."""
    n = len(before.split())
    parts = [before, ACCORDING.format(h=1, a=n, obj=obj.format(t=n + 1))]
    if after:
        parts.append(after)
    return " ".join(parts)


ACCORDING_CASES: list[tuple[str, list[Found], str | None]] = [
    (
        _acc(
            "Taxes/NNS/nsubj/1 rose/VBD/ROOT/1/rise sharply/RB/advmod/1 ,/,/punct/1", "the/DT/det/7 agency/NN/pobj/{t}"
        ),
        [("according", "Taxes rose sharply", False)],
        "agency",
    ),
    (
        "According/VBG/prep/6/accord to/IN/prep/0 the/DT/det/3 agency/NN/pobj/1 ,/,/punct/6 taxes/NNS/nsubj/6 "
        "rose/VBD/ROOT/6/rise sharply/RB/advmod/6 ././punct/6",
        [("according", "taxes rose sharply", False)],
        "agency",
    ),
    # "X, according to Y, is …": the longer side
    (
        "Taxes/NNS/nsubj/6 ,/,/punct/0 according/VBG/prep/6/accord to/IN/prep/2 Lee/NNP/pobj/3 ,/,/punct/6 "
        "rose/VBD/ROOT/6/rise very/RB/advmod/8 sharply/RB/advmod/6 ././punct/6",
        [("according", "rose very sharply", False)],
        "Lee",
    ),
    # a record's owner is its source; a pronoun owner leaves the record as the source
    (
        _acc(
            "Taxes/NNS/nsubj/1 rose/VBD/ROOT/1/rise sharply/RB/advmod/1 ,/,/punct/1",
            "Biden/NNP/poss/8 's/POS/case/6 statement/NN/pobj/{t}",
        ),
        [("according", "Taxes rose sharply", False)],
        "Biden",
    ),
    (
        _acc(
            "Taxes/NNS/nsubj/1 rose/VBD/ROOT/1/rise sharply/RB/advmod/1 ,/,/punct/1",
            "his/PRP$/poss/7 statement/NN/pobj/{t}",
        ),
        [("according", "Taxes rose sharply", False)],
        "statement",
    ),
    (
        _acc(
            "Taxes/NNS/nsubj/1 rose/VBD/ROOT/1/rise sharply/RB/advmod/1 ,/,/punct/1",
            "Biden/NNP/poss/8 's/POS/case/6 aide/NN/pobj/{t}",
        ),
        [("according", "Taxes rose sharply", False)],
        "aide",
    ),
    # too short, no object, a relayed quotation
    (
        _acc("It/PRP/nsubj/1 ended/VBD/ROOT/1/end ,/,/punct/1", "Lee/NNP/pobj/{t}"),
        [("according", "It ended", False)],
        "Lee",
    ),
    (_acc("It/PRP/nsubj/1 fell/VBD/ROOT/1/fall ,/,/punct/1", "Lee/NNP/pobj/{t}"), [], None),
    (
        "According/VBG/prep/5/accord to/IN/prep/0 Lee/NNP/pobj/1 ,/,/punct/5 it/PRP/nsubj/5 fell/VBD/ROOT/5/fall",
        [],
        None,
    ),
    ("Taxes/NNS/nsubj/1 rose/VBD/ROOT/1/rise sharply/RB/advmod/1 ,/,/punct/1 according/VBG/prep/1/accord", [], None),
    (
        "Lee/NNP/nsubj/1 reported/VBD/ROOT/1/report :/:/punct/1 “/``/punct/4 Taxes/NNS/nsubj/5 rose/VBD/ccomp/1/rise "
        ",/,/punct/5 ”/''/punct/5 according/VBG/prep/1/accord to/IN/prep/9 police/NNS/pobj/10",
        [],
        None,
    ),
]


@pytest.mark.parametrize(("spec", "found", "source"), ACCORDING_CASES)
def test_according_to(spec: str, found: list[Found], source: str | None) -> None:
    ctx = hand_ctx(spec)
    cands = [c for c in verb_candidates(ctx) if c.cue is not None and c.cue.lower_ == "according"]
    assert _seen(ctx, cands) == found
    for c in cands:
        assert c.subj is not None and c.subj.text == source
        assert c.extra == {"according_to": True} and c.event == 1 and c.cue is not None and c.cue.lower_ == "according"


# "Lee said talks advanced, but an aide predicted a delay.": the second source's statement stays out
TALKS = (
    "Lee/NNP/nsubj/1 said/VBD/ROOT/1/say talks/NNS/nsubj/3 advanced/VBD/ccomp/1/advance ,/,/punct/3 but/CC/cc/3 "
    "{subj} predicted/VBD/{dep}/3/predict a/DT/det/{d} delay/NN/dobj/{p} ././punct/1"
)


def _talks(subj: str, dep: str = "conj") -> str:
    n = len(subj.split())
    return TALKS.format(subj=subj, dep=dep, d=7 + n, p=6 + n)


OTHER_CASES: list[tuple[str, list[Found]]] = [
    (_talks("an/DT/det/7 aide/NN/nsubj/8"), [("clause", "talks advanced", False)]),
    (_talks("Kaine/NNP/nsubj/7"), [("clause", "talks advanced", False)]),
    (_talks("Kaine/NNP/nsubj/7", dep="advcl"), [("clause", "talks advanced", False)]),
    (_talks("Kaine/NNP/nsubj/7", dep="parataxis"), [("clause", "talks advanced, but Kaine predicted a delay", False)]),
    (_talks("he/PRP/nsubj/7"), [("clause", "talks advanced, but he predicted a delay", False)]),
    (
        _talks("Kaine/NNP/nsubj/7").replace("predicted/VBD/conj/3/predict", "left/VBD/conj/3/leave"),
        [("clause", "talks advanced, but Kaine left a delay", False)],
    ),
    (
        _talks("Kaine/NNP/nsubj/7").replace("predicted/VBD/conj/3/predict", "predicted/NN/conj/3/predict"),
        [("clause", "talks advanced, but Kaine predicted a delay", False)],
    ),
    # "— though the mayor later clarified …"
    (
        "Lee/NNP/nsubj/1 said/VBD/ROOT/1/say the/DT/det/3 mayor/NN/nsubj/4 lied/VBD/ccomp/1/lie —/:/punct/4 "
        "though/IN/mark/9 the/DT/det/8 mayor/NN/nsubj/9 clarified/VBD/advcl/4/clarify it/PRP/dobj/9 ././punct/1",
        [("clause", "the mayor lied", False)],
    ),
    # "and Bob promised to stay" is no joined statement of another source: the one after "but" is
    (
        "Lee/NNP/nsubj/1 said/VBD/ROOT/1/say Ann/NNP/nsubj/3 left/VBD/ccomp/1/leave and/CC/cc/3 Bob/NNP/nsubj/6 "
        "promised/VBD/conj/3/promise to/TO/aux/8 stay/VB/xcomp/6 ,/,/punct/3 but/CC/cc/3 aides/NNS/nsubj/12 "
        "predicted/VBD/conj/3/predict a/DT/det/14 delay/NN/dobj/12 ././punct/1",
        [("clause", "Ann left and Bob promised to stay", False)],
    ),
    (
        "Lee/NNP/nsubj/1 said/VBD/ROOT/1/say Ann/NNP/nsubj/3 left/VBD/ccomp/1/leave and/CC/cc/3 Bob/NNP/nsubj/6 "
        "promised/VBD/conj/3/promise to/TO/aux/8 stay/VB/xcomp/6 ././punct/1",
        [("clause", "Ann left and Bob promised to stay", False)],
    ),
    # a cue with no subject of its own before the joined statement
    (
        "Lee/NNP/nsubj/1 said/VBD/ROOT/1/say Ann/NNP/nsubj/3 left/VBD/ccomp/1/leave after/IN/mark/5 "
        "promising/VBG/advcl/3/promise to/TO/aux/7 stay/VB/xcomp/5 ,/,/punct/3 but/CC/cc/3 aides/NNS/nsubj/11 "
        "predicted/VBD/conj/3/predict a/DT/det/13 delay/NN/dobj/11 ././punct/1",
        [("clause", "Ann left after promising to stay", False)],
    ),
]


@pytest.mark.parametrize(("spec", "found"), OTHER_CASES)
def test_content_ends_before_another_sources_statement(spec: str, found: list[Found]) -> None:
    assert [f for f in _verb(spec) if f[1].startswith(("talks", "the mayor", "Ann"))] == found


LINE = "Lee/NNP/nsubj/1 said/VBD/ROOT/1/say :/:/punct/1 "


@pytest.mark.parametrize(
    ("spec", "found"),
    [
        # a speaker line whose content is the next paragraph
        (LINE + "¶/_SP/dep/2 Taxes/NNS/nsubj/5 rose/VBD/ROOT/5/rise sharply/RB/advmod/5", []),
        (
            LINE + "taxes/NNS/nsubj/4 rose/VBD/ccomp/1/rise sharply/RB/advmod/4",
            [("clause", "taxes rose sharply", False)],
        ),
        # "Taxes rose sharply, Lee said": a cue at the end of the text
        (
            "Taxes/NNS/nsubj/1 rose/VBD/ccomp/5/rise sharply/RB/advmod/1 "
            ",/,/punct/5 Lee/NNP/nsubj/5 said/VBD/ROOT/5/say",
            [("comma", "Taxes rose sharply", False)],
        ),
        # a header whose colon is followed by an attribution of its own
        (
            "Lee/NNP/nsubj/1 warned/VBD/ROOT/1/warn :/:/punct/1 Ann/NNP/nsubj/4 said/VBD/ccomp/1/say "
            "taxes/NNS/nsubj/6 rose/VBD/ccomp/4/rise sharply/RB/advmod/6",
            [("clause", "taxes rose sharply", False)],
        ),
        (
            "Lee/NNP/nsubj/1 warned/VBD/ROOT/1/warn :/:/punct/1 Ann/NNP/nsubj/4 left/VBD/ccomp/1/leave "
            "very/RB/advmod/6 early/RB/advmod/4",
            [("clause", "Ann left very early", False)],
        ),
        (
            "Lee/NNP/nsubj/1 warned/VBD/ROOT/1/warn :/:/punct/1 it/PRP/nsubjpass/5 was/VBD+AUX/auxpass/5 "
            "said/VBN/ccomp/1/say taxes/NNS/nsubj/7 rose/VBD/ccomp/5/rise",
            [],
        ),
        (
            "Lee/NNP/nsubj/1 warned/VBD/ROOT/1/warn :/:/punct/1 Ann/NNP/nsubj/4 said/VBD+AUX/ccomp/1/say "
            "taxes/NNS/nsubj/6 rose/VBD/ccomp/4/rise sharply/RB/advmod/6",
            [("clause", "Ann said taxes rose sharply", False), ("clause", "taxes rose sharply", False)],
        ),
    ],
)
def test_speaker_lines_and_headers(spec: str, found: list[Found]) -> None:
    assert _verb(spec) == found


@pytest.mark.parametrize(
    ("aside", "content"),
    [
        (
            "—/:/punct/4 a/DT/det/8 point/NN/appos/5 he/PRP/nsubj/10 stressed/VBD/relcl/8/stress",
            "the plan was best",
        ),
        (
            "—/:/punct/4 which/WDT+PRON/dobj/9 she/PRP/nsubj/9 stressed/VBD/relcl/5/stress",
            "the plan was best",
        ),
        (
            "—/:/punct/4 a/DT/det/8 lack/NN/appos/5 of/IN/prep/8 funds/NNS/pobj/9",
            "the plan was best — a lack of funds",
        ),
        (
            "—/:/punct/4 a/DT/det/8 point/NN/appos/5 —/:/punct/8 he/PRP/nsubj/11 stressed/VBD/relcl/8/stress",
            "the plan was best — a point — he stressed",
        ),
    ],
)
def test_a_narrators_aside_after_one_dash_is_not_content(aside: str, content: str) -> None:
    spec = (
        "Lee/NNP/nsubj/1 said/VBD/ROOT/1/say the/DT/det/3 plan/NN/nsubj/4 was/VBD+AUX/ccomp/1/be best/JJS+ADJ/acomp/4 "
        f"{aside} ././punct/1"
    )
    assert _verb(spec) == [("clause", content, False)]


# -- issue 25, round 2: survivors of the first measuring run ------------------------------------------------------

HERBST = "Herbst/NNP/npadvmod/1 said/VBD/ROOT/1/say he/PRP/nsubj/1 {w}/{tag}/ccomp/1 cuts/NNS/dobj/3 ././punct/1"


@pytest.mark.parametrize(("w", "tag"), [("fears", "VBZ"), ("fear", "VBP"), ("will", "MD")])
def test_a_pronoun_before_a_finite_verb_opens_the_reported_clause(w: str, tag: str) -> None:
    assert _verb(HERBST.format(w=w, tag=tag)) == []


def test_a_pronoun_before_no_finite_verb_is_the_speaker() -> None:
    spec = (
        "Herbst/NNP/npadvmod/1 said/VBD/ROOT/1/say he/PRP/nsubj/1 ,/,/punct/1 taxes/NNS/nsubj/5 rose/VBD/ccomp/1/rise "
        "sharply/RB/advmod/5"
    )
    assert _verb(spec) == [("clause", "taxes rose sharply", False)]


@pytest.mark.parametrize(
    ("spec", "found"),
    [
        # the parser hung the next paragraph on the cue: the speaker line gives nothing of its own
        (LINE + "¶/_SP/dep/2 taxes/NNS/nsubj/5 rose/VBD/ccomp/1/rise sharply/RB/advmod/5", []),
        (
            LINE + "¶/_SP/dep/2 taxes/NNS/nsubj/5 rose/VBD/ccomp/1/rise sharply/RB/advmod/5 ¶/_SP/dep/6 "
            "it/PRP/nsubj/9 hurt/VBD/conj/5/hurt",
            [],
        ),
        # a header's colon followed by a cue with its own subject; a cue without one is no attribution
        (
            "Lee/NNP/nsubj/1 warned/VBD/ROOT/1/warn :/:/punct/1 says/VBZ/ccomp/1/say Ann/NNP/nsubj/3 ,/,/punct/3 "
            "taxes/NNS/nsubj/7 rose/VBD/ccomp/3/rise",
            [("clause", "taxes rose", False)],
        ),
        (
            "Lee/NNP/nsubj/1 warned/VBD/ROOT/1/warn :/:/punct/1 taxes/NNS/nsubj/4 rose/VBD/ccomp/1/rise ,/,/punct/4 "
            "saying/VBG/advcl/4/say so/RB/advmod/6",
            [("clause", "taxes rose, saying so", False)],
        ),
        # "call"/"refer": object, complement and predicate
        (
            "Lee/NNP/nsubj/1 called/VBD/ROOT/1/call Ann/NNP/dobj/1 a/DT/det/4 liar/NN/oprd/1",
            [("object", "Ann a liar", False)],
        ),
        (
            "Lee/NNP/nsubj/1 called/VBD/ROOT/1/call to/TO/aux/3 leave/VB/xcomp/1 now/RB/advmod/3",
            [("object_clause", "to leave now", False)],
        ),
        (
            "Lee/NNP/nsubj/1 called/VBD/ROOT/1/call it/PRP/dep/1 a/DT/det/5 big/JJ/amod/5 lie/NN/oprd/1",
            [("object", "a big lie", False)],
        ),
        (
            "Lee/NNP/nsubj/1 named/VBD/ROOT/1/name it/PRP/dep/1 the/DT/det/4 winner/NN/oprd/1",
            [("object", "the winner", False)],
        ),
        # an added proper-noun object is an action too
        (
            "Google/NNP/nsubj/1 added/VBD/ROOT/1/add Bing/NNP/dobj/1 ,/,/punct/1 it/PRP/nsubj/6 will/MD/aux/6 "
            "ban/VB/advcl/1/ban ads/NNS/dobj/6",
            [],
        ),
        (
            "He/PRP/nsubj/1 added/VBD/ROOT/1/add ,/,/punct/1 quitting/VBG/advcl/1/quit",
            [("trailing", "quitting", False)],
        ),
        # "As The Hill reported Trump was fined …" without a comma
        (
            "As/IN/mark/3 The/DT/det/2 Hill/NNP/nsubj/3 reported/VBD/advcl/6/report Trump/NNP/nsubjpass/6 "
            "was/VBD+AUX/auxpass/6 fined/VBN/ROOT/6/fine for/IN/prep/6 fraud/NN/pobj/7",
            [("as_reported", "Trump was fined for fraud", False)],
        ),
        # a comma closing the sentence, or one word after it
        (_rubio("If/IN/mark/2 taxes/NNS/nsubj/2 rise/VBP/advcl/5/rise").rsplit(" ", 4)[0], []),
        (
            "If/IN/mark/2 taxes/NNS/nsubj/2 rise/VBP/advcl/5/rise ,/,/punct/5 Rubio/NNP/nsubj/5 said/VBD/ROOT/5/say "
            ",/,/punct/5 absolutely/RB/advmod/5",
            [("comma", "absolutely", False), ("comma", "If taxes rise", True)],
        ),
    ],
)
def test_more_cue_frames(spec: str, found: list[Found]) -> None:
    assert _verb(spec) == found


def test_rules_on_a_second_sentence_count_from_its_own_start() -> None:
    # "If I go" (7 characters) is no part; "Taxes rise" is too close to the start for "…, said Lee"
    spec = join(SAID_ROSE, _rubio("If/IN/mark/2 I/PRP/nsubj/2 go/VBP/advcl/5/go"))
    assert [(r, t) for r, t, part in _verb(spec)] == [("clause", "taxes rose sharply"), ("comma", "voters will leave")]
    spec = join(
        SAID_ROSE,
        "Taxes/NNS/nsubj/1 rise/VBP/parataxis/3/rise ,/,/punct/3 said/VBD/ROOT/3/say Lee/NNP/nsubj/3 ././punct/3",
    )
    assert _verb(spec) == [("clause", "taxes rose sharply", False)]


def test_the_part_before_an_attitude_cue_is_an_attitude_too() -> None:
    ctx = hand_ctx(
        _rubio("If/IN/mark/2 taxes/NNS/nsubj/2 rise/VBP/advcl/5/rise").replace(
            "said/VBD/ROOT/5/say", "criticized/VBD/ROOT/5/criticize"
        )
    )
    rest, before = verb_candidates(ctx)
    assert before.part and rest.extra == before.extra == {"attitude": True}


def test_later_sentences_are_read_after_a_skipped_one() -> None:
    ctx = hand_ctx(join(SAID_ROSE, SAID_ROSE))
    ctx.set_blocks([(0, 0, ctx.doc[6].idx, False, ctx.doc[1])])
    assert _seen(ctx, verb_candidates(ctx)) == [("clause", "taxes rose sharply", False)]
    spec = "“/``/punct/1 Wow/UH+INTJ/intj/3 ”/''/punct/1 " + SAID_ROSE.replace("/1", "/4").replace("/3", "/6")
    ctx = hand_ctx(spec.replace("Lee/NNP/nsubj/4", "Lee/NNP/nsubj/4"))
    assert [c.rule for c in verb_candidates(ctx)] == ["clause"]


def test_a_raising_verb_after_a_skipped_one_is_still_read() -> None:
    agent = (
        "The/DT/det/1 bill/NN/nsubjpass/3 is/VBZ+AUX/auxpass/3 expected/VBN/ROOT/3/expect to/TO/aux/5 "
        "pass/VB/xcomp/3 by/IN/agent/3 aides/NNS/pobj/6"
    )
    said = (
        "It/PRP/nsubjpass/2 is/VBZ+AUX/auxpass/2 said/VBN/ROOT/2/say that/IN/mark/5 taxes/NNS/nsubj/5 "
        "rose/VBD/ccomp/2/rise"
    )
    for skipped in (
        agent,
        said,
        "Lee/NNP/nsubj/1 appears/VBZ/ROOT/1/appear",
        "Lee/NNP/nsubj/1 appears/VBZ/ROOT/1/appear tired/JJ/acomp/1",
    ):
        assert [f[2] for f in _sourceless(join(skipped, APPEARS))] == [False, True]


@pytest.mark.parametrize(
    ("spec", "found"),
    [
        (
            APPEARS.replace("././punct/2", "!/./punct/2"),
            [("sourceless", "to favor the bill", False), ("sourceless", "The senator", True)],
        ),
        (
            "Now/RB/advmod/3 The/DT/det/2 senator/NN/nsubj/3 appears/VBZ/ROOT/3/appear to/TO/aux/5 "
            "favor/VB/xcomp/3 the/DT/det/7 bill/NN/dobj/5 ././punct/3",
            [("sourceless", "to favor the bill", False), ("sourceless", "The senator", True)],
        ),
        # "it", even tagged as a noun, is no subject part
        (
            "It/NN/nsubj/1 appears/VBZ/ROOT/1/appear to/TO/aux/3 favor/VB/xcomp/1 the/DT/det/5 bill/NN/dobj/3",
            [("sourceless", "to favor the bill", False)],
        ),
    ],
)
def test_sourceless_spans(spec: str, found: list[Found]) -> None:
    assert _sourceless(spec) == found


def test_a_cue_after_according_to_in_the_same_sentence_is_still_read() -> None:
    spec = (
        "According/VBG/prep/5/accord to/IN/prep/0 Lee/NNP/pobj/1 ,/,/punct/5 Ann/NNP/nsubj/5 said/VBD/ROOT/5/say "
        "taxes/NNS/nsubj/7 rose/VBD/ccomp/5/rise sharply/RB/advmod/7"
    )
    assert [f[0] for f in _verb(spec)] == ["according", "clause"]


# -- session 8 (issue 19, round 5): the walk back before "but" keeps a closing bracket or quotation mark ---------


@pytest.mark.parametrize(
    ("close", "tag"),
    [(")", "-RRB-+PUNCT"), ("]", "-RRB-+PUNCT"), ("”", "''")],
)
def test_other_statement_cut_keeps_closing_bracket(close: str, tag: str) -> None:
    opener = {")": "(", "]": "[", "”": "“"}[close]
    otag = "``" if close == "”" else "-LRB-+PUNCT"
    spec = (
        f"Lee/NNP/nsubj/1 said/VBD/ROOT/1/say talks/NNS/nsubj/3 advanced/VBD/ccomp/1/advance {opener}/{otag}/punct/5 "
        f"slowly/RB/advmod/3 {close}/{tag}/punct/5 ,/,/punct/3 but/CC/cc/3 an/DT/det/10 aide/NN/nsubj/11 "
        "predicted/VBD/conj/3/predict a/DT/det/13 delay/NN/dobj/11 ././punct/1"
    )
    found = [f for f in _verb(spec) if f[1].startswith("talks")]
    assert len(found) == 1 and found[0][0] == "clause"
    assert found[0][1].endswith(close) and "aide" not in found[0][1]


# -- session 8 (issue 19, round-4 class "a hypothetical 'say'"): a speech act that did not happen is not shown -----


@pytest.mark.parametrize(
    "text",
    [
        "Tom Reed might say the plan failed in its first year.",
        "If Tom Reed said the plan failed in its first year, nobody would believe him.",
        "Tom Reed would never say the plan failed in its first year.",
        "Tom Reed did not say the plan failed in its first year.",
        "Imagine Tom Reed saying the plan failed in its first year.",
    ],
)
def test_hypothetical_or_negated_say_is_not_shown(analyze: Analyze, text: str) -> None:
    from newsprism.quotes.confidence import speech

    hits = [q for q in analyze(text).quotes if "plan failed" in q.text]
    assert not any(speech(q) for q in hits)


@pytest.mark.parametrize(
    "text",
    [
        "Tom Reed said the plan failed in its first year.",
        "Tom Reed would later say the plan failed in its first year.",  # narrative "would": it was said
        "Tom Reed has said the plan failed in its first year.",
    ],
)
def test_reported_say_is_shown(analyze: Analyze, text: str) -> None:
    from newsprism.quotes.confidence import speech

    assert speech(_indirect(analyze(text), "plan failed"))


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("the bridge would open in May — which critics doubt", "the bridge would open in May"),
        ("the bridge would open in May — a claim the state disputes", "the bridge would open in May"),
        ("the bridge would open in May — an estimate that has slipped twice", "the bridge would open in May"),
        ("the plan — which he wrote — would pass", "the plan — which he wrote — would pass"),  # paired dashes
        (
            "the bridge would open in May — a lack of funding aside",
            "the bridge would open in May — a lack of funding aside",
        ),
    ],
)
def test_writer_comment_after_one_dash_is_not_content(text: str, content: str) -> None:
    from newsprism.quotes.indirect import _before_narration

    assert text[: _before_narration(text, 0, len(text))] == content


# -- session 8 (issue 19, class "the reporting outlet instead of the person"): relayed reported speech ------------


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("Time magazine reported that Reed said the bridge would open in May.", "Reed"),
        ("Lee said an agent told him the bridge would open in May.", "an agent"),
        ("Lee said Reed told reporters the bridge would open in May.", "Reed"),
    ],
)
def test_relayed_speech_is_shown_as_the_inner_speakers(analyze: Analyze, text: str, inner: str) -> None:
    from newsprism.quotes.confidence import speech

    seen = [q for q in analyze(text).quotes if speech(q)]
    assert [(q.text, q.speaker.name if q.speaker else None) for q in seen] == [("the bridge would open in May", inner)]


def test_report_of_a_plan_to_speak_is_no_relay(analyze: Analyze) -> None:
    art = analyze("Lee said Reed would call the board on Monday.")
    q = _indirect(art, "call the board")
    assert q.speaker is not None and q.speaker.name == "Lee" and not q.outlet_report


@pytest.mark.parametrize(
    "text",
    [
        "Acme added 2% on Friday, closing at a record high.",
        "Acme shares added 2% on Friday, closing at a record high.",
        "The fund added $3 on Friday, closing at a record high.",
    ],
)
def test_added_an_amount_is_no_speech(analyze: Analyze, text: str) -> None:
    assert not [q for q in analyze(text).quotes if q.kind == "indirect"]


def test_added_with_a_clause_is_still_speech(analyze: Analyze) -> None:
    art = analyze("Reed added that 20 staffers had joined the office last year.")
    assert _indirect(art, "20 staffers").speaker is not None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Reed quoted Cole as saying the bridge would cost $40 million.", "Cole"),
        ("The magazine quoted Ann Reed as saying that the bridge would cost $40 million.", "Ann Reed"),
    ],
)
def test_quoted_as_saying_is_the_objects_speech(analyze: Analyze, text: str, speaker: str) -> None:
    q = _indirect(analyze(text), "bridge would cost")
    assert q.speaker is not None and q.speaker.name == speaker


def test_short_subject_before_a_parenthetical_cue_is_a_part(analyze: Analyze) -> None:
    # session 8 (round-4 class "the subject dropped"): "The plan" is the first part of the reported clause
    art = analyze("Ann Reed spoke on Monday. The plan, she said, was written by Tom Cole.")
    main = _indirect(art, "written by Tom Cole")
    parts = [q for q in art.quotes if q.event == main.event and q is not main]
    assert [q.text for q in parts] == ["The plan"]
    lead = analyze("Ann Reed spoke on Monday. In fact, she said, the plan was written by Tom Cole.")
    assert not [q for q in lead.quotes if q.text == "In fact" and q.event == _indirect(lead, "plan was").event]
