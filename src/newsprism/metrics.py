"""Every evaluation metric the bench and the trainers share, in one place.

Binary/multi-class scores (positive-class F1, macro-F1, MAP over debates), span scores (SemEval-2020 Task 11
SI with partial-overlap credit, exact/overlap span matching for attribution), calibration (top-label ECE,
binary ECE and Brier), clustering (pairwise and B-cubed) and the extraction benchmark's shingle F1.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from newsprism.slant.calibration import as_matrix


def f1_at(y: np.ndarray, p: np.ndarray, threshold: float) -> float:
    pred = p >= threshold
    tp = float(np.sum(pred & (y == 1)))
    fp = float(np.sum(pred & (y == 0)))
    fn = float(np.sum(~pred & (y == 1)))
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def macro_f1(y: np.ndarray, pred: np.ndarray) -> float:
    pred = np.asarray(pred).astype(int)
    f1s = [f1_at((y == c).astype(int), (pred == c).astype(float), 0.5) for c in (0, 1)]
    return float(np.mean(f1s))


def label_macro_f1(gold: list[str], pred: list[str]) -> float:
    """sklearn's ``f1_score(average="macro", zero_division=0)`` over the labels in gold or pred, without its
    per-call validation cost (the grid search calls it thousands of times)."""
    scores = []
    for lab in set(gold) | set(pred):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == lab)
        denom = gold.count(lab) + pred.count(lab)
        scores.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(scores))


def average_precision(labels: Sequence[int], scores: Sequence[float]) -> float:
    """AP of one ranked list (as in the CheckThat! scorer: mean precision at each relevant rank)."""
    order = np.argsort(-np.asarray(scores, dtype=float), kind="stable")
    ys = np.asarray(labels)[order]
    if ys.sum() == 0:
        return 0.0
    hits = np.cumsum(ys)
    ranks = np.arange(1, len(ys) + 1)
    return float(np.sum((hits / ranks) * ys) / ys.sum())


def mean_average_precision(groups: Sequence[str], labels: Sequence[int], scores: Sequence[float]) -> float:
    """MAP over groups (debates): the mean of each debate's average precision."""
    by: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
    for g, y, s in zip(groups, labels, scores, strict=True):
        by[g][0].append(int(y))
        by[g][1].append(float(s))
    aps = [average_precision(ys, ss) for ys, ss in by.values()]
    return float(np.mean(aps)) if aps else 0.0


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


def ece(p: np.ndarray, y: np.ndarray, w: np.ndarray | None = None, bins: int = 10) -> float:
    """Top-label expected calibration error: |accuracy - confidence| over equal-width confidence bins,
    each bin weighted by its (sample-weighted) share of rows. ``p``: n x k probabilities, or n of P(class 1)."""
    m = as_matrix(p)
    w = np.ones(len(y)) if w is None else np.asarray(w, dtype=np.float64)
    conf, pred = m.max(axis=1), m.argmax(axis=1)
    right = (pred == y).astype(np.float64)
    edges = np.linspace(0.0, 1.0, bins + 1)
    idx = np.clip(np.digitize(conf, edges[1:-1], right=True), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        sel = idx == b
        if sel.any():
            ws = w[sel]
            total += abs(np.sum(ws * right[sel]) - np.sum(ws * conf[sel]))
    return float(total / w.sum())


SPAN_EDGE = " \t\n.,;:!?“”\"‘’'()[]—–-"  # ignored at span edges when comparing (quote marks, punctuation)


def trim_span(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """Span with quote marks, punctuation and spaces stripped from both edges (None if nothing is left)."""
    s, e = span
    while s < e and text[s] in SPAN_EDGE:
        s += 1
    while e > s and text[e - 1] in SPAN_EDGE:
        e -= 1
    return (s, e) if e > s else None


@dataclass
class SpanCounts:
    """Matched predicted / predicted and matched gold / gold spans, exact and overlap (edges trimmed first)."""

    pred: int = 0
    gold: int = 0
    pred_exact: int = 0
    gold_exact: int = 0
    pred_overlap: int = 0
    gold_overlap: int = 0

    def add(self, text: str, pred: Iterable[tuple[int, int]], gold: Iterable[tuple[int, int]]) -> None:
        p = sorted({n for sp in pred if (n := trim_span(text, sp))})
        g = sorted({n for sp in gold if (n := trim_span(text, sp))})
        gs = set(g)
        ps = set(p)
        self.pred += len(p)
        self.gold += len(g)
        self.pred_exact += sum(x in gs for x in p)
        self.gold_exact += sum(x in ps for x in g)
        self.pred_overlap += sum(any(a < d and c < b for c, d in g) for a, b in p)
        self.gold_overlap += sum(any(a < d and c < b for c, d in p) for a, b in g)

    def merge(self, other: SpanCounts) -> None:
        for k in ("pred", "gold", "pred_exact", "gold_exact", "pred_overlap", "gold_overlap"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def prf(self, mode: str) -> tuple[float, float, float]:
        mp, mg = getattr(self, f"pred_{mode}"), getattr(self, f"gold_{mode}")
        p = mp / self.pred if self.pred else 0.0
        r = mg / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise_prf(pred: list[int], gold: list[str]) -> tuple[float, float, float]:
    """Clustering P/R/F1 over all item pairs (a pair is positive when both items share a cluster)."""
    tp = fp = fn = 0
    for i, j in combinations(range(len(pred)), 2):
        same_p, same_g = pred[i] == pred[j], gold[i] == gold[j]
        tp += same_p and same_g
        fp += same_p and not same_g
        fn += same_g and not same_p
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def bcubed_prf(pred: list[int], gold: list[str]) -> tuple[float, float, float]:
    """B-cubed clustering P/R/F1 (Bagga and Baldwin 1998): per-item precision and recall, averaged."""
    pc, gc = Counter(pred), Counter(gold)
    both = Counter(zip(pred, gold, strict=True))
    n = len(pred)
    p = sum(both[(pred[i], gold[i])] / pc[pred[i]] for i in range(n)) / n if n else 1.0
    r = sum(both[(pred[i], gold[i])] / gc[gold[i]] for i in range(n)) / n if n else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Bag of ``n``-word shingles (word = ``\\w+``)."""
    toks = TOKEN.findall(text)
    return Counter(tuple(toks[i : i + n]) for i in range(max(len(toks) - n + 1, 0)))


def page_pr(pred: str, truth: str) -> tuple[float, float]:
    """Precision and recall of the bag of 4-word shingles (the extraction benchmark's metric)."""
    p, t = shingles(pred), shingles(truth)
    tp = sum((p & t).values())
    prec = tp / sum(p.values()) if p else (1.0 if not t else 0.0)
    rec = tp / sum(t.values()) if t else (1.0 if not p else 0.0)
    return prec, rec


def corpus_f1(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    """(P, R, F1) of (predicted, true) text pairs: P and R averaged over pages, F1 from the averages."""
    if not pairs:
        return 0.0, 0.0, 0.0
    prs = [page_pr(p, t) for p, t in pairs]
    prec = sum(p for p, _ in prs) / len(prs)
    rec = sum(r for _, r in prs) / len(prs)
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def selective_accuracy(p: np.ndarray, y: np.ndarray, tau: float, w: np.ndarray | None = None) -> tuple[float, float]:
    """(weighted accuracy, weighted coverage) of the predictions whose max probability is >= ``tau``."""
    w = np.ones(len(y)) if w is None else w
    keep = p.max(axis=1) >= tau
    if not keep.any():
        return 0.0, 0.0
    right = p[keep].argmax(1) == y[keep]
    return float(np.sum(w[keep] * right) / w[keep].sum()), float(w[keep].sum() / w.sum())
