"""Cue-verb lemma repair is a component of the nlp stage's spaCy pipeline, so the Doc is final after nlp."""

from __future__ import annotations

from newsprism.model import Article, content_id
from newsprism.nlp.lemmas import COMPONENT, repair_cue_lemmas
from newsprism.pipeline import Pipeline


def test_repair_leaves_base_forms_alone() -> None:
    import spacy

    doc = spacy.blank("en")("They seed the fields and he hopes for rain.")
    for tok, lemma in zip(doc, ["they", "seed", "the", "fields", "and", "he", "hop", "for", "rain", "."], strict=True):
        tok.pos_, tok.lemma_ = ("VERB" if tok.text in ("seed", "hopes") else "X"), lemma
    repair_cue_lemmas(doc)
    assert [doc[1].lemma_, doc[6].lemma_] == ["seed", "hope"]


def test_nlp_stage_doc_carries_repaired_lemmas() -> None:
    from newsprism.stages.nlp import pipeline

    pipe = Pipeline(stages=["nlp"])
    assert pipeline(pipe.options.spacy_model).pipe_names[-1] == COMPONENT
    text = 'Maria Lopez hopes the bill passes.\n\n"We will win," she retweeted.'
    doc = pipe.run_batch([Article(id=content_id(text), text=text)])[0].doc
    assert doc is not None
    lemmas = {t.text: t.lemma_ for t in doc if t.pos_ == "VERB"}
    assert lemmas.get("hopes") == "hope"
