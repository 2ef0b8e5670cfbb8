"""The shared metrics: claims (F1, MAP), SemEval-2020 Task 11 SI/TC, span matching, calibration, clustering,
extraction shingles."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.metrics import (
    SpanCounts,
    average_precision,
    bcubed_prf,
    calibration_errors,
    corpus_f1,
    ece,
    label_macro_f1,
    macro_f1,
    mean_average_precision,
    merge,
    micro_f1,
    page_pr,
    pairwise_prf,
    si_prf,
    trim_span,
)


def test_claim_metrics() -> None:
    assert average_precision([0, 1, 0, 1], [0.9, 0.8, 0.1, 0.7]) == pytest.approx((1 / 2 + 2 / 3) / 2)
    assert mean_average_precision(["a", "a", "b", "b"], [1, 0, 0, 1], [0.9, 0.1, 0.9, 0.1]) == pytest.approx(0.75)
    assert macro_f1(np.array([0, 1, 1, 0]), np.array([0, 1, 1, 0])) == 1.0


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


def test_trim_span_strips_marks_and_punctuation() -> None:
    text = "He said “hello there.”"
    assert trim_span(text, (8, len(text))) == (9, 20)
    assert trim_span(text, (20, 22)) is None


def test_span_counts_exact_and_overlap() -> None:
    text = "Sam said “we will win the race” today."
    gold = [(9, 31)]
    c = SpanCounts()
    c.add(text, [(10, 30)], gold)  # same span once quote marks are stripped
    assert c.prf("exact") == (1.0, 1.0, 1.0)
    c2 = SpanCounts()
    c2.add(text, [(10, 17), (32, 37)], gold)
    p, r, _f = c2.prf("overlap")
    assert (p, r) == (0.5, 1.0)
    assert c2.prf("exact")[2] == 0.0


def test_ece_of_a_perfect_and_a_wrong_model() -> None:
    y = np.array([0, 1, 1, 0])
    assert ece(np.array([0.0, 1.0, 1.0, 0.0]), y) == 0.0
    assert abs(ece(np.array([1.0, 0.0, 0.0, 1.0]), y) - 1.0) < 1e-9


def test_calibration_errors() -> None:
    ece, brier = calibration_errors([0.9, 0.9, 0.1, 0.1], [1, 1, 0, 0])
    assert ece == pytest.approx(0.1) and brier == pytest.approx(0.01)
    ece, _ = calibration_errors([0.9, 0.9], [0, 0])
    assert ece == pytest.approx(0.9)
    assert calibration_errors([], []) == (0.0, 0.0)


def test_pairwise_and_bcubed_on_toy_clusterings() -> None:
    gold = ["x", "x", "x", "y", "y", "z"]
    assert pairwise_prf([0, 0, 0, 1, 1, 2], gold) == (1.0, 1.0, 1.0)
    p, r, f = pairwise_prf([0, 0, 1, 2, 2, 3], gold)  # one x split off: 2 of 4 gold pairs found
    assert (p, r) == (1.0, 0.5) and f == pytest.approx(2 / 3)
    p, r, _ = pairwise_prf([0, 0, 0, 0, 0, 0], gold)
    assert p == pytest.approx(4 / 15) and r == 1.0
    bp, br, _ = bcubed_prf([0, 0, 0, 0, 0, 0], gold)
    assert br == 1.0 and bp == pytest.approx((3 * 3 / 6 + 2 * 2 / 6 + 1 / 6) / 6)


def test_shingle_precision_recall_and_corpus_f1() -> None:
    assert page_pr("a b c d e", "a b c d e") == (1.0, 1.0)
    p, r = page_pr("a b c d x y z w", "a b c d e")
    assert p == 0.2 and r == 0.5
    assert corpus_f1([("a b c d", "a b c d")]) == (1.0, 1.0, 1.0)


def test_label_macro_f1_equals_sklearn_over_the_labels_seen() -> None:
    from sklearn.metrics import f1_score

    gold = ["a", "a", "b", "c", "c", "c"]
    pred = ["a", "b", "b", "c", "a", "d"]
    want = f1_score(gold, pred, average="macro", zero_division=0)
    assert label_macro_f1(gold, pred) == pytest.approx(want)
    assert label_macro_f1(["x"], ["x"]) == 1.0
