"""Apply the shipped slant models to an article: slant record, hyperpartisan, sentence bias."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.model import Article, Slant, Span, make_span
from newsprism.slant.classifier import LinearText
from newsprism.slant.data import LABELS

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "slant"
MIN_WORDS = 150
MIN_PROB = 0.5
WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*[A-Za-z]")


@lru_cache(maxsize=1)
def phrases() -> dict[str, float]:
    data = json.loads((MODEL_DIR / "phrases.json").read_text(encoding="utf-8"))
    return {str(k): float(v) for k, v in data["phrases"].items()}


@lru_cache(maxsize=4)
def model(name: str) -> LinearText:
    return LinearText.load(MODEL_DIR / f"{name}.npz")


def phrase_evidence(article: Article, limit: int = 25) -> tuple[float, list[Span]]:
    """Lexicon slant in [-1, 1] (negative = left) and the matched phrases (longest match first), weights = z."""
    lex = phrases()
    words = []
    for m in WORD.finditer(article.text):
        w, end = m.group().lower().replace("\u2019", "'"), m.end()
        if w.endswith("'s"):
            w, end = w[:-2], end - 2
        words.append((w, m.start(), end))
    hits: list[Span] = []
    i, total, mass = 0, 0.0, 0.0
    while i < len(words):
        for n in (3, 2, 1):
            if i + n > len(words):
                continue
            gram = " ".join(w for w, _, _ in words[i : i + n])
            if gram in lex and "\n" not in article.text[words[i][1] : words[i + n - 1][2]]:
                z = lex[gram]
                hits.append(make_span(article, words[i][1], words[i + n - 1][2], Span, weight=round(z, 3)))
                total += z
                mass += abs(z)
                i += n
                break
        else:
            i += 1
    score = total / (mass + 20.0) if hits else 0.0
    hits.sort(key=lambda s: -abs(float(getattr(s, "weight", 0.0))))
    first: dict[str, Span] = {}
    for h in hits:  # each phrase once (its first occurrence), with the number of occurrences
        key = h.text.lower()
        if key not in first:
            first[key] = h
            setattr(h, "count", 0)  # noqa: B010 - pydantic extra field
        setattr(first[key], "count", int(getattr(first[key], "count")) + 1)  # noqa: B010, B009
    return max(-1.0, min(1.0, score)), list(first.values())[:limit]


def slant(article: Article) -> Slant:
    text = f"{article.title or ''}\n{article.text}"
    probs = model("allsides").predict_proba([text])[0]
    hyper = float(model("hyperpartisan").predict_proba([text])[0, 1])
    score, evidence = phrase_evidence(article)
    n_words = len(WORD.findall(article.text))
    best = int(probs.argmax())
    label = LABELS[best]
    if n_words < MIN_WORDS or float(probs[best]) < MIN_PROB:
        label = "uncertain"
    extra: dict[str, Any] = {
        "probabilities": {k: round(float(p), 4) for k, p in zip(LABELS, probs, strict=True)},
        "words": n_words,
    }
    return Slant(
        label=label,
        score=round(score, 4),
        confidence=round(float(probs[best]), 4),
        hyperpartisan=round(hyper, 4),
        evidence=evidence,
        **extra,
    )


@lru_cache(maxsize=1)
def _babe_emb() -> tuple[np.ndarray, np.ndarray]:
    with np.load(MODEL_DIR / "babe_emb.npz", allow_pickle=False) as z:
        return z["coef"], z["intercept"]


def babe_proba(texts: list[str]) -> np.ndarray:
    """P(biased) per sentence: mean of the TF-IDF model and a MiniLM-embedding logistic regression."""
    from newsprism.nlp import embed

    coef, intercept = _babe_emb()
    s = np.asarray(embed(texts)) @ coef.T.astype(np.float64) + intercept
    p_emb = 1.0 / (1.0 + np.exp(-s[:, 0]))
    return np.asarray((model("babe").predict_proba(texts)[:, 1] + p_emb) / 2)


def sentence_bias(article: Article) -> None:
    """Set ``bias`` (BABE probability of biased wording) on each sentence."""
    if not article.sentences:
        return
    texts = [article.text[s.start : s.end] for s in article.sentences]
    probs = babe_proba(texts)
    for s, p in zip(article.sentences, probs, strict=True):
        s.bias = round(float(p), 4)
