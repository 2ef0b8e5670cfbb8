"""Shown-span thresholds of both techniques models (issue 27), chosen on the PTC training part only.

A span is shown (reports, views, summaries) when its calibrated ``score`` reaches the model's
``meta["shown_threshold"]``; every span stays in the JSON. The cut is chosen for precision (share of shown spans
that overlap a gold SI span) on held-out training articles, with the protocol each model's training uses:

- linear model: the out-of-fold spans of the 297 training articles (5 article-grouped folds, seed 99: the same
  folds :func:`newsprism.training.techniques.train` fits the re-scorer and the Platt calibration on), decoded
  with the shipped settings; each fold's tagger never saw the articles it decodes.
- fine-tuned tagger: the 59 tuning articles of the inner split (seed 14), which the shipped network was not
  trained on (:func:`newsprism.training.techniques_encoder.train_tagger`).

Every detection counts (lexicon, repetition and model spans), so the threshold is one rule over one calibrated
score. Lexicon spans count with the lexicon-wide precision here, not their per-row scores
(:mod:`newsprism.techniques.lexicon_scores`): those are measured on these same training articles, so they would
flatter the cut; the cut is the one chosen before per-row scores existed and stays reproducible. The cut is
the lowest score whose shown spans (at least ``MIN_SHOWN``) reach ``SHOWN_PRECISION``; when no cut does, the cut
of highest precision that still shows at least ``MIN_SHOWN`` spans (``reached`` false in the meta). The
validation split is not read here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsprism.training.registry import MODELS_DIR, trainer

if TYPE_CHECKING:
    from newsprism.datasets.ptc import PtcArticle
    from newsprism.techniques.model import TechniquesModel
    from newsprism.techniques.tagger import TaggerModel

SHOWN_PRECISION = 0.60  # the aim of issue 27: shown spans overlap a gold span at least this often
MIN_SHOWN = 30  # a cut must show at least this many held-out spans (a handful of lucky spans is no evidence)
TAGGER_PROTOCOL = "the 59 inner tuning articles (the network was trained on the other 238)"

Scored = list[tuple[str, float, int]]  # (method, score, overlaps a gold SI span)


def choose_cut(scored: Scored, target: float = SHOWN_PRECISION, min_n: int = MIN_SHOWN) -> dict[str, Any]:
    """The shown threshold over ``scored`` and what it shows: lowest cut reaching ``target`` precision with at
    least ``min_n`` spans, else the most precise cut with at least ``min_n`` spans (ties: the lower cut)."""
    pairs = sorted(((s, y) for _, s, y in scored), reverse=True)
    reached: tuple[float, int, float] | None = None
    best: tuple[float, int, float] | None = None
    hits = 0
    for k, (s, y) in enumerate(pairs, start=1):
        hits += y
        if k < len(pairs) and pairs[k][0] == s:
            continue  # a cut keeps every span scoring at least it: decide at the last of a tie
        prec = hits / k
        if k >= min_n and prec >= target:
            reached = (s, k, prec)
        if k >= min_n and (best is None or prec >= best[2]):
            best = (s, k, prec)
    chosen = reached or best
    if chosen is None:  # fewer than min_n spans in all: show nothing
        return {"threshold": 1.01, "reached": False, "n": 0, "precision": 0.0, "total": len(pairs)}
    cut, n, prec = chosen
    return {
        "threshold": round(float(cut), 6),
        "reached": reached is not None,
        "n": n,
        "precision": round(prec, 4),
        "total": len(pairs),
        "target": target,
        "min_n": min_n,
    }


def by_method(scored: Scored, cut: float) -> dict[str, dict[str, float]]:
    """Per source (lexicon, repetition, model): spans, shown spans and the precision of the shown ones."""
    out: dict[str, dict[str, float]] = {}
    for m in sorted({m for m, _, _ in scored}):
        rows = [(s, y) for mm, s, y in scored if mm == m]
        shown = [y for s, y in rows if s >= cut]
        out[m] = {"n": len(rows), "shown": len(shown), "precision": round(sum(shown) / len(shown), 4) if shown else 0.0}
    return out


def linear_oof_scored(data_dir: Path, seed: int = 13, model: TechniquesModel | None = None) -> Scored:
    """Every detection of the linear model's settings (``model``, default the shipped one) on the out-of-fold
    training articles, with its score."""
    from newsprism.bench.task_techniques import detector_inputs
    from newsprism.datasets.ptc import load_ptc, split, tokenize
    from newsprism.techniques import neutral as lex
    from newsprism.techniques.model import TechniquesModel, candidates, shipped_model
    from newsprism.training.techniques import SI_C, fold_models

    shipped = model or shipped_model()
    train_arts, _ = split(load_ptc(data_dir), seed)
    toks = tokenize(train_arts)
    entries = lex.load_lexicon(None)
    filter_rep = bool(shipped.meta.get("rescore_repetition"))
    out: Scored = []
    for m, held in fold_models(train_arts, toks, entries, SI_C):
        meta = dict(shipped.meta, gate_bias=m.meta["gate_bias"])
        fm = TechniquesModel(m.si_coef, m.si_bias, m.tc_coef, m.tc_bias, [], meta, None, m.si_gate_coef)
        for a in held:
            text, tk, sents, vectors = detector_inputs(fm, a, toks)
            cand = candidates(fm, text, tk, sents, entries, sentence_vectors=vectors, lexicon_scores={})
            dets = [
                (d.source, d.score, d.start, d.end)
                for d, x in zip(cand.rule, cand.rule_x, strict=True)
                if x is None or not filter_rep or fm.keep(x)
            ]
            dets += [("model", fm.span_score(p, x), s, e) for s, e, p, x in cand.model if fm.keep(x)]
            out += [(src, sc, int(any(s < ge and gs < e for gs, ge in a.si))) for src, sc, s, e in dets]
    return out


def tagger_tune_scored(
    data_dir: Path, tagger: TaggerModel | None = None, tune: list[PtcArticle] | None = None
) -> Scored:
    """Every detection of the fine-tuned tagger (default the shipped one) on its inner tuning articles (``tune``,
    default the seeded inner split of the training part), with its score."""
    from newsprism.datasets.ptc import line_sentences, load_ptc, split, tokenize
    from newsprism.techniques import neutral as lex
    from newsprism.techniques.encoded import detect_encoded
    from newsprism.techniques.states import ptc_states
    from newsprism.techniques.tagger import shipped_tagger

    tagger = tagger or shipped_tagger()
    if tune is None:
        seed = int(tagger.meta.get("seed", 13))
        train_arts, _ = split(load_ptc(data_dir), seed, float(tagger.meta.get("valid_share", 0.2)))
        _, tune = split(train_arts, seed + 1, 0.2)
    toks, states, entries = tokenize(tune), ptc_states(tune), lex.load_lexicon(None)
    out: Scored = []
    for a in tune:
        enc = [x for _, x in states[a.id]]
        for d in detect_encoded(tagger, a.text, toks[a.id], line_sentences(a.text), enc, entries, lexicon_scores={}):
            out.append((d.source, d.score, int(any(d.start < ge and gs < d.end for gs, ge in a.si))))
    return out


def write_shown(meta_path: Path, choice: dict[str, Any], scored: Scored, protocol: str) -> dict[str, Any]:
    """Store the chosen cut and its held-out evidence in a model's meta.json (other keys untouched)."""
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["shown_threshold"] = choice["threshold"]
    meta["shown_choice"] = {**choice, "protocol": protocol, "by_method": by_method(scored, choice["threshold"])}
    meta.pop("tune_shown", None)  # superseded by shown_choice
    indent = 1 if meta_path.parent.name == "tagger" else 2  # keep each file's own layout
    meta_path.write_text(json.dumps(meta, indent=indent, sort_keys=True) + "\n", encoding="utf-8")
    return meta["shown_choice"]


@trainer("techniques-shown")
def train_shown(data_dir: Path, out_dir: Path, seed: int) -> dict[str, float]:
    """Shown-span thresholds of both techniques models, chosen on held-out training articles (no refit)."""
    from newsprism.techniques.model import TechniquesModel
    from newsprism.training.techniques import OOF_PROTOCOL

    root = data_dir / "ptc" if (data_dir / "ptc").is_dir() else data_dir
    base = MODELS_DIR / "techniques" if out_dir.name == "techniques-shown" else out_dir
    result: dict[str, float] = {}
    runs = [("tagger", lambda: tagger_tune_scored(root), TAGGER_PROTOCOL)]
    if TechniquesModel.load(base).calibrator is None:
        runs.insert(0, ("linear", lambda: linear_oof_scored(root, seed), OOF_PROTOCOL))
    else:  # the span calibrator's trainer chooses the linear model's cut with its scores
        print("linear: shown cut kept (chosen by `newsprism train techniques-calibrator`)")
    for name, score, protocol in runs:
        scored = score()
        path = base / ("tagger" if name == "tagger" else "") / "meta.json"
        choice = write_shown(path, choose_cut(scored), scored, protocol)
        print(f"{name}: {json.dumps(choice)}")
        result.update({f"{name}_{k}": float(choice[k]) for k in ("threshold", "n", "precision", "total")})
    return result
