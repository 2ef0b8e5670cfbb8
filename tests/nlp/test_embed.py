from __future__ import annotations

import importlib

import numpy as np
import pytest

E = importlib.import_module("newsprism.nlp.embed")


def test_memo_returns_the_same_vectors_and_encodes_each_text_once(monkeypatch: pytest.MonkeyPatch) -> None:
    enc = E.embedder()
    calls: list[list[str]] = []
    real = enc.encode

    def counting(texts: list[str], batch_size: int = 64) -> np.ndarray:
        calls.append(list(texts))
        return real(texts, batch_size)

    monkeypatch.setattr(enc, "encode", counting)
    enc._memo.clear()
    first = E.embed(["Stocks fell.", "The cat sat.", "Stocks fell."])
    again = E.embed(["The cat sat.", "A new line."])
    assert calls == [["Stocks fell.", "The cat sat."], ["A new line."]]
    assert np.array_equal(first[0], first[2]) and np.array_equal(first[1], again[0])
    assert np.allclose(first[1], real(["The cat sat."])[0], atol=1e-6)


def test_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    enc = E.embedder()
    monkeypatch.setattr(E, "MEMO_SIZE", 3)
    monkeypatch.setattr(enc, "encode", lambda texts, batch_size=64: np.ones((len(texts), 384), dtype=np.float32))
    enc._memo.clear()
    E.embed([f"text {i}" for i in range(5)])
    assert list(enc._memo) == ["text 2", "text 3", "text 4"]
    enc._memo.clear()


def test_threads_select_a_separate_encoder() -> None:
    E.set_threads(1)
    try:
        one = E.embedder()
        assert one.session.get_session_options().intra_op_num_threads == 1
    finally:
        E.set_threads(0)
    assert E.embedder() is not one


def test_batches_hold_a_token_budget_and_keep_every_text() -> None:
    chars = [20] * 100 + [1200] * 40  # short sentences, then ~256-token chunks
    order = sorted(range(len(chars)), key=lambda i: chars[i])
    batches = E._batches(order, chars, 64)
    assert sorted(i for b in batches for i in b) == list(range(140))
    assert [len(b) for b in batches[:2]] == [64, 36]  # short texts: the batch-size cap
    assert all(len(b) * E.MAX_TOKENS <= E.TOKEN_BUDGET for b in batches[2:])  # long texts: the token budget
    assert len(batches) == 2 + -(-40 // (E.TOKEN_BUDGET // E.MAX_TOKENS))
