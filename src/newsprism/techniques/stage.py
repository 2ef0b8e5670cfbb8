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

    from newsprism.nlp.encoder import SentenceStates
    from newsprism.techniques.tagger import TaggerModel


def voice_of(article: Article, start: int, end: int) -> tuple[str, str | None]:
    """("quoted", speaker name or None) when the span lies inside a direct, partial or block quote of the quotes
    stage, else ("author", None): indirect speech is the writer's paraphrase, and quoted terms and scare quotes
    are the writer's own framing."""
    for q in getattr(article, "quotes", None) or []:
        if q.kind in ("direct", "partial", "block") and q.start <= start and end <= q.end:
            return "quoted", (q.speaker.name if q.speaker is not None else None)
    return "author", None


def _quoted(article: Article) -> list[tuple[int, int]]:
    """Quoted speech the repetition rule ignores: long quotations by quotation marks, plus the quotes stage's
    direct/block quotes (block quotes have no marks) when that stage ran."""
    return long_quotes(article.text) + [
        (q.start, q.end)
        for q in getattr(article, "quotes", None) or []
        if q.kind in ("direct", "block") and len(article.text[q.start : q.end].split()) > LONG_QUOTE
    ]


def analyse(
    article: Article,
    doc: Doc,
    user_lexicon: str | None = None,
    *,
    which: str = "linear",
    states: list[SentenceStates] | None = None,
    sentence_vectors: np.ndarray | None = None,
    model: TechniquesModel | None = None,
    tagger: TaggerModel | None = None,
) -> None:
    """Fill ``article.techniques`` and ``article.technique_summary``. ``which`` (option ``techniques_model``):
    ``"tagger"`` (``tagger`` or the shipped one) or ``"linear"`` (``model`` or the shipped one; its sentence gate
    reads ``sentence_vectors``, one MiniLM row per sentence, computed if absent). ``states``: the shared encoder
    pass's states per ``article.sentences`` (:mod:`newsprism.nlp.encoder`), the tagger's input and the linear
    model's span vectors; encoded here when absent."""
    entries = lex.load_lexicon(user_lexicon)
    toks = tokens_from_doc(doc)
    sents = [(s.start, s.end) for s in article.sentences]
    quoted = _quoted(article)
    if which == "tagger":
        from newsprism.techniques.encoded import detect_encoded
        from newsprism.techniques.tagger import shipped_tagger

        if states is None:
            from newsprism.nlp.encoder import encode

            states = encode([article.text[s:e] for s, e in sents])
        dets = detect_encoded(tagger or shipped_tagger(), article.text, toks, sents, states, entries, quoted=quoted)
    else:
        model = model or shipped_model()
        if sentence_vectors is None and model.si_gate_coef is not None and sents:
            sentence_vectors = embed_unique([article.text[s:e] for s, e in sents])
        vecs = sentence_vectors
        dets = detect(model, article.text, toks, sents, entries, sentence_vectors=vecs, quoted=quoted, encodings=states)
    out = []
    for d in dets:
        text = article.text[d.start : d.end]
        count = int(d.evidence) if d.source == "repetition" and d.evidence.isdigit() else None
        voice, speaker = voice_of(article, d.start, d.end)
        out.append(
            make_span(
                article,
                d.start,
                d.end,
                Technique,
                technique=d.technique,
                score=round(d.score, 4),
                explanation=explain(d.technique, text, d.neutral, count, d.reason),
                neutral=d.neutral,
                technique_probability=round(d.technique_probability, 4),
                method=d.source,
                voice=voice,
                speaker=speaker,
                shown=d.shown,
            )
        )
    article.techniques = out
    article.technique_summary = summarise(article)
