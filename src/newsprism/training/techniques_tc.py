"""Refit the linear techniques model's TC classifier on span vectors from the shared encoder pass (issue 22).

The previous classifier read MiniLM embeddings of each span's text, a second encoder call per span at analysis
time. This one reads [mean of the sentence's encoder states over the span, the sentence's pooled vector]
(:mod:`newsprism.techniques.spanvec`), which the one pass per sentence already holds. Same protocol as
:func:`newsprism.training.techniques.train` for TC: C and class weight chosen on the inner split's tune part,
refit on every training article, scored once on validation. The SI tagger, gate, re-scorer, calibration and
shown threshold do not read the TC classifier and are kept as they are.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.datasets.ptc import PtcArticle, line_sentences, load_ptc, split, tokenize
from newsprism.metrics import micro_f1
from newsprism.techniques.features import Tok, hash_spans, span_features
from newsprism.techniques.model import MODEL_DIR, TechniquesModel, _lemmas, _sentence_of
from newsprism.techniques.spanvec import DIM, WIDE_BLOCKS, span_state_vectors
from newsprism.training.registry import trainer

CONFIGS: tuple[tuple[float, str | None], ...] = ((0.3, None), (1.0, None), (1.0, "balanced"))
# the wide span-vector layout (spanvec.wide_blocks; issue 27, session 10): 5-fold article-grouped CV on the 297
# training articles (C 1, balanced) 0.6161 ([span, pooled]) -> 0.6247, tune split 0.650 -> 0.654, but validation
# 0.5857 -> 0.5857 (measured once) at ~5x the span-vector time: not shipped (docs/models/techniques.md)
WIDE = False


def tc_data(
    arts: list[PtcArticle], toks: dict[str, list[Tok]], states: dict[str, Any], wide: bool = WIDE
) -> tuple[Any, list[str]]:
    """Hashed span features + EMB_WEIGHT x [state span vector, line pooled vector] (``wide``: and the wide
    blocks) of every gold TC span."""
    from scipy.sparse import csr_matrix, hstack

    from newsprism.training.techniques import EMB_WEIGHT

    feats: list[list[str]] = []
    labels: list[str] = []
    dense: list[np.ndarray] = []
    for a in arts:
        sents = line_sentences(a.text)
        spans = [(s, e) for _, s, e in a.tc]
        for tech, s, e in a.tc:
            feats.append(span_features(a.text, s, e, _sentence_of(sents, s, e, a.text), _lemmas(toks[a.id], s, e)))
            labels.append(tech)
        if spans:
            dense.append(span_state_vectors(sents, [x for _, x in states[a.id]], spans, wide))
    emb = np.vstack(dense) if dense else np.zeros((0, (WIDE_BLOCKS if wide else 2) * DIM), np.float32)
    return hstack([hash_spans(feats), csr_matrix(EMB_WEIGHT * emb)]).tocsr(), labels


def _score(fit: tuple[np.ndarray, np.ndarray, list[str], np.ndarray], x: Any, y: list[str]) -> float:
    from newsprism.training.techniques import EMB_WEIGHT

    coef, bias, classes, emb = fit
    full = np.hstack([coef, emb / EMB_WEIGHT])
    return micro_f1([classes[int(k)] for k in np.asarray(x @ full.T + bias).argmax(axis=1)], y)


def refit_tc(data_dir: Path, model_dir: Path, seed: int = 13, log: Any = print) -> dict[str, float]:
    """Choose and refit the TC classifier on state span vectors; rewrite ``model_dir``'s TC files and meta."""
    from newsprism.techniques.states import ptc_states
    from newsprism.training.techniques import _fit_tc

    t0 = time.time()
    arts = load_ptc(data_dir)
    model = TechniquesModel.load(model_dir)
    seed = int(model.meta.get("seed", seed))
    train_arts, valid_arts = split(arts, seed, float(model.meta.get("valid_share", 0.2)))
    inner, tune = split(train_arts, seed + 1, 0.2)
    toks = tokenize(arts)
    states = ptc_states(arts, log)
    log(f"tokens and encoder states of {len(arts)} articles in {time.time() - t0:.0f}s")
    x_in, y_in = tc_data(inner, toks, states)
    x_tune, y_tune = tc_data(tune, toks, states)
    tuned = [(_score(_fit_tc(x_in, y_in, c, cw), x_tune, y_tune), c, cw) for c, cw in CONFIGS]
    for acc, c, cw in tuned:
        log(f"TC C={c} class_weight={cw}: tune micro-F1 {acc:.3f}")
    best = max(tuned, key=lambda t: t[0])  # the first of equals, as train() keeps it
    x_tr, y_tr = tc_data(train_arts, toks, states)
    fit = _fit_tc(x_tr, y_tr, best[1], best[2])
    x_va, y_va = tc_data(valid_arts, toks, states)
    valid = _score(fit, x_va, y_va)
    model.tc_coef, model.tc_bias, model.classes, model.tc_emb_coef = fit
    meta = model.meta
    meta.update(tc_C=best[1], tc_class_weight=best[2], tc_span_vector="states_wide" if WIDE else "states")
    meta.setdefault("tuning", {})["tc_micro_f1"] = best[0]
    meta.setdefault("validation", {})["tc_micro_f1"] = valid
    model.save(model_dir)
    log(f"TC on state span vectors: tune {best[0]:.3f}, validation micro-F1 {valid:.3f} ({time.time() - t0:.0f}s)")
    return {"tc_micro_f1": valid, "tune_tc_micro_f1": best[0]}


@trainer("techniques-tc")
def train_techniques_tc(data_dir: Path, out_dir: Path, seed: int) -> dict[str, float]:
    """Refit the linear model's TC classifier on span vectors from the shared encoder pass (no span embedding)."""
    root = data_dir / "ptc" if (data_dir / "ptc").is_dir() else data_dir
    target = MODEL_DIR if out_dir.name == "techniques-tc" else out_dir
    return refit_tc(root, target, seed)
