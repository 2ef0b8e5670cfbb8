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
    tokens = [10] * 100 + [E.MAX_TOKENS] * 5  # short sentences, then full 256-token chunks
    order = sorted(range(len(tokens)), key=lambda i: tokens[i])
    batches = E._batches(order, tokens, 64)
    assert sorted(i for b in batches for i in b) == list(range(105))
    assert len(batches[0]) == min(64, E.TOKEN_BUDGET // 10)  # short texts: the batch-size cap or the budget
    assert not any(i < 100 and j >= 100 for b in batches for i in b for j in b)  # no chunk padded with short ones
    assert all(len(b) * max(tokens[i] for i in b) <= E.TOKEN_BUDGET for b in batches)
    assert E._batches([0], [E.TOKEN_BUDGET + 1], 64) == [[0]]  # a text over the budget goes alone


def test_batches_sort_by_wordpieces_and_outputs_do_not_depend_on_the_batch() -> None:
    texts = ["Short one.", "A rather longer sentence, with several more wordpieces in it than the others.", "Hi"]
    one = E.embedder()
    assert [i for b in one.batches(texts) for i in b] == [2, 0, 1]
    together = one.encode(texts)
    alone = np.vstack([one.encode([t]) for t in texts])
    assert np.abs(together - alone).max() < 1e-6
