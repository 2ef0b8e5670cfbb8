"""SemEval-2020 Task 11 scores: SI with partial-overlap credit, TC micro-F1."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def si_prf(
    pred: Sequence[Sequence[tuple[int, int]]], gold: Sequence[Sequence[tuple[int, int]]]
) -> tuple[float, float, float]:
    """Per-article span lists -> (precision, recall, F1) as the task-1 scorer defines them.

    P = (1/|S|) sum_s sum_t |s∩t|/|s|, R = (1/|T|) sum_t sum_s |s∩t|/|t| (overlapping spans merged first).
    """
    p_sum = r_sum = 0.0
    n_pred = n_gold = 0
    for ps, gs in zip(pred, gold, strict=True):
        ps_m, gs_m = merge(ps), merge(gs)
        n_pred += len(ps_m)
        n_gold += len(gs_m)
        for s in ps_m:
            for t in gs_m:
                inter = min(s[1], t[1]) - max(s[0], t[0])
                if inter > 0:
                    p_sum += inter / (s[1] - s[0])
                    r_sum += inter / (t[1] - t[0])
    p = p_sum / n_pred if n_pred else 0.0
    r = r_sum / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def micro_f1(pred: Sequence[str], gold: Sequence[str]) -> float:
    """Micro-F1 over single-label predictions on gold spans (= accuracy)."""
    return sum(a == b for a, b in zip(pred, gold, strict=True)) / len(gold) if gold else 0.0


def calibration_errors(probs: Sequence[float], labels: Sequence[int], bins: int = 10) -> tuple[float, float]:
    """(expected calibration error over ``bins`` equal-width bins, Brier score) of probabilities vs 0/1 labels."""
    n = len(probs)
    if not n:
        return 0.0, 0.0
    brier = sum((p - y) ** 2 for p, y in zip(probs, labels, strict=True)) / n
    ece = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, p in enumerate(probs) if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if idx:
            conf = sum(probs[i] for i in idx) / len(idx)
            acc = sum(labels[i] for i in idx) / len(idx)
            ece += len(idx) / n * abs(conf - acc)
    return ece, brier
