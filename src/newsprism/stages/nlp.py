"""The ``nlp`` stage: spaCy sentences and entities with offsets into the canonical text, and the Doc (with
repaired cue-verb lemmas) that later stages read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.model import Entity, Sentence
from newsprism.nlp.lemmas import COMPONENT as LEMMA_COMPONENT
from newsprism.nlp.lemmas import repair_cue_lemmas
from newsprism.nlp.pieces import parse
from newsprism.nlp.spacy_loader import load_spacy, model_files
from newsprism.offsets import strip_space
from newsprism.registry import Work, stage

if TYPE_CHECKING:
    from pathlib import Path

    from spacy.language import Language
    from spacy.tokens import Doc

    from newsprism.options import Options

PARAGRAPH_COMPONENT = "newsprism_paragraphs"
ENGLISH_STOPWORD_FLOOR = 0.2  # share of alphabetic tokens that are English stop words


def _paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every line break: news paragraphs never share a sentence."""
    for i, tok in enumerate(doc[:-1]):
        if ("\n" in tok.text_with_ws and not tok.is_space and i + 1 < len(doc)) or (tok.is_space and "\n" in tok.text):
            doc[i + 1].is_sent_start = True
    return doc


def pipeline(name: str) -> Language:
    """The spaCy pipeline ``name`` plus newsprism's components: paragraph sentence starts before the parser,
    cue-verb lemma repair after everything else (:mod:`newsprism.nlp.lemmas`)."""
    from spacy.language import Language

    nlp = load_spacy(name)
    if PARAGRAPH_COMPONENT not in nlp.pipe_names:
        if not Language.has_factory(PARAGRAPH_COMPONENT):
            Language.component(PARAGRAPH_COMPONENT)(_paragraph_starts)
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    if LEMMA_COMPONENT not in nlp.pipe_names:
        if not Language.has_factory(LEMMA_COMPONENT):
            Language.component(LEMMA_COMPONENT)(repair_cue_lemmas)
        nlp.add_pipe(LEMMA_COMPONENT, last=True)
    return nlp


# spaCy's own batch, below the article batch: 8 long texts at a time peak ~190 MB lower than 32 at the same CPU
# time, with identical parses (measured on 24-48 bench texts, issue 22)
SPACY_BATCH = 8


def english_share(doc: Doc) -> float:
    words = [t for t in doc if t.is_alpha]
    if not words:
        return 0.0
    return sum(t.is_stop for t in words) / len(words)


def _models(options: Options) -> dict[str, Path]:
    return model_files(options.spacy_model)


@stage("nlp", produces=("sentences", "entities", "language", "doc"), version="2", models=_models)
def nlp_stage(batch: list[Work], options: Options) -> None:
    """Sentences, named entities and language from spaCy (batched with nlp.pipe); the Doc for later stages."""
    nlp = pipeline(options.spacy_model)
    order = sorted(range(len(batch)), key=lambda i: len(batch[i].article.text))
    # bounded work whatever the text: long texts in pieces, capped sentences, punctuation runs (nlp/pieces.py)
    texts = (batch[i].article.text for i in order)
    docs = parse(nlp, texts, batch_size=min(options.batch_size, SPACY_BATCH))
    for i, doc in zip(order, docs, strict=True):
        work = batch[i]
        art = work.article
        work.doc = doc
        art.sentences = []
        for sent in doc.sents:
            s, e = strip_space(art.text, sent.start_char, sent.end_char)
            if e > s:
                art.sentences.append(Sentence(start=s, end=e))
        art.entities = [
            Entity(text=ent.text, label=ent.label_, start=ent.start_char, end=ent.end_char)
            for ent in doc.ents
            if ent.text.strip()
        ]
        if options.language_check and len(doc) >= 20 and english_share(doc) < ENGLISH_STOPWORD_FLOOR:
            art.language = art.language or "unknown"
            art.warn("W100", "text does not look like English; results may be unreliable")
        elif art.language is None:
            art.language = "en"
