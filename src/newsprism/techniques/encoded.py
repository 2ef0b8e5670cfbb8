"""Detections from the fine-tuned tagger (:mod:`newsprism.techniques.tagger`) plus the lexicon and repetition rules.

Rule spans come first (lexicon with neutral wording, then repeated n-grams); tagger spans that overlap them are
dropped. Every span is shown when its score reaches the model's shown threshold (one rule for all sources).
Repetition spans are kept only where the tagger's mean token probability over them reaches its
threshold when ``meta["repetition"] == "filtered"`` (the choice made on the inner tuning split).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np

from newsprism.techniques import neutral as lex
from newsprism.techniques.model import Detection, Taken, lexicon_detections
from newsprism.techniques.repetition import long_quotes, repeated_ngrams

if TYPE_CHECKING:
    from newsprism.nlp.encoder import SentenceStates
    from newsprism.techniques.features import Tok
    from newsprism.techniques.tagger import TaggedSpan, TaggerModel


def detect_encoded(
    model: TaggerModel,
    text: str,
    toks: list[Tok],
    sentences: list[tuple[int, int]],
    encodings: list[SentenceStates],
    entries: tuple[lex.Entry, ...],
    *,
    quoted: list[tuple[int, int]] | None = None,
    use_lexicon: bool = True,
    repetition: str | None = None,
    threshold: float | None = None,
    lexicon_scores: Mapping[str, float] | None = None,
) -> list[Detection]:
    """All detections of one text, sorted; each has ``shown`` set from the model's shown-span threshold.

    ``repetition``: "all" | "filtered" | "none" (default ``meta["repetition"]``)."""
    from newsprism.techniques.tagger import tag

    th = model.threshold if threshold is None else threshold
    outs = model.head.run(encodings)
    p_tok = np.zeros(len(toks), np.float32)
    spans, _ = tag(
        sentences, encodings, outs, toks, th, float(model.meta.get("split_b", 0.5)), model.classify, token_p=p_tok
    )
    hits = lex.find(text, entries) if use_lexicon else []
    out = lexicon_detections(hits, float(model.meta.get("lexicon_precision", 0.5)), lexicon_scores)
    taken = Taken()
    for h in hits:
        taken.add(h.start, h.end)
    rep = repetition or str(model.meta.get("repetition", "filtered"))
    if rep != "none":
        quoted = long_quotes(text) if quoted is None else quoted
        tagger_p = p_tok if rep == "filtered" else None
        out += _repetitions(model, toks, quoted, tagger_p, th, taken)
    out += _tagger_detections(model, text, spans, entries, taken)
    for d in out:  # one rule for every source
        d.shown = d.score >= model.shown_threshold
    return sorted(out, key=lambda d: (d.start, d.end))


def _repetitions(
    model: TaggerModel,
    toks: list[Tok],
    quoted: list[tuple[int, int]],
    tagger_p: np.ndarray | None,
    threshold: float,
    taken: Taken,
) -> list[Detection]:
    """Repeated n-grams outside quotations and free of earlier spans; with ``tagger_p`` (per-token tagger
    probability) only those whose mean probability reaches ``threshold``."""
    starts = np.asarray([t.start for t in toks])
    rep_precision = float(model.meta.get("repetition_precision", 0.5))
    out = []
    for s, e, n in repeated_ngrams(toks, quoted=quoted):
        if not taken.free(s, e):
            continue
        lo, hi = int(np.searchsorted(starts, s)), int(np.searchsorted(starts, e))
        if tagger_p is not None and (hi <= lo or float(tagger_p[lo:hi].mean()) < threshold):
            continue
        out.append(Detection(s, e, "Repetition", rep_precision, 1.0, "repetition", None, str(n)))
        taken.add(s, e)
    return out


def _tagger_detections(
    model: TaggerModel, text: str, spans: list[TaggedSpan], entries: tuple[lex.Entry, ...], taken: Taken
) -> list[Detection]:
    """The tagger's spans that overlap no rule span, with their most probable technique and neutral wording."""
    out = []
    for sp in spans:
        if not taken.free(sp.start, sp.end):
            continue
        k = int(np.argmax(sp.technique_probs))
        neutral = lex.neutral_for(text[sp.start : sp.end], entries)
        out.append(
            Detection(
                sp.start, sp.end, model.classes[k], model.score(sp.prob), float(sp.technique_probs[k]), "model", neutral
            )
        )
    return out
