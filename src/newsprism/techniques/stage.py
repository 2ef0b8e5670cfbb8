"""Run the techniques detector on one article (spaCy doc from the ``nlp`` stage)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.model import Article, Technique, make_span
from newsprism.techniques import neutral as lex
from newsprism.techniques.explain import explain
from newsprism.techniques.features import tokens_from_doc
from newsprism.techniques.model import TechniquesModel, detect, shipped_model
from newsprism.techniques.summary import summarise

if TYPE_CHECKING:
    from spacy.tokens import Doc


def analyse(article: Article, doc: Doc, user_lexicon: str | None = None, model: TechniquesModel | None = None) -> None:
    """Fill ``article.techniques`` and the ``technique_summary`` extra."""
    model = model or shipped_model()
    entries = lex.load_lexicon(user_lexicon)
    toks = tokens_from_doc(doc)
    sents = [(s.start, s.end) for s in article.sentences]
    out = []
    for d in detect(model, article.text, toks, sents, entries):
        text = article.text[d.start : d.end]
        count = int(d.evidence) if d.source == "repetition" and d.evidence.isdigit() else None
        out.append(
            make_span(
                article,
                d.start,
                d.end,
                Technique,
                technique=d.technique,
                score=round(d.score, 4),
                explanation=explain(d.technique, text, d.neutral, count),
                neutral=d.neutral,
                technique_probability=round(d.technique_probability, 4),
                method=d.source,
            )
        )
    article.techniques = out
    article.technique_summary = summarise(article)  # type: ignore[attr-defined]
