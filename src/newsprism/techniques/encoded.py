"""Detections from the fine-tuned tagger (:mod:`newsprism.techniques.tagger`) plus the lexicon and repetition rules.

Rule spans come first (lexicon with neutral wording, then repeated n-grams); tagger spans that overlap them are
dropped. Every span is shown when its score reaches the model's shown threshold (one rule for all sources).
Repetition spans are kept only where the tagger's mean token probability over them reaches its
threshold when ``meta["repetition"] == "filtered"`` (the choice made on the inner tuning split).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from newsprism.techniques import neutral as lex
from newsprism.techniques.model import Detection
from newsprism.techniques.repetition import long_quotes, repeated_ngrams

if TYPE_CHECKING:
    from newsprism.nlp.encoder import SentenceStates
    from newsprism.techniques.features import Tok
    from newsprism.techniques.tagger import TaggerModel


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
    quoted = long_quotes(text) if quoted is None else quoted
    out: list[Detection] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    lex_precision = float(model.meta.get("lexicon_precision", 0.5))
    for h in hits:
        out.append(
            Detection(
                h.start,
                h.end,
                h.technique,
                lex_precision,
                1.0,
                "lexicon",
                h.neutral or None,
                h.source,
                shown=lex_precision >= model.shown_threshold,
                reason=h.explanation,
            )
        )
        taken.append((h.start, h.end))
    rep = repetition or str(model.meta.get("repetition", "filtered"))
    if rep != "none":
        starts = np.asarray([t.start for t in toks])
        rep_precision = float(model.meta.get("repetition_precision", 0.5))
        for s, e, n in repeated_ngrams(toks, quoted=quoted):
            if not free(s, e):
                continue
            lo, hi = int(np.searchsorted(starts, s)), int(np.searchsorted(starts, e))
            if rep == "filtered" and (hi <= lo or float(p_tok[lo:hi].mean()) < th):
                continue
            out.append(
                Detection(
                    s,
                    e,
                    "Repetition",
                    rep_precision,
                    1.0,
                    "repetition",
                    None,
                    str(n),
                    shown=rep_precision >= model.shown_threshold,
                )
            )
            taken.append((s, e))
    shown_cut = model.shown_threshold
    for sp in spans:
        if not free(sp.start, sp.end):
            continue
        k = int(np.argmax(sp.technique_probs))
        score = model.score(sp.prob)
        neutral = lex.neutral_for(text[sp.start : sp.end], entries)
        out.append(
            Detection(
                sp.start,
                sp.end,
                model.classes[k],
                score,
                float(sp.technique_probs[k]),
                "model",
                neutral,
                shown=score >= shown_cut,
            )
        )
    return sorted(out, key=lambda d: (d.start, d.end))
