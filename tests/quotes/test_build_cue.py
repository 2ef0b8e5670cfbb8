"""quotes.build.cue_span and cue_class_of on hand-built parses of made-up sentences (issue 25)."""

from __future__ import annotations

import pytest

from newsprism.quotes.build import _outer, cue_class_of, cue_span

from .hand_parse import hand_doc


def _cue(spec: str, i: int) -> str:
    doc = hand_doc(spec)
    s, e = cue_span(doc[i])
    return doc.text[s:e]


def test_the_cue_span_takes_auxiliaries_negation_and_adverbs_before_the_verb() -> None:
    spec = "Lee/NNP/nsubj/4 has/VBZ/aux/4/have not/RB/neg/4 also/RB/advmod/4 said/VBN/ROOT/4/say so/RB/advmod/4"
    assert _cue(spec, 4) == "has not also said"
    passive = "Lee/NNP/nsubjpass/3 was/VBD/auxpass/3/be reportedly/RB/advmod/3 told/VBN/ROOT/3/tell so/RB/advmod/3"
    assert _cue(passive, 3) == "was reportedly told"


@pytest.mark.parametrize("word", ["when", "where", "how", "why", "ago", "then", "as"])
def test_the_cue_span_leaves_out_clause_adverbs_before_the_verb(word: str) -> None:
    assert _cue(f"Lee/NNP/nsubj/2 {word}/RB/advmod/2 said/VBD/ROOT/2/say so/RB/advmod/2", 2) == "said"


def test_the_cue_span_leaves_out_an_infinitive_to_and_wh_words() -> None:
    assert _cue("Lee/NNP/nsubj/1 wants/VBZ/ROOT/1/want to/TO/aux/3 say/VB/xcomp/1/say so/RB/advmod/3", 3) == "say"
    assert _cue("Lee/NNP/nsubj/2 whenever/WRB/advmod/2 said/VBD/ROOT/2/say so/RB/advmod/2", 2) == "said"


def test_the_cue_span_takes_a_particle_or_frame_preposition_right_after_the_verb() -> None:
    assert _cue("Lee/NNP/nsubj/1 pointed/VBD/ROOT/1/point out/RP/prt/1 flaws/NNS/dobj/1", 1) == "pointed out"
    assert _cue("Lee/NNP/nsubj/1 pointed/VBD/ROOT/1/point to/IN/prep/1 flaws/NNS/pobj/2", 1) == "pointed to"
    assert _cue("Lee/NNP/nsubj/1 said/VBD/ROOT/1/say to/IN/prep/1 Ann/NNP/pobj/2", 1) == "said"  # no frame
    assert _cue("Lee/NNP/nsubj/1 said/VBD/ROOT/1/say so/RB/advmod/1 out/RP/prt/1", 1) == "said"  # not adjacent


def test_a_nominal_cue_takes_its_preposition_right_after_it() -> None:
    spec = "Lee/NNP/poss/1 claims/NNS/ROOT/1/claim about/IN/prep/1 Ann/NNP/pobj/2 ./././1"
    assert _cue(spec, 1) == "claims about"
    assert _cue("Lee/NNP/poss/1 claims/NNS/ROOT/1/claim ,/,/punct/1 Ann/NNP/appos/1", 1) == "claims"


def test_according_to_and_a_colon_cue() -> None:
    assert _cue("According/VBG/prep/3 to/IN/prep/0 Lee/NNP/pobj/1 ,/,/punct/3 it/PRP/nsubj/5 works/VBZ/ROOT/5", 0) == (
        "According to"
    )
    assert _cue("It/PRP/nsubj/1 works/VBZ/ROOT/1/work ,/,/punct/1 according/VBG/prep/1 to/IN/prep/3", 3) == (
        "according to"
    )
    assert _cue("It/PRP/nsubj/1 works/VBZ/ROOT/1/work ,/,/punct/1 according/VBG/prep/1", 3) == "according"
    assert _cue("Lee/NNP/nsubj/2 again/RB/advmod/2 :/:/ROOT/2 no/DT/det/4 tax/NN/dep/2", 2) == ":"


def test_according_to_is_a_neutral_cue_whatever_its_lemma() -> None:
    doc = hand_doc(
        "It/PRP/nsubj/1 works/VBZ/ROOT/1/work ,/,/punct/1 according/VBG/prep/1/claim to/IN/prep/3 Lee/NNP/pobj/4"
    )
    assert cue_class_of(doc[3]) == "neutral"
    assert cue_class_of(hand_doc("Lee/NNP/nsubj/1 claimed/VBD/ROOT/1/claim")[1]) == "loaded"


def test_outer_span_takes_no_letter_before_a_closing_mark() -> None:
    assert _outer("“Plan BX” y", 1, 7) == (0, 7)
