"""quotes.context helpers that read a parse, on hand-built parses of made-up sentences (issue 25)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsprism.model import Article
from newsprism.quotes.context import Context, according_object, agentive, subject_of

from .hand_parse import hand_ctx, hand_doc

TWO_SENTENCES = "Lee/NNP/nsubj/1 left/VBD/ROOT/1 ./././1 Ann/NNP/nsubj/4 said/VBD/ROOT/4/say so/RB/advmod/4 ./././4"


def test_according_to_whose_to_hangs_elsewhere_still_names_its_source() -> None:
    # "to" hangs on the verb, not on "according" (a broken parse): the word right after it is the source
    doc = hand_doc(
        "The/DT/det/1 plan/NN/nsubj/7 ,/,/punct/1 according/VBG/prep/7 to/IN/prep/7 Reed/NNP/pobj/4 ,/,/punct/7"
        " failed/VBD/ROOT/7/fail ./././7"
    )
    obj = according_object(doc[3])
    assert obj is not None and obj.text == "Reed"
    # the same at the text's end
    doc = hand_doc(
        "Reed/NNP/nsubj/1 failed/VBD/ROOT/1/fail ,/,/punct/1 according/VBG/prep/1 to/IN/prep/1 Lee/NNP/pobj/4"
    )
    obj = according_object(doc[3])
    assert obj is not None and obj.text == "Lee"
    doc = hand_doc("Reed/NNP/nsubj/1 failed/VBD/ROOT/1/fail ,/,/punct/1 according/VBG/prep/1")
    assert according_object(doc[3]) is None  # "according" ends the text


def test_according_without_to_or_without_an_object_has_no_source() -> None:
    doc = hand_doc("Reed/NNP/nsubj/1 failed/VBD/ROOT/1/fail according/VBG/prep/1 from/IN/prep/1 Lee/NNP/pobj/3 ./././1")
    assert according_object(doc[2]) is None
    doc = hand_doc("Reed/NNP/nsubj/1 failed/VBD/ROOT/1/fail according/VBG/prep/1 to/IN/prep/1 Lee/NNP/dobj/1 ./././1")
    assert according_object(doc[2]) is None


def test_lemma_at_a_position_is_its_tokens_lemma_and_empty_between_tokens() -> None:
    ctx = hand_ctx(TWO_SENTENCES)
    said = ctx.text.index("said")
    assert [ctx.lemma_at(p) for p in range(said, said + 4)] == ["say"] * 4
    assert ctx.lemma_at(len(ctx.text) - 1) == "."  # the text's last character
    assert ctx.lemma_at(said - 1) == ""  # the space before "said"


def test_sentence_at_a_position_is_the_sentence_holding_it_and_none_between_tokens() -> None:
    ctx = hand_ctx(TWO_SENTENCES)
    first, second = ctx.doc.sents
    assert ctx.sentence(0) == first and ctx.sentence(ctx.text.index(".")) == first
    assert ctx.sentence(len(ctx.text) - 1) == second  # the text's last character
    assert ctx.sentence(ctx.text.index(" Ann")) is None


def test_according_to_with_a_word_between_names_the_object_of_its_to() -> None:
    doc = hand_doc(
        "Reed/NNP/nsubj/1 failed/VBD/ROOT/1/fail ,/,/punct/1 according/VBG/prep/1 mostly/RB/advmod/3"
        " to/IN/prep/3 Lee/NNP/pobj/5 ./././1"
    )
    obj = according_object(doc[3])
    assert obj is not None and obj.text == "Lee"


def test_cue_tokens_are_speech_verbs_and_with_stance_also_beliefs() -> None:
    ctx = hand_ctx(
        "Lee/NNP/nsubj/1 believes/VBZ/ROOT/1/believe Ann/NNP/nsubj/3 said/VBD+AUX/ccomp/1/say so/RB/advmod/3 ./././1"
    )
    assert [t.text for t in ctx.cue_tokens(0, len(ctx.text))] == ["said"]  # an AUX-tagged cue verb counts too
    assert [t.text for t in ctx.cue_tokens(0, len(ctx.text), stance=True)] == ["believes", "said"]
    assert ctx.cue_tokens(0, ctx.text.index(" Ann"), stance=True)[0].text == "believes"


def _subject(spec: str, i: int) -> str | None:
    subj = subject_of(hand_doc(spec)[i])
    return None if subj is None else subj.text


def test_the_subject_of_a_cue_is_its_subject_passive_subject_or_clausal_subject() -> None:
    assert _subject("Lee/NNP/nsubj/1 said/VBD/ROOT/1/say so/RB/advmod/1", 1) == "Lee"
    assert _subject("Lee/NNP/nsubjpass/2 was/VBD/auxpass/2/be told/VBN/ROOT/2/tell so/RB/advmod/2", 2) == "Lee"
    assert _subject("What/WP/csubj/1 shows/VBZ/ROOT/1/show it/PRP/dobj/1", 1) == "What"
    assert _subject("So/RB/advmod/1 said/VBD/ROOT/1/say Lee/NNP/nsubj/1 ./././1", 1) == "Lee"  # after the cue
    assert _subject("So/RB/advmod/1 said/VBD/ROOT/1/say it/PRP/dobj/1 ./././1", 1) is None


def test_a_noun_after_a_participle_cue_belongs_to_the_reported_clause() -> None:
    # "Lee left, stating Mexico pays.": the parser hung "Mexico" on "stating" as its subject
    spec = (
        "Lee/NNP/nsubj/1 left/VBD/ROOT/1/leave ,/,/punct/1 stating/VBG/advcl/1/state Mexico/NNP/nsubj/3"
        " pays/VBZ/ccomp/3/pay ./././1"
    )
    assert _subject(spec, 3) == "Lee"


def test_a_relative_clause_cue_speaks_for_the_noun_its_who_or_that_stands_for() -> None:
    who = (
        "Reed/NNP/nsubj/6 ,/,/punct/0 who/WP/nsubj/3 said/VBD/relcl/0/say so/RB/advmod/3 ,/,/punct/0"
        " left/VBD/ROOT/6/leave ./././6"
    )
    assert _subject(who, 3) == "Reed"
    that = "The/DT/det/1 group/NN/nsubj/5 that/WDT+PRON/nsubj/3 said/VBD/relcl/1/say so/RB/advmod/3 left/VBD/ROOT/5"
    assert _subject(that, 3) == "group"
    own = "The/DT/det/1 plan/NN/nsubj/4 Lee/NNP/nsubj/3 described/VBD/relcl/1/describe failed/VBD/ROOT/4/fail"
    assert _subject(own, 3) == "Lee"  # a relative clause with its own subject
    assert _subject("Who/WP/nsubj/1 said/VBD/ROOT/1/say that/DT+PRON/dobj/1 ?/./punct/1", 1) == "Who"  # a question


def test_a_quantity_subject_speaks_through_its_of_object() -> None:
    spec = "A/DT/det/1 number/NN/nsubj/4 of/IN/prep/1 attendees/NNS/pobj/2/attendee said/VBD/ROOT/4/say so/RB/advmod/4"
    assert _subject(spec, 4) == "attendees"
    assert _subject(spec.replace("of/IN", "from/IN").replace("attendees/NNS", "Ohio/NNP"), 4) == "number"
    assert _subject(spec.replace("number/NN", "plan/NN"), 4) == "plan"


def test_the_agent_of_a_passive_cue_without_subject_speaks() -> None:
    assert _subject("Praised/VBN/ROOT/0/praise by/IN/agent/0 Lee/NNP/pobj/1 ./././0", 0) == "Lee"
    assert _subject("Praised/VBN/ROOT/0/praise by/IN/agent/0 now/RB/advmod/1 ./././0", 0) is None


@pytest.mark.parametrize("dep", ["conj", "advcl", "xcomp", "csubj", "pcomp", "acl", "dep"])
def test_the_subject_is_found_up_the_clause_links(dep: str) -> None:
    spec = f"Lee/NNP/nsubj/1 came/VBD/ROOT/1/come and/CC/cc/1 spoke/VBD/{dep}/1/speak ./././1"
    assert _subject(spec, 3) == "Lee"


def test_the_subject_is_not_taken_across_other_links_or_more_than_four_clauses() -> None:
    assert _subject("Lee/NNP/nsubj/1 knew/VBD/ROOT/1/know Ann/NNP/dobj/1 spoke/VBD/ccomp/1/speak", 3) is None
    chain = "Lee/NNP/nsubj/1 came/VBD/ROOT/1/come sat/VBD/conj/1/sit ate/VBD/conj/2/eat"
    assert _subject(chain + " drank/VBD/conj/3/drink", 4) == "Lee"  # three links up
    assert _subject(chain + " drank/VBD/conj/3/drink spoke/VBD/conj/4/speak", 5) is None  # four


def test_a_participle_cue_outside_the_clause_links_speaks_for_the_main_subject() -> None:
    tail = " ,/,/punct/2 saying/VBG/npadvmod/2/say so/RB/advmod/4 ./././2"
    active = "Later/RB/advmod/2 Lee/NNP/nsubj/2 left/VBD/ROOT/2/leave" + tail
    assert _subject(active, 4) == "Lee"
    passive = "Lee/NNP/nsubjpass/2 was/VBD/auxpass/2/be fired/VBN/ROOT/2/fire" + tail
    assert _subject(passive, 4) == "Lee"
    assert _subject("Saying/VBG/nsubj/2 so/RB/advmod/0 helped/VBD/ROOT/2/help Lee/NNP/dobj/2", 0) is None


def test_a_participle_on_a_noun_speaks_for_a_document_not_for_a_thing() -> None:
    thing = (
        "Lee/NNP/nsubj/1 fined/VBD/ROOT/1/fine the/DT/det/3 facility/NN/dobj/1 telling/VBG/acl/3/tell him/PRP/dobj/4"
    )
    assert _subject(thing, 4) is None  # "despite the facility telling him": neither Lee nor the facility
    own = (
        "Harris/NNP/nsubj/1 released/VBD/ROOT/1/release a/DT/det/3 statement/NN/dobj/1"
        " saying/VBG/acl/3/say so/RB/advmod/4"
    )
    assert _subject(own, 4) == "Harris"  # his own statement
    letter = (
        "Lee/NNP/nsubj/1 read/VBD/ROOT/1 reports/NNS/dobj/1/report of/IN/prep/2 a/DT/det/5 letter/NN/pobj/3"
        " telling/VBG/acl/5/tell officials/NNS/dobj/6/official"
    )
    assert _subject(letter, 6) == "letter"  # "reports of a letter telling officials": the letter


def test_agentive_subjects_are_people_bodies_sources_and_titles_and_with_speech_any_noun() -> None:
    doc = hand_doc(
        "The/DT/det/1 board/NN/nsubj/8@ORG and/CC/cc/1 locals/NNS/conj/1/local@NORP and/CC/cc/1 plan/NN/conj/1"
        " and/CC/cc/1 smithy/NN/conj/1@PERSON said/VBD/ROOT/8/say the/DT/det/10 governor/NN/dobj/8 it/PRP/dobj/8"
        " a/DT/det/13 source/NN/dobj/8"
    )
    board, locals_, plan, smithy, governor, it, source = (doc[i] for i in (1, 3, 5, 7, 10, 11, 13))
    assert agentive(board) and agentive(locals_) and agentive(smithy) and agentive(governor) and agentive(source)
    assert agentive(plan, speech=True) and not agentive(plan)
    assert not agentive(it) and not agentive(None) and not agentive(None, speech=True)


def _speaker(spec: str, i: int) -> str | None:
    ctx = hand_ctx(spec)
    subj = ctx.speaker_for(ctx.doc[i])
    return None if subj is None else subj.text


@pytest.mark.parametrize("cue", ["said/VBD", "says/VBZ", "say/VBP"])
def test_a_cue_without_parsed_subject_speaks_for_the_name_right_after_it(cue: str) -> None:
    head = f"It/PRP/nsubj/1 works/VBZ/ROOT/1/work ,/,/punct/1 {cue}/parataxis/1/say"
    for name in ("Ken/NNP/compound/5", "Ken/NNP/flat/5"):
        assert _speaker(f"{head} {name} Cuccinelli/NNP/dobj/3 ./././1", 3) == "Cuccinelli"
    assert _speaker(f"{head} he/PRP/dobj/3 ./././1", 3) == "he"
    assert _speaker(f"{head} Cuccinelli/NNP/dobj/3", 3) == "Cuccinelli"  # at the text's end
    assert _speaker(f"{head} again/RB/advmod/3 ./././1", 3) is None
    assert _speaker(head, 3) is None  # the cue ends the text


def test_a_participle_cue_without_subject_takes_no_name_after_it() -> None:
    spec = "It/PRP/nsubj/1 works/VBZ/ROOT/1/work ,/,/punct/1 said/VBN/parataxis/1/say Cuccinelli/NNP/dobj/3 ./././1"
    assert _speaker(spec, 3) is None


QUOTE_THEN_CUE = (
    "Yesterday/NN/npadvmod/6 “/``/punct/2 Plans/NNS/nsubj/6/plan fail/VBP/ccomp/6 ,/,/punct/3 ”/''/punct/3"
    " said/VBD/ROOT/6/say again/RB/advmod/6 {subject} ./././6"
)


def test_a_subject_inside_the_quotation_gives_way_to_the_one_after_the_cue() -> None:
    for subject, name in [
        ("the/DT/det/9 governor/NN/nsubj/6", "governor"),
        ("the/DT/det/9 governor/NN/nsubjpass/6", "governor"),
        ("Lee/NNP/nsubj/6", "Lee"),
        ("he/PRP/nsubj/6", "he"),
    ]:
        assert _speaker(QUOTE_THEN_CUE.format(subject=subject), 6) == name
    assert _speaker(QUOTE_THEN_CUE.format(subject="today/NN/npadvmod/6"), 6) is None


MARKS3 = (
    "“/``/punct/1 Go/VB/ROOT/1/go ./././1 ”/''/punct/1 “/``/punct/5 Stay/VB/ROOT/5/stay ./././5 ”/''/punct/5"
    " “/``/punct/9 Run/VB/ROOT/9/run ./././9 ”/''/punct/9"
)


def test_a_context_before_set_blocks_has_no_blocks_and_no_speaker_book() -> None:
    doc = hand_doc(TWO_SENTENCES)
    ctx = Context(doc.text, doc)
    assert ctx.blocks == [] and ctx.person_blocks == [] and not ctx.in_person_block(0)
    with pytest.raises(AssertionError, match="set_blocks"):
        _ = ctx.speakers


def test_a_persons_block_drops_the_quotation_marks_starting_inside_it() -> None:
    doc = hand_doc(MARKS3)
    starts = [i for i, ch in enumerate(doc.text) if ch == "“"]
    ctx = Context(doc.text, doc)
    ctx.set_blocks([(0, starts[0], starts[1], False, doc[1])])
    assert ctx.person_blocks == [(starts[0], starts[1])]
    assert [m.start for m in ctx.marks] == starts[1:]  # the block's end is outside it
    assert ctx.in_person_block(starts[0]) and ctx.in_person_block(starts[1] - 1)
    assert not ctx.in_person_block(starts[1])
    outlet = Context(doc.text, doc)
    outlet.set_blocks([(0, starts[0], starts[1], True, doc[1])])  # an outlet's report keeps its quotations
    assert outlet.person_blocks == [] and [m.start for m in outlet.marks] == starts


def test_a_name_inside_quotation_marks_names_no_speaker(analyze: Callable[[str], Article]) -> None:
    art = analyze("“Ann Cole will lose the vote,” Tom Lee said on Monday. Cole said the vote was fair.")
    assert [s.name for s in art.speakers] == ["Tom Lee", "Cole"]  # not "Ann Cole": she is only quoted
