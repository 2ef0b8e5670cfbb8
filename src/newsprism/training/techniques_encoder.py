"""The fine-tuned techniques tagger's training protocol: inner split of the PTC training part, epoch and threshold
choice, int8 vs fp32 ONNX, TC head refit, calibration, shown threshold and rule choices (``meta.json``).

Needs the ``train`` extra; the net, its training loop and export are in :mod:`newsprism.training.techniques_net`.
The result is ``tagger.onnx`` (int8 where it keeps accuracy) plus the TC weights (.npy) and ``meta.json``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from newsprism.techniques.states import LineStates
from newsprism.training.techniques_net import export_onnx, line_examples, net_outputs, train_net

if TYPE_CHECKING:
    from newsprism.datasets.ptc import PtcArticle
    from newsprism.techniques.neutral import Entry
    from newsprism.techniques.tagger import TaggerModel

EPOCHS = 2
NEG_SHARE = 0.3  # share of span-free lines per epoch
LR, HEAD_LR = 1e-4, 2e-3
THRESHOLDS = (0.3, 0.4, 0.5, 0.6)
SUMMARY_KEYS = ("int8", "calibration", "shown_threshold", "tune_shown", "repetition")
SHOWN_PRECISION = 0.60  # the shown-span threshold keeps spans at least this precise on the tuning split


def evaluate_tagger(
    arts: list[PtcArticle],
    states: dict[str, LineStates],
    toks: dict[str, list[Any]],
    outs: dict[str, list[dict[str, np.ndarray]]],
    classify: Any,
    classes: list[str],
    threshold: float,
    split_b: float = 0.5,
) -> dict[str, Any]:
    """SI P/R/F1 (tagger spans only), TC micro-F1 on gold spans and the (raw prob, overlaps gold) of every span."""
    from newsprism.datasets.ptc import line_sentences
    from newsprism.metrics import micro_f1, si_prf
    from newsprism.techniques.tagger import tag

    preds, golds, tc_pred, tc_gold, scored = [], [], [], [], []
    for a in arts:
        sents = line_sentences(a.text)
        gold_tc = [(s, e) for _, s, e in a.tc]
        spans, gp = tag(
            sents, [x for _, x in states[a.id]], outs[a.id], toks[a.id], threshold, split_b, classify, gold_tc
        )
        preds.append([(x.start, x.end) for x in spans])
        golds.append(a.si)
        scored += [(x.prob, int(any(x.start < ge and gs < x.end for gs, ge in a.si))) for x in spans]
        if a.tc:
            tc_pred += [classes[int(k)] for k in gp.argmax(axis=1)]
            tc_gold += [t for t, _, _ in a.tc]
    p, r, f = si_prf(preds, golds)
    return {"si_p": p, "si_r": r, "si_f1": f, "tc": micro_f1(tc_pred, tc_gold), "scored": scored, "preds": preds}


def _per_article(
    ex: list[dict[str, Any]], pairs: list[tuple[np.ndarray, np.ndarray]]
) -> dict[str, list[dict[str, np.ndarray]]]:
    out: dict[str, list[dict[str, np.ndarray]]] = {}
    for e, (p, h) in zip(ex, pairs, strict=True):
        out.setdefault(e["aid"], []).append({"tok_bio": p, "tok_hidden": h})
    return out


def _torch_classify(net: Any) -> Any:
    w = net.tc.weight.detach().numpy().astype(np.float32)
    b = net.tc.bias.detach().numpy().astype(np.float32)

    def classify(feats: np.ndarray) -> np.ndarray:
        z = feats @ w.T + b
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return np.asarray(e / e.sum(axis=1, keepdims=True), np.float32)

    return classify


def platt(scored: list[tuple[float, int]]) -> dict[str, float]:
    """Platt scaling of logit(raw prob) -> P(overlap) (sklearn logistic regression, no regularisation to speak of)."""
    from sklearn.linear_model import LogisticRegression

    p = np.clip(np.asarray([s for s, _ in scored]), 1e-6, 1 - 1e-6)
    y = np.asarray([t for _, t in scored])
    lr = LogisticRegression(C=1e4).fit(np.log(p / (1 - p))[:, None], y)
    return {"a": float(lr.coef_[0, 0]), "b": float(lr.intercept_[0])}


def shown_cut(scores: list[tuple[float, int]], target: float = SHOWN_PRECISION, min_n: int = 30) -> float:
    """Lowest score cut whose kept spans (score >= cut, at least ``min_n``) reach ``target`` precision."""
    pairs = sorted(scores, reverse=True)
    best = 1.0
    hits = 0
    for k, (s, y) in enumerate(pairs, start=1):
        hits += y
        last_of_tie = k == len(pairs) or pairs[k][0] != s  # a cut keeps every span scoring at least it
        if last_of_tie and k >= min_n and hits / k >= target:
            best = s
    return float(best)


@dataclass
class _TaggerData:
    """The PTC training part, its inner/tuning split, cached encoder states, tokens and line examples."""

    train_arts: list[PtcArticle]
    inner: list[PtcArticle]
    tune: list[PtcArticle]
    classes: list[str]
    states: dict[str, LineStates]
    toks: dict[str, list[Any]]
    ex_in: list[dict[str, Any]]
    ex_tu: list[dict[str, Any]]


def _tagger_data(data_dir: Path, seed: int, limit: int | None, log: Any) -> _TaggerData:
    """Inner split of the PTC training part (seed + 1, 20% tuning); ``limit`` caps the articles (smoke runs)."""
    from newsprism.datasets.ptc import load_ptc, split, tokenize
    from newsprism.techniques.model import shipped_model
    from newsprism.techniques.states import ptc_states

    t0 = time.time()
    arts = load_ptc(data_dir)
    train_arts, _ = split(arts, seed)
    inner, tune = split(train_arts, seed + 1, 0.2)
    if limit:
        inner, tune = inner[:limit], tune[: max(2, limit // 4)]
    classes = list(shipped_model().classes)
    states = ptc_states(inner + tune, log=log)
    toks = tokenize(inner + tune)
    ex_in, ex_tu = line_examples(inner, states, classes), line_examples(tune, states, classes)
    log(f"{len(ex_in)} inner / {len(ex_tu)} tuning lines ready in {time.time() - t0:.0f}s")
    return _TaggerData(train_arts, inner, tune, classes, states, toks, ex_in, ex_tu)


class _EpochChoice:
    """``on_epoch`` callback: scores every decoding threshold on the tuning split and keeps the best state."""

    def __init__(self, data: _TaggerData, log: Any) -> None:
        self.data, self.log = data, log
        self.history: list[dict[str, Any]] = []
        self.best: dict[str, Any] = {}

    def __call__(self, net: Any, epoch: int) -> None:
        import copy

        d = self.data
        outs = _per_article(d.ex_tu, net_outputs(net, d.ex_tu))
        for th in THRESHOLDS:
            r = evaluate_tagger(d.tune, d.states, d.toks, outs, _torch_classify(net), d.classes, th)
            row = {
                "epoch": epoch,
                "threshold": th,
                **{k: round(v, 4) for k, v in r.items() if k in ("si_p", "si_r", "si_f1", "tc")},
            }
            self.history.append(row)
            self.log(f"  tune {row}")
            if not self.best or r["si_f1"] + r["tc"] > self.best["si_f1"] + self.best["tc"]:
                self.best.update(row, si_f1=r["si_f1"], tc=r["tc"], state=copy.deepcopy(net.state_dict()))


def train_tagger(
    data_dir: Path, out_dir: Path, seed: int = 13, log: Any = print, epochs: int = EPOCHS, limit: int | None = None
) -> dict[str, Any]:
    """Inner split of the PTC training part (seed + 1): train on the inner articles, choose epoch, threshold,
    int8 vs fp32, calibration and the shown threshold on the tuning articles; write ``out_dir``. The validation
    split is not touched here (``newsprism bench techniques`` scores it)."""
    import json

    from newsprism.extras import require

    require("train", "newsprism train techniques")
    t0 = time.time()
    data = _tagger_data(data_dir, seed, limit, log)
    choice = _EpochChoice(data, log)
    t1 = time.time()
    net = train_net(
        data.ex_in, len(data.classes), epochs, seed, LR, HEAD_LR, neg_share=NEG_SHARE, log=log, on_epoch=choice
    )
    train_s = time.time() - t1
    best = choice.best
    net.load_state_dict(best["state"])
    log(f"chose epoch {best['epoch']} threshold {best['threshold']} (tune SI {best['si_f1']:.4f} TC {best['tc']:.4f})")
    out_dir.mkdir(parents=True, exist_ok=True)
    np.save(out_dir / "tc_coef.npy", net.tc.weight.detach().numpy().astype(np.float32), allow_pickle=False)
    meta = _train_meta(net, data, best, choice.history, epochs, seed, train_s)
    use_int8, fp32_r, int8_r = _choose_onnx(net, out_dir, data, best["threshold"], log)
    chosen = int8_r if use_int8 else fp32_r
    meta.update(apply_tc_refit(out_dir, meta, data.inner, data.tune, data.states, data.classes, chosen["tc"], log))
    meta.update(
        int8=use_int8,
        onnx_tune={
            "fp32": {k: round(fp32_r[k], 4) for k in ("si_p", "si_r", "si_f1", "tc")},
            "int8": {k: round(int8_r[k], 4) for k in ("si_p", "si_r", "si_f1", "tc")},
        },
        **_calibration(chosen["scored"]),
    )
    meta.update(_choose_rules(out_dir, meta, data.train_arts, data.tune, data.states, data.toks, log))
    meta["total_seconds"] = round(time.time() - t0)
    (out_dir / "meta.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    meta.update(_shown_choice(data_dir, out_dir, data.tune))
    log(f"wrote {out_dir} in {meta['total_seconds']}s: {json.dumps({k: meta[k] for k in SUMMARY_KEYS})}")
    return meta


def _train_meta(
    net: Any,
    data: _TaggerData,
    best: dict[str, Any],
    history: list[dict[str, Any]],
    epochs: int,
    seed: int,
    train_s: float,
) -> dict[str, Any]:
    """The meta.json entries of the trained net and its protocol (before the ONNX and rule choices)."""
    return {
        "classes": data.classes,
        "tc_bias": [float(x) for x in net.tc.bias.detach().numpy()],
        "threshold": best["threshold"],
        "split_b": 0.5,
        "epoch": best["epoch"],
        "epochs": epochs,
        "lr": [LR, HEAD_LR],
        "neg_share": NEG_SHARE,
        "seed": seed,
        "valid_share": 0.2,
        "state_layer": 4,
        "history": history,
        "inner_articles": len(data.inner),
        "tune_articles": len(data.tune),
        "train_seconds": round(train_s),
    }


def _choose_onnx(
    net: Any, out_dir: Path, data: _TaggerData, threshold: float, log: Any
) -> tuple[bool, dict[str, Any], dict[str, Any]]:
    """int8 vs fp32 through the shipped runtime path (onnxruntime), chosen on the tuning split: int8 unless it
    loses more than 0.005 SI F1 or TC; leaves the chosen one as ``tagger.onnx``. (use int8, fp32, int8 scores)."""
    from newsprism.nlp.encoder import Head

    results = {}
    for quant in (False, True):
        path = out_dir / ("tagger.onnx" if quant else "tagger.fp32.tmp.onnx")
        export_onnx(net, path, quantize=quant)
        head = Head(path)
        outs = {a.id: head.run([x for _, x in data.states[a.id]]) for a in data.tune}
        r = evaluate_tagger(data.tune, data.states, data.toks, outs, _torch_classify(net), data.classes, threshold)
        results[quant] = (path, r)
        log(f"  onnx {'int8' if quant else 'fp32'}: tune SI {r['si_f1']:.4f} (P {r['si_p']:.4f}) TC {r['tc']:.4f}")
    fp32_r, int8_r = results[False][1], results[True][1]
    use_int8 = int8_r["si_f1"] >= fp32_r["si_f1"] - 0.005 and int8_r["tc"] >= fp32_r["tc"] - 0.005
    if use_int8:
        results[False][0].unlink()
    else:
        results[False][0].replace(out_dir / "tagger.onnx")
    return use_int8, fp32_r, int8_r


def _calibration(scored: list[tuple[float, int]]) -> dict[str, Any]:
    """Platt calibration of the span scores, the shown-span threshold and what it keeps on the tuning split."""
    cal = platt(scored)
    cal_scores = [
        (float(1 / (1 + np.exp(-(cal["a"] * np.log(max(p, 1e-6) / max(1 - p, 1e-6)) + cal["b"])))), y)
        for p, y in scored
    ]
    threshold = shown_cut(cal_scores)
    shown = [y for s, y in cal_scores if s >= threshold]
    return {
        "calibration": cal,
        "shown_threshold": threshold,
        "tune_shown": {"n": len(shown), "precision": round(sum(shown) / max(1, len(shown)), 4)},
    }


def _shown_choice(data_dir: Path, out_dir: Path, tune: list[PtcArticle]) -> dict[str, Any]:
    """The shown threshold over the full detector's spans on the tuning articles (``training.techniques_shown``),
    written into ``out_dir``'s meta.json; returns the entries it wrote."""
    from newsprism.techniques.tagger import TaggerModel
    from newsprism.training.techniques_shown import TAGGER_PROTOCOL, choose_cut, tagger_tune_scored, write_shown

    scored = tagger_tune_scored(data_dir, TaggerModel.load(out_dir), tune)
    choice = write_shown(out_dir / "meta.json", choose_cut(scored), scored, TAGGER_PROTOCOL)
    return {"shown_threshold": choice["threshold"], "shown_choice": choice}


def _choose_rules(
    out_dir: Path,
    meta: dict[str, Any],
    train_arts: list[PtcArticle],
    tune: list[PtcArticle],
    states: dict[str, LineStates],
    toks: dict[str, list[Any]],
    log: Any,
) -> dict[str, Any]:
    """Rule precisions on the training articles (their spans' score) and, on the tuning split, whether
    repetition spans are kept all, filtered by the tagger, or dropped (full detector SI F1)."""
    from newsprism.nlp.encoder import Head
    from newsprism.techniques import neutral as lex
    from newsprism.techniques.tagger import TaggerModel

    entries = lex.load_lexicon(None)
    out = _rule_precisions(train_arts, entries)
    model = TaggerModel(
        Head(out_dir / "tagger.onnx"),
        np.load(out_dir / "tc_coef.npy"),
        np.asarray(meta["tc_bias"], np.float32),
        meta["classes"],
        {**meta, **out},
    )
    rows = {
        f"{rep}{'' if use_lex else '_nolex'}": _detector_f1(model, tune, states, toks, entries, rep, use_lex)
        for rep in ("none", "filtered", "all")
        for use_lex in (True, False)
    }
    log(f"  tune full-detector SI F1 by repetition/lexicon: {rows}")
    out["repetition"] = max(("none", "filtered", "all"), key=lambda r: rows[r])
    out["tune_rules"] = rows
    return out


def _rule_precisions(train_arts: list[PtcArticle], entries: tuple[Entry, ...]) -> dict[str, Any]:
    """Span precision of the neutral-wording lexicon and of the repetition rule on the training articles."""
    from newsprism.datasets.ptc import tokenize
    from newsprism.techniques import neutral as lex
    from newsprism.techniques.repetition import long_quotes, repeated_ngrams
    from newsprism.training.techniques import _span_precision

    all_toks = tokenize(train_arts)
    return {
        "lexicon_precision": _span_precision(
            train_arts, lambda a: [(h.start, h.end) for h in lex.find(a.text, entries)]
        ),
        "repetition_precision": _span_precision(
            train_arts, lambda a: [(s, e) for s, e, _ in repeated_ngrams(all_toks[a.id], quoted=long_quotes(a.text))]
        ),
    }


def _detector_f1(
    model: TaggerModel,
    tune: list[PtcArticle],
    states: dict[str, LineStates],
    toks: dict[str, list[Any]],
    entries: tuple[Entry, ...],
    repetition: str,
    use_lexicon: bool,
) -> float:
    """SI F1 of the full detector on the tuning articles with one repetition/lexicon setting."""
    from newsprism.datasets.ptc import line_sentences
    from newsprism.metrics import si_prf
    from newsprism.techniques.encoded import detect_encoded

    preds = [
        [
            (d.start, d.end)
            for d in detect_encoded(
                model,
                a.text,
                toks[a.id],
                line_sentences(a.text),
                [x for _, x in states[a.id]],
                entries,
                repetition=repetition,
                use_lexicon=use_lexicon,
            )
        ]
        for a in tune
    ]
    return round(si_prf(preds, [a.si for a in tune])[2], 4)


TC_CS = (0.1, 0.3, 1.0)


def gold_span_features(
    head: Any, arts: list[PtcArticle], states: dict[str, LineStates], classes: list[str]
) -> tuple[np.ndarray, np.ndarray]:
    """[mean tuned state over the span, mean over its line] of every gold TC span (through the exported head)."""
    from newsprism.datasets.ptc import line_sentences
    from newsprism.techniques.tagger import span_wordpieces

    cls_ix = {c: i for i, c in enumerate(classes)}
    feats, labels = [], []
    for a in arts:
        if not a.tc:
            continue
        encs = [x for _, x in states[a.id]]
        outs = head.run(encs)
        for (s, e), enc, out in zip(line_sentences(a.text), encs, outs, strict=True):
            hidden = out["tok_hidden"]
            for tech, gs, ge in a.tc:
                if s <= gs < e and tech in cls_ix:
                    first, last = span_wordpieces(enc.offsets + s, gs, min(ge, e))
                    if last > first:
                        feats.append(np.concatenate([hidden[first:last].mean(0), hidden.mean(0)]))
                        labels.append(cls_ix[tech])
    return np.asarray(feats, np.float32), np.asarray(labels)


def refit_tc(
    head: Any,
    inner: list[PtcArticle],
    tune: list[PtcArticle],
    states: dict[str, LineStates],
    classes: list[str],
    log: Any = print,
) -> tuple[float, dict[str, Any], np.ndarray, np.ndarray]:
    """Refit the technique classifier as a logistic regression on the exported head's span features of the inner
    articles (C and class weighting chosen on the tuning split); (tune micro-F1, choice, coef, bias)."""
    from sklearn.linear_model import LogisticRegression

    xi, yi = gold_span_features(head, inner, states, classes)
    xt, yt = gold_span_features(head, tune, states, classes)
    best: tuple[float, dict[str, Any], np.ndarray, np.ndarray] = (-1.0, {}, np.zeros(0), np.zeros(0))
    for c in TC_CS:
        for weight in (None, "balanced"):
            lr = LogisticRegression(C=c, class_weight=weight, max_iter=2000).fit(xi, yi)
            coef = np.zeros((len(classes), xi.shape[1]), np.float32)
            bias = np.full(len(classes), -30.0, np.float32)  # a class never seen in training is never predicted
            coef[lr.classes_] = lr.coef_
            bias[lr.classes_] = lr.intercept_
            acc = float(((xt @ coef.T + bias).argmax(1) == yt).mean())
            log(f"  TC refit C={c} class_weight={weight}: tune micro-F1 {acc:.4f}")
            if acc > best[0]:
                best = (acc, {"C": c, "class_weight": weight}, coef, bias)
    return best


def apply_tc_refit(
    out_dir: Path,
    meta: dict[str, Any],
    inner: list[PtcArticle],
    tune: list[PtcArticle],
    states: dict[str, LineStates],
    classes: list[str],
    joint_tc: float,
    log: Any = print,
) -> dict[str, Any]:
    """Replace the jointly trained TC head by the refitted logistic regression when it is better on the tuning
    split (writes ``tc_coef.npy``); returns the meta entries to record."""
    from newsprism.nlp.encoder import Head

    acc, choice, coef, bias = refit_tc(Head(out_dir / "tagger.onnx"), inner, tune, states, classes, log)
    out: dict[str, Any] = {"tc_tune": {"joint": round(joint_tc, 4), "refit": round(acc, 4), "refit_choice": choice}}
    if acc > joint_tc:
        np.save(out_dir / "tc_coef.npy", coef.astype(np.float32), allow_pickle=False)
        out.update(tc_bias=[float(b) for b in bias], tc_head="refit")
    else:
        out["tc_head"] = "joint"
    log(f"  TC head: {out}")
    return out
