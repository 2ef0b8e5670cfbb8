"""``newsprism bench techniques``: SI F1 (partial overlap) and TC micro-F1 on the PTC validation split."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

import numpy as np

from newsprism.bench.registry import BenchContext, Metric, evaluator, hash_files
from newsprism.datasets.ptc import PtcArticle, line_sentences, line_vectors
from newsprism.metrics import micro_f1, si_prf
from newsprism.techniques.embcache import cached_embed

if TYPE_CHECKING:
    from newsprism.nlp.encoder import SentenceStates
    from newsprism.techniques import neutral as lex
    from newsprism.techniques.features import Tok
    from newsprism.techniques.model import TechniquesModel
    from newsprism.techniques.states import LineStates
    from newsprism.techniques.tagger import TaggerModel

PUBLISHED = {
    "si_f1": (0.47, "SemEval-2020 Task 11 strong dev-set system SI F1"),
    "tc_micro_f1": (0.68, "SemEval-2020 Task 11 strong dev-set system TC micro-F1 (mid test systems 0.582)"),
}
QUICK_ARTICLES = 30


def no_embedding(texts: list[str]) -> np.ndarray:
    """Zero MiniLM vectors: SI scoring needs span boundaries only, not the detections' technique labels."""
    return np.zeros((len(texts), 384), dtype=np.float32)


def _no_states(text: str) -> SentenceStates:
    """A sentence's stand-in encoding when only span boundaries and scores are scored (no wordpieces)."""
    from newsprism.nlp.encoder import SentenceStates

    return SentenceStates(np.zeros((0, 384), np.float32), np.zeros((0, 2), np.int64), np.zeros(384, np.float32))


def evaluate(
    model: TechniquesModel,
    arts: list[PtcArticle],
    toks: dict[str, list[Tok]],
    entries: tuple[lex.Entry, ...],
    *,
    use_lexicon: bool = True,
    use_repetition: bool = True,
    embed: Any = cached_embed,
    states: dict[str, LineStates] | None = None,
) -> dict[str, float]:
    """SI P/R/F1 (partial overlap) of the full detector, TC micro-F1 on gold spans (a model that reads span
    vectors from encoder states gets the lines' cached states, ``states`` or :func:`ptc_states`)."""
    from newsprism.techniques.model import _lemmas, _sentence_of, detect
    from newsprism.techniques.spanvec import span_state_vectors

    if model.span_states and states is None:
        from newsprism.techniques.states import ptc_states

        states = ptc_states(arts)
    preds, golds, tc_pred, tc_gold = [], [], [], []
    for a in arts:
        text, tk, sents, vectors = detector_inputs(model, a, toks)
        dets = detect(
            model,
            text,
            tk,
            sents,
            entries,
            use_lexicon=use_lexicon,
            use_repetition=use_repetition,
            embed=no_embedding,  # SI scores spans only: the detections' technique labels do not count here
            sentence_vectors=vectors,
            encodings=[x for _, x in states[a.id]] if states is not None else None,
        )
        preds.append([(d.start, d.end) for d in dets])
        golds.append(a.si)
        if a.tc:
            spans = [(s, e) for _, s, e in a.tc]
            enc = [x for _, x in states[a.id]] if states is not None else None
            dense = span_state_vectors(sents, enc, spans, model.wide_states) if enc is not None else None
            probs = model.classify(
                a.text,
                spans,
                [_sentence_of(sents, s, e, a.text) for s, e in spans],
                [_lemmas(toks[a.id], s, e) for s, e in spans],
                embed,
                dense if model.span_states else None,
            )
            tc_pred += [model.classes[int(k)] for k in probs.argmax(axis=1)]
            tc_gold += [t for t, _, _ in a.tc]
    p, r, f = si_prf(preds, golds)
    return {
        "si_precision": p,
        "si_recall": r,
        "si_f1": f,
        "tc_micro_f1": micro_f1(tc_pred, tc_gold),
        "tc_n": float(len(tc_gold)),
    }


def detector_inputs(
    model: TechniquesModel, a: PtcArticle, toks: dict[str, list[Tok]]
) -> tuple[str, list[Tok], list[tuple[int, int]], np.ndarray | None]:
    """What `detect` / `candidates` take for one PTC article: text, tokens, line sentences and (only when
    the model has a sentence gate) the lines' MiniLM vectors."""
    return a.text, toks[a.id], line_sentences(a.text), line_vectors(a) if model.si_gate_coef is not None else None


def scored_spans(
    model: TechniquesModel,
    arts: list[PtcArticle],
    toks: dict[str, list[Tok]],
    entries: tuple[lex.Entry, ...],
    states: dict[str, LineStates] | None = None,
) -> list[tuple[str, float, int]]:
    """(method, score, overlaps a gold SI span) for every detection of the full detector. A model with a span
    calibrator reads the TC classifier, so it gets the lines' encoder states (``states`` or :func:`ptc_states`)."""
    from newsprism.techniques.model import detect

    if model.calibrator is not None and states is None:
        from newsprism.techniques.states import ptc_states

        states = ptc_states(arts)
    out = []
    for a in arts:
        text, tk, sents, vectors = detector_inputs(model, a, toks)
        # without a calibrator labels do not count here: a model reading encoder states may get zero states
        enc = [x for _, x in states[a.id]] if states is not None else None
        if enc is None and model.span_states:
            enc = [_no_states(text[s:e]) for s, e in sents]
        dets = detect(model, text, tk, sents, entries, embed=no_embedding, sentence_vectors=vectors, encodings=enc)
        out += [(d.source, d.score, int(any(d.start < ge and gs < d.end for gs, ge in a.si))) for d in dets]
    return out


def evaluate_tagger(
    tagger: TaggerModel,
    arts: list[PtcArticle],
    toks: dict[str, list[Tok]],
    entries: tuple[lex.Entry, ...],
    states: dict[str, LineStates] | None = None,
) -> dict[str, float]:
    """The fine-tuned tagger's full detector (lexicon + repetition + tagger) on PTC lines: SI P/R/F1, TC
    micro-F1 on gold spans, and the precision of shown spans (share overlapping a gold span; SemEval P too)."""
    from newsprism.techniques.encoded import detect_encoded
    from newsprism.techniques.states import ptc_states
    from newsprism.techniques.tagger import tag

    states = ptc_states(arts) if states is None else states
    preds, golds, shown, tc_pred, tc_gold, hits = [], [], [], [], [], []
    n_dets = 0
    for a in arts:
        sents = line_sentences(a.text)
        enc = [x for _, x in states[a.id]]
        dets = detect_encoded(tagger, a.text, toks[a.id], sents, enc, entries)
        preds.append([(d.start, d.end) for d in dets])
        n_dets += len(dets)
        shown.append([(d.start, d.end) for d in dets if d.shown])
        golds.append(a.si)
        hits += [int(any(d.start < ge and gs < d.end for gs, ge in a.si)) for d in dets if d.shown]
        if a.tc:
            outs = tagger.head.run(enc)
            _, gp = tag(sents, enc, outs, toks[a.id], 1.1, 1.0, tagger.classify, [(s, e) for _, s, e in a.tc])
            tc_pred += [tagger.classes[int(k)] for k in gp.argmax(axis=1)]
            tc_gold += [t for t, _, _ in a.tc]
    p, r, f = si_prf(preds, golds)
    sp, _, _ = si_prf(shown, golds)
    return {
        "si_precision": p,
        "si_recall": r,
        "si_f1": f,
        "tc_micro_f1": micro_f1(tc_pred, tc_gold),
        "tc_n": float(len(tc_gold)),
        "shown_precision": sum(hits) / len(hits) if hits else 0.0,
        "shown_si_precision": sp,
        "shown_n": float(len(hits)),
        "shown_share": len(hits) / n_dets if n_dets else 0.0,
    }


def shown_linear(
    model: TechniquesModel,
    arts: list[PtcArticle],
    toks: dict[str, list[Tok]],
    entries: tuple[lex.Entry, ...],
    states: dict[str, LineStates] | None = None,
) -> dict[str, float]:
    """The linear model's shown spans (score >= its shown threshold, as ``detect`` marks them): the share that
    overlaps a gold span, their number and their share of all detections."""
    scored = scored_spans(model, arts, toks, entries, states)
    hits = [y for _, score, y in scored if score >= model.shown_threshold]
    return {
        "shown_precision": sum(hits) / len(hits) if hits else 0.0,
        "shown_n": float(len(hits)),
        "shown_share": len(hits) / len(scored) if scored else 0.0,
    }


@evaluator("techniques", datasets=("ptc",))
def bench_techniques(ctx: BenchContext) -> list[Metric]:
    """PTC span identification F1, TC micro-F1 and shown-span precision: the default model, the other beside it."""
    from newsprism.datasets.ptc import data_files, load_ptc, split, tokenize
    from newsprism.options import load_options
    from newsprism.techniques import neutral as lex
    from newsprism.techniques.model import shipped_model
    from newsprism.techniques.tagger import shipped_tagger

    root = ctx.path("ptc") if ctx.path("ptc").is_dir() else ctx.data_dir
    arts = load_ptc(root)
    model = shipped_model()
    tagger = shipped_tagger()
    if ctx.split != "test":
        arts = split(arts, int(tagger.meta.get("seed", 13)), float(tagger.meta.get("valid_share", 0.2)))[1]
    if ctx.quick:
        arts = sorted(random.Random(ctx.seed).sample(arts, min(QUICK_ARTICLES, len(arts))), key=lambda a: a.id)
    toks = tokenize(arts)
    entries = lex.load_lexicon(None)
    from newsprism.techniques.states import ptc_states

    states = ptc_states(arts)  # the lines' encoder states, read once for both models
    scores = {
        "tagger": evaluate_tagger(tagger, arts, toks, entries, states),
        "linear": evaluate(model, arts, toks, entries, states=states),
    }
    scores["linear"].update(shown_linear(model, arts, toks, entries, states))
    data_hash = hash_files(data_files(root))
    cuts = {"linear": model.shown_threshold, "tagger": tagger.shown_threshold}
    default = load_options().techniques_model  # unprefixed: the model the stage runs; the other one prefixed
    other = "linear" if default == "tagger" else "tagger"
    out = []
    for prefix, which in (("", default), (f"{other}_", other)):
        values = scores[which]
        for name in ("si_f1", "si_precision", "si_recall", "tc_micro_f1", "shown_precision", "shown_n", "shown_share"):
            ref, note = PUBLISHED.get(name, (None, "")) if not prefix else (None, f"the {other} model, side by side")
            if name.startswith("shown"):
                note = (note + "; " if note else "") + f"shown threshold {cuts[which]:.4f}"
            n = int(values["tc_n"]) if name.startswith("tc") else len(arts)
            out.append(Metric("techniques", prefix + name, round(values[name], 4), ref, note, n, ctx.split, data_hash))
    return out
