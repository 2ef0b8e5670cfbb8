"""Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

import numpy as np

TOKEN = re.compile(r"[a-z][a-z'\-]*[a-z]")
STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "and",
        "in",
        "on",
        "for",
        "is",
        "was",
        "that",
        "it",
        "with",
        "as",
        "at",
        "by",
        "be",
        "this",
        "from",
        "are",
        "were",
        "has",
        "have",
        "had",
        "not",
        "but",
        "or",
        "he",
        "she",
        "they",
        "his",
        "her",
        "their",
        "its",
        "we",
        "you",
        "i",
        "said",
        "says",
        "will",
        "would",
        "been",
        "who",
        "which",
    ]
)


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens of 2+ letters (typographic apostrophes normalised; possessive 's dropped)."""
    return [t[:-2] if t.endswith("'s") else t for t in TOKEN.findall(text.lower().replace("\u2019", "'"))]


def ngrams(toks: list[str], n_max: int = 3) -> Iterable[str]:
    """Uni/bi/trigrams; n-grams made only of stop words are skipped."""
    for n in range(1, n_max + 1):
        for i in range(len(toks) - n + 1):
            gram = toks[i : i + n]
            if gram[0] in STOP or gram[-1] in STOP:
                continue
            yield " ".join(gram)


def count(texts: Iterable[str], n_max: int = 3) -> Counter[str]:
    c: Counter[str] = Counter()
    for t in texts:
        c.update(ngrams(tokens(t), n_max))
    return c


def log_odds(
    a: Mapping[str, float],
    b: Mapping[str, float],
    prior: Mapping[str, float] | None = None,
    alpha0: float = 1000.0,
    min_count: float = 5,
) -> dict[str, float]:
    """z-scores of the log-odds ratio of each n-gram in ``a`` vs ``b`` (positive = more ``a``).

    Counts may be weighted (floats). The prior is the pooled counts (or ``prior``) scaled to ``alpha0``
    pseudo-counts, as in Monroe et al. eq. 16-22.
    """
    if prior is None:
        pooled = dict(a)
        for w, n in b.items():
            pooled[w] = pooled.get(w, 0) + n
        prior = pooled
    vocab = [w for w, n in prior.items() if n >= min_count]
    if not vocab:
        return {}
    pc = np.array([prior[w] for w in vocab], dtype=float)
    alpha = alpha0 * pc / pc.sum()
    ya = np.array([a.get(w, 0) for w in vocab], dtype=float)
    yb = np.array([b.get(w, 0) for w in vocab], dtype=float)
    na, nb = sum(a.values()), sum(b.values())
    delta = np.log((ya + alpha) / (na + alpha0 - ya - alpha)) - np.log((yb + alpha) / (nb + alpha0 - yb - alpha))
    var = 1.0 / (ya + alpha) + 1.0 / (yb + alpha)
    z = delta / np.sqrt(var)
    return dict(zip(vocab, z.tolist(), strict=True))


def top_phrases(z: dict[str, float], k: int) -> dict[str, float]:
    """The ``k`` most positive and ``k`` most negative phrases."""
    items = sorted(z.items(), key=lambda kv: kv[1])
    return dict(items[:k] + items[-k:])
