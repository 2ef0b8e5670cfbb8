"""The TC refit's training rows (issue 22): hashed span features beside the span vectors of the shared pass."""

from __future__ import annotations

import numpy as np

from newsprism.datasets.ptc import PtcArticle
from newsprism.nlp.encoder import SentenceStates
from newsprism.techniques.features import TC_FEATURES, Tok
from newsprism.training.techniques import EMB_WEIGHT
from newsprism.training.techniques_tc import tc_data


def _line(n_pieces: int) -> SentenceStates:
    states = np.eye(n_pieces + 2, 384, dtype=np.float32)
    offs = np.array([(0, 0)] + [(4 * k, 4 * k + 3) for k in range(n_pieces)] + [(0, 0)], np.int64)
    return SentenceStates(states, offs, np.full(384, 0.25, np.float32))


def test_tc_data_rows_follow_the_gold_spans_with_state_vectors() -> None:
    text = "bad man sad\nthe end"
    art = PtcArticle("1", text, [(0, 3)], [("Loaded_Language", 0, 3), ("Doubt", 16, 19)])
    toks = {"1": [Tok(0, 3, "bad", "bad", "ADJ", "xxx", False), Tok(16, 19, "end", "end", "NOUN", "xxx", False)]}
    states = {"1": [(0, _line(3)), (12, _line(2))]}
    x, labels = tc_data([art], toks, states, wide=False)
    assert labels == ["Loaded_Language", "Doubt"]
    assert x.shape == (2, TC_FEATURES + 768)
    dense = x[:, TC_FEATURES:].toarray() / EMB_WEIGHT
    assert dense[0, 1] == np.float32(1.0)  # the first wordpiece of line 1 (state row 1 = unit vector 1)
    assert dense[1, 2] == np.float32(1.0)  # "end" = the second wordpiece of line 2
    assert np.allclose(dense[:, 384:], 0.25)  # each line's pooled vector


def test_tc_data_wide_layout_appends_six_blocks() -> None:
    """The wide layout (issue 27): the narrow columns first, then sentence mean, span max, left and right
    context, first and last wordpiece of the span."""
    text = "bad man sad"
    art = PtcArticle("1", text, [(4, 7)], [("Doubt", 4, 7)])
    toks = {"1": [Tok(4, 7, "man", "man", "NOUN", "xxx", False)]}
    states = {"1": [(0, _line(3))]}
    narrow, _ = tc_data([art], toks, states, wide=False)
    x, _ = tc_data([art], toks, states, wide=True)
    assert x.shape == (1, TC_FEATURES + 8 * 384)
    assert np.allclose(x[:, : TC_FEATURES + 768].toarray(), narrow.toarray())
    blocks = x[0, TC_FEATURES + 768 :].toarray().reshape(6, 384) / EMB_WEIGHT
    assert np.allclose(blocks[0, 1:4], 1 / np.sqrt(3))  # the mean of the three wordpieces, unit length
    assert blocks[1, 2] == np.float32(1.0)  # span max: its one wordpiece (state row 2)
    assert blocks[2, 1] == np.float32(1.0) and blocks[3, 3] == np.float32(1.0)  # left / right neighbours
    assert blocks[4, 2] == blocks[5, 2] == np.float32(1.0)  # first and last wordpiece
