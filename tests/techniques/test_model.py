"""The techniques model's MiniLM parts: TC embedding weights, the SI sentence gate, safe round trip."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from newsprism.techniques.embcache import embed_unique
from newsprism.techniques.features import TC_FEATURES, Tok
from newsprism.techniques.model import TechniquesModel, shipped_model


def _tiny(gate: bool = True) -> TechniquesModel:
    emb = np.zeros((2, 768), dtype=np.float32)
    emb[1, 0] = 50.0  # class B wins whenever the span vector has a positive first component
    return TechniquesModel(
        np.zeros(2**18, dtype=np.float32),
        0.0,
        np.zeros((2, TC_FEATURES), dtype=np.float32),
        np.zeros(2, dtype=np.float32),
        ["Doubt", "Slogans"],
        {"threshold": 0.5, "gate_weight": 1.0, "gate_bias": 0.0},
        emb,
        np.ones(384, dtype=np.float32) if gate else None,
    )


def _embed(sign: float) -> Callable[[list[str]], np.ndarray]:
    def f(texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), 384), dtype=np.float32)
        out[:, 0] = sign
        return out

    return f


def test_classify_uses_span_embeddings() -> None:
    m = _tiny()
    spans, ctx, lem = [(0, 4)], ["Vote now."], [["vote"]]
    assert m.classes[int(m.classify("Vote now.", spans, ctx, lem, _embed(1.0)).argmax())] == "Slogans"
    assert m.classes[int(m.classify("Vote now.", spans, ctx, lem, _embed(-1.0)).argmax())] == "Doubt"


def test_sentence_gate_maps_tokens_to_their_sentence() -> None:
    m = _tiny()
    toks = [Tok(0, 3, "bad", "bad", "ADJ", "xxx", False), Tok(10, 14, "good", "good", "ADJ", "xxxx", False)]
    vecs = np.stack([np.full(384, 0.01, dtype=np.float32), np.full(384, -0.01, dtype=np.float32)])
    gate = m.sentence_gate(toks, [(0, 9), (10, 20)], vecs)
    assert gate is not None and gate[0] > 0 > gate[1]
    probs = m.token_probs("bad xxxx. good xxxxx", toks, [], gate)
    assert probs[0] > 0.5 > probs[1]
    assert m.sentence_gate(toks, [(0, 9), (10, 20)], None) is None
    assert _tiny(gate=False).sentence_gate(toks, [(0, 9), (10, 20)], vecs) is None


def test_round_trip_without_pickle(tmp_path: Path) -> None:
    m = _tiny()
    m.save(tmp_path)
    back = TechniquesModel.load(tmp_path)
    assert back.tc_emb_coef is not None and back.si_gate_coef is not None
    assert m.tc_emb_coef is not None and m.si_gate_coef is not None
    assert np.allclose(back.tc_emb_coef, m.tc_emb_coef) and np.allclose(back.si_gate_coef, m.si_gate_coef)
    for p in tmp_path.glob("*.npy"):
        np.load(p, allow_pickle=False)


def test_shipped_model_has_embedding_parts() -> None:
    m = shipped_model()
    assert m.tc_emb_coef is not None and m.tc_emb_coef.shape == (len(m.classes), 768)
    assert m.si_gate_coef is not None and m.si_gate_coef.shape == (384,)


def test_embed_unique_follows_input_order() -> None:
    vecs = embed_unique(["a cat", "the senate", "a cat"])
    assert vecs.shape == (3, 384)
    assert np.allclose(vecs[0], vecs[2]) and not np.allclose(vecs[0], vecs[1])
