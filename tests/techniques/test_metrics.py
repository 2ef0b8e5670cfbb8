"""SI partial-overlap scorer and repetition detector."""

from __future__ import annotations

import pytest

from newsprism.techniques.features import Tok
from newsprism.techniques.metrics import merge, micro_f1, si_prf
from newsprism.techniques.repetition import repeated_ngrams


def test_si_partial_overlap_credit() -> None:
    # pred 0-10 vs gold 5-15: overlap 5 -> P = 5/10, R = 5/10
    p, r, f = si_prf([[(0, 10)]], [[(5, 15)]])
    assert (p, r, f) == pytest.approx((0.5, 0.5, 0.5))
    # an extra non-overlapping prediction halves precision only
    p, r, _ = si_prf([[(0, 10), (20, 30)]], [[(5, 15)]])
    assert p == pytest.approx(0.25) and r == pytest.approx(0.5)
    assert si_prf([[]], [[(0, 3)]]) == (0.0, 0.0, 0.0)


def test_merge_and_micro_f1() -> None:
    assert merge([(5, 9), (0, 6), (12, 13)]) == [(0, 9), (12, 13)]
    assert micro_f1(["a", "b", "a"], ["a", "a", "a"]) == pytest.approx(2 / 3)


def _toks(words: list[tuple[str, str]]) -> list[Tok]:
    out, pos = [], 0
    for w, p in words:
        out.append(Tok(pos, pos + len(w), w.lower(), w.lower(), p, "xxxx", p in ("DET", "ADP")))
        pos += len(w) + 1
    return out


def test_repetition_counts_content_ngrams() -> None:
    phrase = [("open", "ADJ"), ("borders", "NOUN")]
    filler = [("we", "PRON"), ("reject", "VERB"), ("the", "DET")]
    verbs = ["reject", "fear", "oppose", "hate"]  # varied contexts: an identical 6-word run is a re-quote
    toks = _toks([w for v in verbs for w in [("we", "PRON"), (v, "VERB"), ("the", "DET"), *phrase]] + filler)
    reps = repeated_ngrams(toks)
    assert len(reps) == 3  # 2nd..4th occurrence
    assert all(c == 4 for _, _, c in reps)
    assert repeated_ngrams(_toks((filler + phrase) * 2)) == []
