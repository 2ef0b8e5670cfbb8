"""The span re-scorer: features, JSON round trip, the filter and the score it gives tagger spans."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from newsprism.techniques.features import TC_FEATURES, Tok
from newsprism.techniques.model import TechniquesModel, detect, shipped_model
from newsprism.techniques.rescore import FEATURES, Rescorer, span_vector

TEXT = "They are crooks and liars. The committee met on Monday."


def _toks(text: str = TEXT) -> list[Tok]:
    out, pos = [], 0
    for w in text.split(" "):
        pos = text.index(w, pos)
        word = w.strip(".")
        pos_tag = "NOUN" if word in ("crooks", "liars", "committee", "Monday") else "VERB"
        out.append(Tok(pos, pos + len(word), word.lower(), word.lower(), pos_tag, "xxxx", False))
        pos += len(w)
    return out


def _hot_model(rescorer: Rescorer | None, cut: float) -> TechniquesModel:
    """Every token has p = sigmoid(3) > threshold, so the tagger proposes the whole text as spans."""
    meta: dict[str, Any] = {"threshold": 0.5, "gate_weight": 0.0, "gate_bias": 0.0, "rescore_cut": cut}
    if rescorer is not None:
        meta["rescorer"] = rescorer.to_json()
    return TechniquesModel(
        np.zeros(2**18, dtype=np.float32),
        3.0,
        np.zeros((1, TC_FEATURES), dtype=np.float32),
        np.zeros(1, dtype=np.float32),
        ["Loaded_Language"],
        meta,
    )


def _const(p: float) -> Rescorer:
    n = len(FEATURES)
    return Rescorer((0.0,) * n, (1.0,) * n, (0.0,) * n, float(np.log(p / (1 - p))))


def _zero_embed(texts: list[str]) -> np.ndarray:
    return np.zeros((len(texts), 384), dtype=np.float32)


def test_span_vector_features() -> None:
    toks = _toks()
    sparse = np.linspace(-1.0, 1.0, len(toks)).astype(np.float32)
    gate = np.zeros(len(toks), dtype=np.float32)
    start, end = TEXT.index("crooks"), TEXT.index("liars") + len("liars")
    x = span_vector(TEXT, toks, sparse, gate, 0.0, start, end, [(0, 26), (27, len(TEXT))], [])
    assert len(x) == len(FEATURES)
    f = dict(zip(FEATURES, x, strict=True))
    assert f["log_tokens"] == pytest.approx(np.log(3))
    assert f["noun_share"] == pytest.approx(2 / 3)
    assert f["max_logit"] > f["min_logit"]
    assert f["sentence_share"] == pytest.approx((end - start) / 26)
    assert f["in_long_quote"] == 0.0
    assert span_vector(TEXT, toks, sparse, gate, 0.0, start, end, [(0, 26)], [(0, 26)])[-1] == 1.0


def test_rescorer_fit_json_round_trip() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, len(FEATURES)))
    y = (x[:, 0] + 0.3 * rng.normal(size=400) > 0).astype(int)
    r = Rescorer.fit(x, list(y))
    back = Rescorer.from_json(json.loads(json.dumps(r.to_json())))
    assert back == r
    hi, lo = np.zeros(len(FEATURES)), np.zeros(len(FEATURES))
    hi[0], lo[0] = 2.0, -2.0
    assert r.prob(list(hi)) > 0.8 > 0.2 > r.prob(list(lo))
    bad = dict(r.to_json(), features=["other"])
    with pytest.raises(ValueError):
        Rescorer.from_json(bad)


def test_rescore_cut_drops_spans_and_sets_score() -> None:
    toks = _toks()
    sents = [(0, 26), (27, len(TEXT))]
    kept = detect(_hot_model(_const(0.3), 0.25), TEXT, toks, sents, (), use_repetition=False, embed=_zero_embed)
    assert kept and all(d.source == "model" for d in kept)
    assert all(d.score == pytest.approx(0.3) for d in kept)  # the re-scorer's probability is the span score
    dropped = detect(_hot_model(_const(0.2), 0.25), TEXT, toks, sents, (), use_repetition=False, embed=_zero_embed)
    assert dropped == []
    # without a re-scorer nothing is filtered and the score is the (uncalibrated) mean token probability
    plain = detect(_hot_model(None, 0.9), TEXT, toks, sents, (), use_repetition=False, embed=_zero_embed)
    assert [(d.start, d.end) for d in plain] == [(d.start, d.end) for d in kept]
    assert all(d.score == pytest.approx(1 / (1 + np.exp(-3.0)), rel=1e-4) for d in plain)


def test_span_score_modes() -> None:
    m = _hot_model(_const(0.3), 0.0)
    x = [0.0] * len(FEATURES)
    assert m.span_score(0.6, x) == pytest.approx(0.3)
    m.meta["span_score"] = "raw"
    assert m.span_score(0.6, x) == pytest.approx(0.6)
    m.meta.update(span_score="platt", calibration={"a": 1.0, "b": 1.0})
    assert m.span_score(0.5, x) == pytest.approx(1 / (1 + np.exp(-1.0)))


def test_round_trip_keeps_rescorer(tmp_path: Path) -> None:
    m = _hot_model(_const(0.3), 0.25)
    m.save(tmp_path)
    back = TechniquesModel.load(tmp_path)
    assert back.rescorer == m.rescorer and back.meta["rescore_cut"] == 0.25


def test_shipped_model_rescorer() -> None:
    m = shipped_model()
    r = m.rescorer
    assert r is not None and len(r.coef) == len(FEATURES)
    assert 0.0 <= float(m.meta["rescore_cut"]) < 1.0
    assert m.meta["span_score"] in ("raw", "platt", "rescorer")
    # chosen on the inner tuning split, never on validation
    assert m.meta["tuning"]["span_score_ece"][m.meta["span_score"]] == min(m.meta["tuning"]["span_score_ece"].values())


def test_rescorer_filters_repetition_spans_when_enabled() -> None:
    # varied words between the uses: a verbatim-repeated 6-word run would be a re-quote, not repetition
    text = " ".join(f"{w} secure borders." for w in ("alpha", "beta", "gamma", "delta", "omega"))
    toks = [
        Tok(t.start, t.end, t.lower, t.lemma, "ADJ" if t.lower == "secure" else t.pos, t.shape, False)
        for t in _toks(text)
    ]
    sents = [(0, len(text))]

    def run(p: float, filter_rep: bool) -> list[str]:
        m = _hot_model(_const(p), 0.25)
        m.si_bias = -20.0  # the tagger proposes nothing: only rule spans remain
        m.meta["rescore_repetition"] = filter_rep
        return [d.source for d in detect(m, text, toks, sents, (), embed=_zero_embed)]

    assert run(0.2, False) and set(run(0.2, False)) == {"repetition"}
    assert run(0.2, True) == []  # rated below the cut: dropped
    assert run(0.3, True) == run(0.2, False)  # rated above the cut: kept
