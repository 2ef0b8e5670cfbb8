"""Run the techniques detector on one article (spaCy doc from the ``nlp`` stage)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from newsprism.model import Article, Technique, make_span
from newsprism.techniques import neutral as lex
from newsprism.techniques.embcache import embed_unique
from newsprism.techniques.explain import explain
from newsprism.techniques.features import tokens_from_doc
from newsprism.techniques.model import TechniquesModel, detect, shipped_model
from newsprism.techniques.repetition import LONG_QUOTE, long_quotes
from newsprism.techniques.summary import summarise

if TYPE_CHECKING:
    from spacy.tokens import Doc


def analyse(
    article: Article,
    doc: Doc,
    user_lexicon: str | None = None,
    model: TechniquesModel | None = None,
    sentence_vectors: np.ndarray | None = None,
) -> None:
    """Fill ``article.techniques`` and ``article.technique_summary``.

    ``sentence_vectors`` (MiniLM, one row per ``article.sentences``) feed the SI sentence gate; computed if absent.
    """
    model = model or shipped_model()
    entries = lex.load_lexicon(user_lexicon)
    toks = tokens_from_doc(doc)
    sents = [(s.start, s.end) for s in article.sentences]
    if sentence_vectors is None and model.si_gate_coef is not None and sents:
        sentence_vectors = embed_unique([article.text[s:e] for s, e in sents])
    # quoted speech the repetition rule ignores: long quotations by quotation marks, plus the quotes stage's
    # direct/block quotes (block quotes have no marks) when that stage ran
    quoted = long_quotes(article.text) + [
        (q.start, q.end)
        for q in getattr(article, "quotes", None) or []
        if q.kind in ("direct", "block") and len(article.text[q.start : q.end].split()) > LONG_QUOTE
    ]
    out = []
    for d in detect(model, article.text, toks, sents, entries, sentence_vectors=sentence_vectors, quoted=quoted):
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
    article.technique_summary = summarise(article)
