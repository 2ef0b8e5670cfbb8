"""Train the techniques model on PTC (seeded by-article split); it is scored with the bench's evaluator."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.bench.task_techniques import detector_inputs, evaluate, scored_spans
from newsprism.datasets.ptc import PtcArticle, line_sentences, line_vectors, load_ptc, split, tokenize
from newsprism.metrics import calibration_errors, micro_f1, si_prf
from newsprism.techniques import TECHNIQUES
from newsprism.techniques import neutral as lex
from newsprism.techniques.embcache import cached_embed
from newsprism.techniques.features import (
    TC_FEATURES,
    Tok,
    hash_spans,
    hash_tokens,
    lex_mask,
    span_features,
)
from newsprism.techniques.model import TechniquesModel, _lemmas, _sentence_of, candidates, tc_embeddings
from newsprism.techniques.repetition import long_quotes, repeated_ngrams
from newsprism.techniques.rescore import Rescorer
from newsprism.training.registry import trainer


def _si_matrix(
    arts: list[PtcArticle], toks: dict[str, list[Tok]], entries: tuple[lex.Entry, ...]
) -> tuple[Any, np.ndarray]:
    from scipy.sparse import vstack

    from newsprism.techniques.features import token_features

    xs: list[Any] = []
    ys: list[int] = []
    for a in arts:
        ts = toks[a.id]
        hits = [(h.start, h.end) for h in lex.find(a.text, entries)]
        xs.append(hash_tokens(token_features(a.text, ts, lex_mask(ts, hits))))
        ys.extend(int(any(t.start < e and s < t.end for s, e in a.si)) for t in ts)
    return vstack(xs).tocsr(), np.asarray(ys)


EMB_WEIGHT = 3.0  # scale of the 768 dense MiniLM columns beside the hashed sparse ones (chosen by the first engineer)


def _tc_data(arts: list[PtcArticle], toks: dict[str, list[Tok]]) -> tuple[Any, list[str]]:
    """Hashed span features + EMB_WEIGHT x [MiniLM span, MiniLM sentence] (cached embeddings)."""
    from scipy.sparse import csr_matrix, hstack

    feats, labels, embs = [], [], []
    for a in arts:
        sents = line_sentences(a.text)
        spans = [(s, e) for _, s, e in a.tc]
        ctxs = [_sentence_of(sents, s, e, a.text) for s, e in spans]
        for (tech, s, e), ctx in zip(a.tc, ctxs, strict=True):
            feats.append(span_features(a.text, s, e, ctx, _lemmas(toks[a.id], s, e)))
            labels.append(tech)
        if spans:
            embs.append(tc_embeddings(a.text, spans, ctxs, cached_embed))
    dense = np.vstack(embs) if embs else np.zeros((0, 768), dtype=np.float32)
    return hstack([hash_spans(feats), csr_matrix(EMB_WEIGHT * dense)]).tocsr(), labels


def _fit_si(x: Any, y: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, solver="liblinear", max_iter=200)
    clf.fit(x, y)
    return clf.coef_.ravel().astype(np.float32), float(clf.intercept_[0])


def _fit_tc(
    x: Any, y: list[str], c: float, class_weight: str | None = None
) -> tuple[np.ndarray, np.ndarray, list[str], np.ndarray]:
    """-> (sparse coef, bias, classes, dense embedding coef already scaled by EMB_WEIGHT); the dense columns are
    those after the TC_FEATURES hashed ones."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, max_iter=500, class_weight=class_weight)
    clf.fit(x, y)
    coef = clf.coef_.astype(np.float32)
    n = TC_FEATURES
    return coef[:, :n], clf.intercept_.astype(np.float32), [str(k) for k in clf.classes_], EMB_WEIGHT * coef[:, n:]


def _fit_gate(arts: list[PtcArticle], c: float = 1.0) -> tuple[np.ndarray, float]:
    """Sentence gate: logistic regression on a line's MiniLM vector -> the line overlaps a gold SI span."""
    from sklearn.linear_model import LogisticRegression

    ys = [int(any(s < ge and gs < e for gs, ge in a.si)) for a in arts for s, e in line_sentences(a.text)]
    clf = LogisticRegression(C=c, max_iter=1000).fit(np.vstack([line_vectors(a) for a in arts]), ys)
    return clf.coef_.ravel().astype(np.float32), float(clf.intercept_[0])


def _logit(p: float) -> float:
    q = min(max(p, 1e-6), 1 - 1e-6)
    return float(np.log(q / (1 - q)))


def fit_platt(ps: list[float], ys: list[int]) -> dict[str, float]:
    """Platt scaling sigmoid(a * logit(p) + b) of model spans' mean token probability p (label: overlaps gold)."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=1e4).fit([[_logit(p)] for p in ps], ys)
    return {"a": float(clf.coef_[0, 0]), "b": float(clf.intercept_[0]), "n": float(len(ys))}


def fit_calibration(spans: list[tuple[str, float, int]]) -> dict[str, float]:
    """Platt scaling of model spans' scores (``scored_spans`` of a model without calibration)."""
    return fit_platt([p for m, p, _ in spans if m == "model"], [y for m, _, y in spans if m == "model"])


# (start, end, re-scorer features, mean token probability, overlaps a gold span)
Span = tuple[int, int, list[float], float, int]
FOLDS = 5


def _overlaps(s: int, e: int, gold: list[tuple[int, int]]) -> int:
    return int(any(s < ge and gs < e for gs, ge in gold))


def model_spans(
    model: TechniquesModel, arts: list[PtcArticle], toks: dict[str, list[Tok]], entries: tuple[lex.Entry, ...]
) -> tuple[dict[str, list[Span]], dict[str, list[tuple[int, int, list[float] | None]]]]:
    """Per article: the tagger's candidate spans (before the re-scorer filter) with features and gold label,
    and the rule spans (start, end, re-scorer features of a repetition span / None for a lexicon span)."""
    out, rules = {}, {}
    for a in arts:
        text, tk, sents, vectors = detector_inputs(model, a, toks)
        cand = candidates(model, text, tk, sents, entries, sentence_vectors=vectors)
        out[a.id] = [(s, e, x, p, _overlaps(s, e, a.si)) for s, e, p, x in cand.model]
        rules[a.id] = [(d.start, d.end, x) for d, x in zip(cand.rule, cand.rule_x, strict=True)]
    return out, rules


def fold_models(
    arts: list[PtcArticle],
    toks: dict[str, list[Tok]],
    entries: tuple[lex.Entry, ...],
    si_c: float,
    k: int = FOLDS,
    seed: int = 99,
) -> list[tuple[TechniquesModel, list[PtcArticle]]]:
    """k taggers (sparse LR + gate), each fitted without one fold of ``arts``, with that held-out fold.

    Their spans on the held-out folds are out-of-fold: the re-scorer and Platt calibration fitted on them see
    the kind of spans the final tagger (fitted on all of ``arts``) produces on unseen articles.
    """
    import random

    ids = sorted(a.id for a in arts)
    random.Random(seed).shuffle(ids)
    fold = {aid: i % k for i, aid in enumerate(ids)}
    out = []
    for f in range(k):
        fit = [a for a in arts if fold[a.id] != f]
        x, y = _si_matrix(fit, toks, entries)
        coef, bias = _fit_si(x, y, si_c)
        gate_coef, gate_bias = _fit_gate(fit)
        m = TechniquesModel(coef, bias, np.zeros((0, 0)), np.zeros(0), [], {"gate_bias": gate_bias}, None, gate_coef)
        out.append((m, [a for a in arts if fold[a.id] == f]))
    return out


def oof_spans(
    folds: list[tuple[TechniquesModel, list[PtcArticle]]],
    meta: dict[str, Any],
    toks: dict[str, list[Tok]],
    entries: tuple[lex.Entry, ...],
) -> list[Span]:
    """Out-of-fold candidate spans of ``folds`` decoded with ``meta``'s threshold and gate weight."""
    out: list[Span] = []
    for m, held in folds:
        fm = TechniquesModel(
            m.si_coef,
            m.si_bias,
            m.tc_coef,
            m.tc_bias,
            [],
            dict(meta, gate_bias=m.meta["gate_bias"]),
            None,
            m.si_gate_coef,
        )
        for spans in model_spans(fm, held, toks, entries)[0].values():
            out += spans
    return out


def si_f1_by_cut(
    arts: list[PtcArticle],
    rules: dict[str, list[tuple[int, int, list[float] | None]]],
    spans: dict[str, list[Span]],
    rescorer: Rescorer,
    cuts: tuple[float, ...],
    filter_repetition: bool = False,
) -> dict[float, tuple[float, float, float]]:
    """SI P/R/F1 of rule spans + tagger spans whose re-scorer probability is >= each cut (repetition spans
    filtered the same way when ``filter_repetition``)."""
    q = {aid: [rescorer.prob(x) for _, _, x, _, _ in ss] for aid, ss in spans.items()}
    qr = {aid: [1.0 if x is None else rescorer.prob(x) for _, _, x in rs] for aid, rs in rules.items()}
    out = {}
    for cut in cuts:
        preds = [
            [(r[0], r[1]) for r, qi in zip(rules[a.id], qr[a.id], strict=True) if not filter_repetition or qi >= cut]
            + [(sp[0], sp[1]) for sp, qi in zip(spans[a.id], q[a.id], strict=True) if qi >= cut]
            for a in arts
        ]
        out[cut] = si_prf(preds, [a.si for a in arts])
    return out


def calibration_report(spans: list[tuple[str, float, int]]) -> dict[str, float]:
    """ECE / Brier of all detections and of model spans only."""
    ece, brier = calibration_errors([p for _, p, _ in spans], [y for _, _, y in spans])
    model = [(p, y) for m, p, y in spans if m == "model"]
    m_ece, m_brier = calibration_errors([p for p, _ in model], [y for _, y in model])
    return {"ece": ece, "brier": brier, "model_ece": m_ece, "model_brier": m_brier, "n": float(len(spans))}


def _span_precision(arts: list[PtcArticle], finder: Any) -> float:
    """Share of a rule's matches that overlap a gold SI span (used as that rule's calibrated score)."""
    hit = total = 0
    for a in arts:
        for s, e in finder(a):
            total += 1
            hit += any(s < ge and gs < e for gs, ge in a.si)
    return hit / total if total else 0.5


SI_C = 0.3  # the SI tagger's inverse regularisation
OOF_PROTOCOL = "out-of-fold spans, 5 article folds of the 297 training articles"
THRESHOLDS = (0.1, 0.12, 0.16, 0.2, 0.25)
RESCORE_CUTS = (0.0, 0.2, 0.25, 0.3, 0.35, 0.4)


def _ece_of(spans: list[Span], score: Any) -> float:
    return calibration_errors([score(x, p) for _, _, x, p, _ in spans], [y for *_, y in spans])[0]


@dataclass
class Fits:
    """SI tagger, TC classifier and sentence gate fitted on one set of articles."""

    si_coef: np.ndarray
    si_bias: float
    tc_coef: np.ndarray
    tc_bias: np.ndarray
    classes: list[str]
    tc_emb: np.ndarray
    gate_coef: np.ndarray
    gate_bias: float

    def model(self, meta: dict[str, Any], gate: bool = True) -> TechniquesModel:
        coef, bias = self.si_coef, self.si_bias
        gate_coef = self.gate_coef if gate else None
        return TechniquesModel(coef, bias, self.tc_coef, self.tc_bias, self.classes, meta, self.tc_emb, gate_coef)


def _fit_all(
    arts: list[PtcArticle], toks: dict[str, list[Tok]], entries: tuple[lex.Entry, ...], si_c: float, tc: Any
) -> Fits:
    """SI tagger (C ``si_c``), TC classifier (``tc`` = (C, class_weight)) and sentence gate on ``arts``."""
    si_coef, si_bias = _fit_si(*_si_matrix(arts, toks, entries), si_c)
    xtc, ytc = _tc_data(arts, toks)
    tc_coef, tc_bias, classes, tc_emb = _fit_tc(xtc, ytc, *tc)
    gate_coef, gate_bias = _fit_gate(arts)
    return Fits(si_coef, si_bias, tc_coef, tc_bias, classes, tc_emb, gate_coef, gate_bias)


def _choose_gate_weight(
    fits: Fits,
    tune: list[PtcArticle],
    toks: dict[str, list[Tok]],
    entries: tuple[lex.Entry, ...],
    meta: dict[str, Any],
    log: Any,
) -> float:
    """The sentence-gate weight with the best SI F1 on ``tune`` (over a few thresholds)."""
    best_w: tuple[float, float] = (-1.0, 0.0)
    for w in (0.0, 0.5, 1.0):
        for th in (0.16, 0.2, 0.25):
            m = fits.model(dict(meta, threshold=th, gate_weight=w, gate_bias=fits.gate_bias))
            f = evaluate(m, tune, toks, entries)["si_f1"]
            log(f"SI C={SI_C} gate weight={w} threshold={th}: tune F1 {f:.3f}")
            if f > best_w[0]:
                best_w = (f, w)
    return best_w[1]


@dataclass
class RescoreChoice:
    """Tagger threshold, re-scorer cut and whether it filters repetition spans, chosen on the tuning split."""

    si_f1: float
    threshold: float
    cut: float
    repetition: bool
    rescorer: Rescorer
    oof: list[Span]  # the inner articles' out-of-fold spans at ``threshold``
    tune_spans: dict[str, list[Span]]  # the tuning articles' spans at ``threshold``


def _choose_rescore(
    fits: Fits,
    inner: list[PtcArticle],
    tune: list[PtcArticle],
    toks: dict[str, list[Tok]],
    entries: tuple[lex.Entry, ...],
    meta: dict[str, Any],
    gate_w: float,
    log: Any,
) -> RescoreChoice:
    """Span re-scorer fitted on out-of-fold spans of the inner articles; threshold and cut chosen on ``tune``."""
    inner_folds = fold_models(inner, toks, entries, SI_C)
    best: RescoreChoice | None = None
    for th in THRESHOLDS:
        m_meta = dict(meta, threshold=th, gate_weight=gate_w, gate_bias=fits.gate_bias)
        oof = oof_spans(inner_folds, m_meta, toks, entries)
        rescorer = Rescorer.fit(np.asarray([x for _, _, x, _, _ in oof]), [y for *_, y in oof])
        tune_spans, rules = model_spans(fits.model(m_meta), tune, toks, entries)
        for rep in (False, True):
            for cut, (p, r, f) in si_f1_by_cut(tune, rules, tune_spans, rescorer, RESCORE_CUTS, rep).items():
                log(f"SI threshold={th} cut={cut} filter repetition={rep}: tune F1 {f:.3f} (P {p:.3f} / R {r:.3f})")
                if best is None or f > best.si_f1:
                    best = RescoreChoice(f, th, cut, rep, rescorer, oof, tune_spans)
    assert best is not None
    return best


def _choose_span_score(fits: Fits, choice: RescoreChoice, meta: dict[str, Any]) -> tuple[str, dict[str, float]]:
    """Span-score calibration with the lowest ECE on the tuning split's kept spans: the raw mean token
    probability, Platt scaling fitted on the inner out-of-fold spans, or the re-scorer's probability."""
    rescorer, cut = choice.rescorer, choice.cut
    oof = [sp for sp in choice.oof if rescorer.prob(sp[2]) >= cut]
    kept = [sp for ss in choice.tune_spans.values() for sp in ss if rescorer.prob(sp[2]) >= cut]
    platt = fit_platt([p for *_, p, _ in oof], [y for *_, y in oof])
    inner_m = fits.model(dict(meta, calibration=platt), gate=False)
    ece = {
        "raw": _ece_of(kept, lambda x, p: p),
        "platt": _ece_of(kept, lambda x, p: inner_m.calibrate(p)),
        "rescorer": _ece_of(kept, lambda x, p: rescorer.prob(x)),
    }
    return min(ece, key=lambda k: ece[k]), ece | {"n_kept": float(len(kept))}


def _choose_tc(
    inner: list[PtcArticle], tune: list[PtcArticle], toks: dict[str, list[Tok]], log: Any
) -> tuple[float, float, str | None]:
    """(tune micro-F1, C, class_weight) of the best TC classifier fitted on ``inner``."""
    best: tuple[float, float, str | None] = (-1.0, 1.0, None)
    xt_tc, yt_tc = _tc_data(inner, toks)
    xtune_tc, ytune_tc = _tc_data(tune, toks)
    for c, cw in ((0.3, None), (1.0, None), (1.0, "balanced")):
        coef, bias, cls, emb = _fit_tc(xt_tc, yt_tc, c, cw)
        full = np.hstack([coef, emb / EMB_WEIGHT])
        pred = [cls[int(k)] for k in np.asarray(xtune_tc @ full.T + bias).argmax(axis=1)]
        acc = micro_f1(pred, ytune_tc)
        log(f"TC C={c} class_weight={cw}: tune micro-F1 {acc:.3f}")
        if acc > best[0]:
            best = (acc, c, cw)
    return best


def _validation_report(
    model: TechniquesModel,
    fits: Fits,
    platt: dict[str, float],
    valid: list[PtcArticle],
    toks: dict[str, list[Tok]],
    entries: tuple[lex.Entry, ...],
) -> tuple[dict[str, float], dict[str, float]]:
    """Validation scores of ``model`` with its calibration and the other span-score calibrations (reported only),
    and the ablations (no repetition filter, no lexicon, no repetition rule, no re-scorer cut)."""
    metrics = evaluate(model, valid, toks, entries)
    cal = calibration_report(scored_spans(model, valid, toks, entries))
    metrics.update({f"cal_{k}": v for k, v in cal.items()})
    base_meta = {k: v for k, v in model.meta.items() if k != "calibration"}
    alternatives: tuple[tuple[str, dict[str, Any]], ...] = (
        ("raw", {"span_score": "raw"}),
        ("platt", {"span_score": "platt", "calibration": platt}),
        ("rescorer", {"span_score": "rescorer"}),
    )
    gate = model.si_gate_coef is not None
    for name, extra in alternatives:
        if name != model.meta["span_score"]:
            report = calibration_report(scored_spans(fits.model({**base_meta, **extra}, gate), valid, toks, entries))
            metrics.update({f"{name}_{k}": v for k, v in report.items() if k != "n"})
    meta = model.meta
    ablation = {
        "no_repetition_filter_si_f1": evaluate(
            fits.model({**meta, "rescore_repetition": False}, gate), valid, toks, entries
        )["si_f1"],
        "no_lexicon_si_f1": evaluate(model, valid, toks, entries, use_lexicon=False)["si_f1"],
        "no_repetition_si_f1": evaluate(model, valid, toks, entries, use_repetition=False)["si_f1"],
        "no_rescore_cut_si_f1": evaluate(fits.model({**meta, "rescore_cut": 0.0}, gate), valid, toks, entries)["si_f1"],
    }
    return metrics, ablation


def train(data_dir: Path, out_dir: Path, seed: int = 13, log: Any = print) -> dict[str, float]:
    """The PTC protocol: (1) on an inner split of the training part choose the SI gate weight, threshold,
    re-scorer cut, span-score calibration and TC C; (2) refit on all training articles (re-scorer and Platt on
    their out-of-fold spans) and score validation once (plus calibration alternatives and ablations, reported)."""
    t0 = time.time()
    arts = load_ptc(data_dir)
    train_arts, valid_arts = split(arts, seed)
    inner, tune = split(train_arts, seed + 1, 0.2)
    entries = lex.load_lexicon(None)
    toks = tokenize(arts)
    log(f"tokenised {len(arts)} articles in {time.time() - t0:.0f}s")
    lex_p = _span_precision(train_arts, lambda a: [(h.start, h.end) for h in lex.find(a.text, entries)])
    rep_p = _span_precision(
        train_arts, lambda a: [(s, e) for s, e, _ in repeated_ngrams(toks[a.id], quoted=long_quotes(a.text))]
    )
    meta: dict[str, Any] = {"lexicon_precision": lex_p, "repetition_precision": rep_p, "seed": seed, "valid_share": 0.2}
    # 1) choices on the inner split
    inner_fits = _fit_all(inner, toks, entries, SI_C, (1.0,))
    gate_w = _choose_gate_weight(inner_fits, tune, toks, entries, meta, log)
    choice = _choose_rescore(inner_fits, inner, tune, toks, entries, meta, gate_w, log)
    span_score, ece = _choose_span_score(inner_fits, choice, meta)
    log(f"tune ECE of kept model spans (n={int(ece.pop('n_kept'))}): {ece} -> {span_score}")
    tc_best = _choose_tc(inner, tune, toks, log)
    # 2) refit on all training articles, measure once on validation
    fits = _fit_all(train_arts, toks, entries, SI_C, tc_best[1:])
    assert set(fits.classes) <= set(TECHNIQUES), fits.classes
    meta.update(
        threshold=choice.threshold, gate_weight=gate_w, gate_bias=fits.gate_bias, si_C=SI_C, tc_C=tc_best[1],
        tc_class_weight=tc_best[2], tc_emb_weight=EMB_WEIGHT, n_train_articles=len(train_arts),
        n_valid_articles=len(valid_arts),
    )  # fmt: skip
    final_oof = oof_spans(fold_models(train_arts, toks, entries, SI_C), meta, toks, entries)
    rescorer = Rescorer.fit(np.asarray([x for _, _, x, _, _ in final_oof]), [y for *_, y in final_oof])
    final_kept = [sp for sp in final_oof if rescorer.prob(sp[2]) >= choice.cut]
    platt = fit_platt([p for *_, p, _ in final_kept], [y for *_, y in final_kept])
    log(f"re-scorer on {len(final_oof)} out-of-fold spans, Platt on {len(final_kept)} kept: {platt}")
    meta.update(rescorer=rescorer.to_json(), rescore_cut=choice.cut, rescore_repetition=choice.repetition)
    meta.update(span_score=span_score, **({"calibration": platt} if span_score == "platt" else {}))
    model = fits.model(meta, gate=bool(gate_w))
    metrics, ablation = _validation_report(model, fits, platt, valid_arts, toks, entries)
    model.meta["validation"] = metrics
    model.meta["ablation"] = ablation
    model.meta["tuning"] = {"si_f1": choice.si_f1, "span_score_ece": ece, "tc_micro_f1": tc_best[0]}
    model.save(out_dir)
    from newsprism.training.techniques_shown import choose_cut, linear_oof_scored, write_shown

    scored = linear_oof_scored(data_dir, seed, model)  # the shown threshold, on out-of-fold training articles
    log(f"shown threshold: {write_shown(out_dir / 'meta.json', choose_cut(scored), scored, OOF_PROTOCOL)}")
    log(f"validation: {metrics} ablation: {ablation} ({time.time() - t0:.0f}s)")
    return {**metrics, **ablation}


@trainer("techniques")
def train_techniques(data_dir: Path, out_dir: Path, seed: int) -> dict[str, float]:
    """Persuasion techniques from PTC: fine-tuned MiniLM tagger (needs the train extra) into OUT/tagger/."""
    from newsprism.training.techniques_encoder import train_tagger

    root = data_dir / "ptc" if (data_dir / "ptc").is_dir() else data_dir
    meta = train_tagger(root, out_dir / "tagger", seed)
    return {k: float(v) for k, v in meta["onnx_tune"]["int8" if meta["int8"] else "fp32"].items()}


@trainer("techniques-linear")
def train_techniques_linear(data_dir: Path, out_dir: Path, seed: int) -> dict[str, float]:
    """Persuasion techniques from PTC, the previous linear model (SI tagger + TC classifier), validation split."""
    root = data_dir / "ptc" if (data_dir / "ptc").is_dir() else data_dir
    # the CLI's default target is models/<task>; the linear model's files live in models/techniques
    target = out_dir.with_name("techniques") if out_dir.name == "techniques-linear" else out_dir
    metrics = train(root, target, seed)
    from newsprism.training.techniques_calibrator import fit_calibrator
    from newsprism.training.techniques_tc import refit_tc

    # the shipped TC classifier reads span vectors from the shared encoder pass (issue 22): refit it that way
    metrics.update(refit_tc(root, target, seed))
    # then the span calibrator and shown cut on the refit model's out-of-fold detections (issue 27, session 10)
    shown = fit_calibrator(root, target, seed)
    return {**metrics, "shown_threshold": float(shown["threshold"]), "shown_precision_oof": float(shown["precision"])}
