"""The attribution scorer's features on hand-built parses (issue 25): paragraph start, cue and source, the
mention's form and place, other persons around the source and inside the quotation, whether the source sits in a
name; the regression tree's leaf; an outlet's relay is no speech. Words are made up for the tests; the parses are
written out (no model), so each feature is checked on exactly the structure it reads."""

from __future__ import annotations

import math

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsprism.model import Quote
from newsprism.quotes.candidate import Candidate
from newsprism.quotes.confidence import NEAR, features, how, probability, speech, tree_value
from newsprism.quotes.speaker_names import Cluster, Resolved

VOCAB = Vocab()
ANN = Cluster(0, "Ann Lee", "person")
REED = Cluster(1, "Tom Reed", "person")


def _parse(spec: str) -> Doc:
    """Tokens written ``word/POS/dep/head[/ENT]`` (head: absolute index; an entity continues one of the same
    label on the token before unless it is a root), one space after each token."""
    rows = [t.split("/") for t in spec.split()]
    ents = []
    for k, r in enumerate(rows):
        label = r[4] if len(r) > 4 else ""
        before = rows[k - 1][4] if k and len(rows[k - 1]) > 4 else ""
        ents.append("O" if not label else ("I-" if label == before and r[2] != "ROOT" else "B-") + label)
    return Doc(
        VOCAB,
        words=[r[0] for r in rows],
        pos=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        heads=[int(r[3]) for r in rows],
        ents=ents,
    )


def _sents(*sents: str, ents: dict[str, str]) -> Doc:
    """Sentences of space-separated words, each word attached to its sentence's first word; ``ents`` gives a
    word's entity label (adjacent words of one label make one entity)."""
    spec = []
    for sent in sents:
        root = len(spec)
        for k, w in enumerate(sent.split()):
            label = f"/{ents[w]}" if w in ents else ""
            spec.append(f"{w}/{'PROPN' if w[:1].isupper() else 'X'}/{'ROOT' if k == 0 else 'dep'}/{root}{label}")
    return _parse(" ".join(spec))


def _tok(doc: Doc, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


def _said(doc: Doc, subj: str, first: str, last: str, speaker: Cluster = REED) -> Candidate:
    """The candidate whose quotation runs from word ``first`` to the end of word ``last``, source ``subj``; the
    speaker's mention is the last word of its name where the text has it, else the source."""
    s, a, b = doc[_tok(doc, subj)], doc[_tok(doc, first)], doc[_tok(doc, last)]
    m = doc[_tok(doc, speaker.name.split()[-1])] if speaker.name in doc.text else s
    res = Resolved(speaker, m.idx, m.idx + len(m.text))
    return Candidate("indirect", a.idx, b.idx + len(b.text), subj=s, rule="clause", speaker=res)


# -- how the speaker was found --------------------------------------------------------------------------------------


def test_a_speaker_without_a_source_token_was_found_from_a_noun() -> None:
    assert how(Candidate("direct", 0, 5, speaker=Resolved(ANN, 10, 17), rule="direct")) == "noun"


def test_a_source_that_is_itself_a_possessor_was_found_as_possessor() -> None:
    doc = _parse("Reed/PROPN/poss/2/PERSON 's/PART/case/0 claim/NOUN/ROOT/2")
    c = Candidate("indirect", 0, 5, subj=doc[0], speaker=Resolved(REED, 0, 4), rule="nominal")
    assert how(c) == "possessor"


# -- paragraph start and position --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("“big win,” she said.", True),
        ("Line one.\n“big win,” she said.", True),
        ("   “big win,” she said.", True),  # indented by three spaces: still the paragraph's start
        ("A “big win,” she said.", False),  # a word before the mark, even one letter
        ("X “big win,” she said.", False),
        ("A   “big win,” she said.", False),
    ],
)
def test_a_quotation_starts_the_paragraph_only_with_nothing_but_marks_before_it(text: str, starts: bool) -> None:
    start = text.index("big")
    x = features(Candidate("direct", start, start + 7, rule="direct"), text)
    assert x.get("starts_paragraph", 0.0) == float(starts)


def test_position_is_the_share_of_the_text_before_the_quotation() -> None:
    assert features(Candidate("direct", 1, 1, rule="direct"), "x")["position"] == 1.0
    assert features(Candidate("direct", 3, 4, rule="direct"), "abcd")["position"] == 0.75


# -- cue and source ----------------------------------------------------------------------------------------------


def test_cue_distance_and_a_source_after_its_cue() -> None:
    doc = _parse("The/DET/det/1 mayor/NOUN/nsubj/2 said/VERB/ROOT/2 it/PRON/dobj/2")
    x = features(Candidate("indirect", 14, 16, subj=doc[1], cue=doc[2], rule="clause"), doc.text)
    assert x["log_cue_distance"] == math.log1p(1) and "source_after_cue" not in x
    doc = _parse("“/PUNCT/punct/4 won/VERB/ccomp/4 ,/PUNCT/punct/4 ”/PUNCT/punct/4 said/VERB/ROOT/4 Reed/PROPN/nsubj/4")
    x = features(Candidate("direct", 2, 5, subj=doc[5], cue=doc[4], rule="direct"), doc.text)
    assert x["source_after_cue"] == 1.0 and x["log_cue_distance"] == math.log1p(1)


def test_a_source_without_a_cue_has_no_cue_distance() -> None:
    doc = _parse("Reed/PROPN/ROOT/0/PERSON :/PUNCT/punct/0 yes/INTJ/dep/0")
    x = features(Candidate("direct", 7, 10, subj=doc[0], rule="headline"), doc.text)
    assert x["no_cue"] == 1.0 and "log_cue_distance" not in x and "source_after_cue" not in x


@pytest.mark.parametrize(("dep", "is_object"), [("dobj", True), ("pobj", True), ("dative", True), ("nsubj", False)])
def test_a_source_in_object_position_is_marked(dep: str, is_object: bool) -> None:
    doc = _parse(f"They/PRON/nsubj/1 asked/VERB/ROOT/1 Reed/PROPN/{dep}/1")
    x = features(Candidate("indirect", 0, 4, subj=doc[2], cue=doc[1], rule="object"), doc.text)
    assert x.get("source_is_object", 0.0) == float(is_object)


# -- the speaker's mention --------------------------------------------------------------------------------------


def test_a_surname_two_people_share_and_the_mention_count() -> None:
    shared = Cluster(2, "Joe Biden", "person", given={"joe": "Joe Biden", "hunter": "Hunter Biden"})
    shared.mentions = [(0, 5), (20, 25), (40, 45)]
    x = features(Candidate("direct", 10, 15, speaker=Resolved(shared, 0, 5), rule="direct"), "Biden " * 9)
    assert x["shared_surname"] == 1.0 and x["log_cluster_mentions"] == math.log1p(3)
    one = Cluster(3, "Joe Biden", "person", given={"joe": "Joe Biden"})
    assert "shared_surname" not in features(Candidate("direct", 10, 15, speaker=Resolved(one, 0, 5)), "Biden " * 9)


@pytest.mark.parametrize(("start", "end"), [(12, 20), (20, 24), (4, 10)])
def test_a_mention_inside_or_touching_the_quotation_has_no_gap(start: int, end: int) -> None:
    x = features(Candidate("direct", 10, 20, speaker=Resolved(ANN, start, end), rule="direct"), "w " * 20)
    assert "log_mention_gap" not in x


def test_a_mention_right_after_the_full_stop_is_outside_the_sources_sentence() -> None:
    # "Reed said it.Ann Lee" (no space after the full stop): Ann starts where Reed's sentence ends
    doc = Doc(
        VOCAB,
        words=["Reed", "said", "it", ".", "Ann", "Lee", "left"],
        spaces=[True, True, False, False, True, True, False],
        heads=[1, 1, 1, 1, 5, 6, 6],
        deps=["nsubj", "ROOT", "dobj", "punct", "compound", "nsubj", "ROOT"],
        ents=["B-PERSON", "O", "O", "O", "B-PERSON", "I-PERSON", "O"],
    )
    ann = doc[4].idx
    assert ann == doc[0].sent.end_char
    c = Candidate("indirect", 10, 12, subj=doc[0], cue=doc[1], rule="clause", speaker=Resolved(ANN, ann, ann + 7))
    assert features(c, doc.text)["mention_outside_sentence"] == 1.0


# -- other persons around the source -----------------------------------------------------------------------------

PERSONS = {w: "PERSON" for w in ("Kim", "Pat", "Lou", "Max", "Sam", "Tom", "Reed")}


def test_the_nearest_other_person_and_its_distance() -> None:
    doc = _sents("It rained .", "Kim left .", "Tom Reed said it .", ents=PERSONS)
    x = features(_said(doc, "Reed", "it", "it"), doc.text)
    assert x["other_person_near"] == 1.0 and x["log_other_person_distance"] == math.log1p(4)  # Kim, 4 tokens back
    doc = _sents("Kim left .", "Tom Reed said it .", ents=PERSONS)
    assert features(_said(doc, "Reed", "it", "it"), doc.text)["log_other_person_distance"] == math.log1p(4)


def test_a_person_named_next_to_the_source_is_at_distance_one() -> None:
    doc = _sents("A Reed spokesman said it .", ents={"Reed": "PERSON"})
    x = features(_said(doc, "spokesman", "it", "it", speaker=ANN), doc.text)
    assert x["log_other_person_distance"] == math.log1p(1)


def test_the_source_itself_is_not_another_person() -> None:
    # the speaker resolved to another name than the source token: the token still is not "another person"
    doc = _sents("Then Reed said it .", ents={"Reed": "PERSON"})
    assert "other_person_near" not in features(_said(doc, "Reed", "it", "it", speaker=ANN), doc.text)


@pytest.mark.parametrize(("gap", "near"), [(NEAR, True), (NEAR + 1, False)])
def test_other_persons_are_searched_within_near_tokens_of_the_source(gap: int, near: bool) -> None:
    fill = " ".join(f"w{k}" for k in range(gap - 2))
    doc = _sents(f"Tom Reed said {fill} Kim", ents=PERSONS)
    assert doc[_tok(doc, "Kim")].i - doc[_tok(doc, "Reed")].i == gap
    x = features(_said(doc, "Reed", "w0", "w0"), doc.text)
    assert x.get("other_person_near", 0.0) == float(near)


@pytest.mark.parametrize(
    ("sents", "persons"),
    [
        (("Kim left .", "Pat stayed .", "It rained .", "Tom Reed said it ."), 2),  # Pat and Tom; Kim is too far back
        (("Kim left .", "It rained .", "Update", "Tom Reed said it ."), 1),  # a one-word line is a sentence
        (("Kim", "Tom Reed said it ."), 2),
        (("Acme hired Tom Reed .", "He said it ."), 1),  # an organisation is no person
        (("Kim , Pat , Lou , Max , Sam and Tom Reed said it .",), 5),  # at most five
    ],
)
def test_persons_named_in_the_sentence_and_the_two_before(sents: tuple[str, ...], persons: int) -> None:
    doc = _sents(*sents, ents={**PERSONS, "Acme": "ORG"})
    subj = "He" if "He" in doc.text.split() else "Reed"
    x = features(_said(doc, subj, "it", "it"), doc.text)
    assert x["persons_near"] == persons


def test_persons_named_inside_the_quotation() -> None:
    doc = _sents("Tom Reed said Kim agreed .", ents=PERSONS)
    assert features(_said(doc, "Reed", "Kim", "agreed"), doc.text)["persons_in_quote"] == 1.0
    doc = _sents("Tom Reed said Kim , Pat , Lou and Max agreed .", ents=PERSONS)
    assert features(_said(doc, "Reed", "Kim", "agreed"), doc.text)["persons_in_quote"] == 3.0  # at most three
    # a name right after the quotation's end is not inside it (the span is half-open)
    doc = _sents("Tom Reed said Kim met Pat", ents=PERSONS)
    c = _said(doc, "Reed", "Kim", "met")
    c.end = doc[_tok(doc, "Pat")].idx
    assert features(c, doc.text)["persons_in_quote"] == 1.0


@pytest.mark.parametrize(
    ("spec", "source", "inside"),
    [
        ("Lopez/PROPN/compound/1/PERSON Group/PROPN/nsubj/2 said/VERB/ROOT/2 it/PRON/dobj/2", 0, True),
        ("Acme/PROPN/nsubj/1/ORG said/VERB/ROOT/1 it/PRON/dobj/1", 0, True),
        ("Lopez/PROPN/nsubj/1/PERSON said/VERB/ROOT/1 it/PRON/dobj/1", 0, False),
        ("Lopez/PROPN/compound/1/PERSON aide/NOUN/nsubj/2 said/VERB/ROOT/2 it/PRON/dobj/2", 0, False),
        ("Lopez/PROPN/nsubj/3/PERSON ,/PUNCT/punct/0 mayor/NOUN/appos/0 said/VERB/ROOT/3 it/PRON/dobj/3", 2, False),
    ],
)
def test_a_source_inside_an_organisations_name(spec: str, source: int, inside: bool) -> None:
    # "Lopez Group said" (NER took "Lopez" for a person), "Acme said": inside a name; "Lopez said", "Lopez aide
    # said", "Lopez, mayor, said" (the source "mayor" is Lopez's apposition, not part of a name): not
    doc = _parse(spec)
    said = doc[_tok(doc, "said")]
    c = Candidate("indirect", len(doc.text) - 3, len(doc.text) - 1, subj=doc[source], cue=said, rule="clause")
    assert features(c, doc.text).get("mention_in_name", 0.0) == float(inside)


# -- the tree's leaf; an outlet's relay -------------------------------------------------------------------------


def test_a_tree_sends_values_at_or_below_the_split_left() -> None:
    tree = {"f": [0, -1, -1], "t": [0.5, 0.0, 0.0], "l": [1, 0, 0], "r": [2, 0, 0], "v": [0.0, -1.0, 2.0]}
    assert tree_value(tree, [0.5]) == -1.0 and tree_value(tree, [0.2]) == -1.0 and tree_value(tree, [0.7]) == 2.0
    model = {"trees": [tree], "intercept": 0.0, "platt_a": 1.0, "platt_b": 0.0}
    assert probability(model, [0.7]) == pytest.approx(1.0 / (1.0 + math.exp(-2.0)))


def test_an_outlets_relay_of_reported_speech_is_no_speech() -> None:
    base = {"text": "x y z", "start": 0, "end": 5, "speech_act": "assertion", "cue": "said"}
    assert not speech(Quote(kind="indirect", outlet_report=True, **base))
    assert speech(Quote(kind="indirect", **base))
