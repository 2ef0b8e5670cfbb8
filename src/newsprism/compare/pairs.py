"""Claim pairs matched by meaning (issue 21): a logistic pair scorer over two claim texts and their MiniLM cosine.

Two units from different articles are the **same** claim when they assert the same proposition (a paraphrase, or
one entails the other) and **related** when they tell the same event with a different figure, actor or aspect.
The scorer reads only the two texts and their cosine, so it scores claims and plain sentences alike:

* ``cos``: MiniLM cosine (the shared encoder);
* word overlap (content words, crudely stemmed): Jaccard and the share of the shorter text's words in the longer;
* names (capitalised words past the first): Jaccard, and the share of the shorter text's names missing from the
  longer;
* numbers and dates (``newsprism.compare.numbers``): both have one and a value agrees / none agrees;
* negation mismatch (one says "not", "never", "denied"... and the other does not), length ratio, and the longest
  shared word run (a quote both report).

Two logistic heads (``models/compare/claim_pairs.json``: feature standardisation, coefficients, thresholds; no
pickle): ``same`` (same vs related-or-different) and ``near`` (same-or-related vs different). Fitted by ``newsprism
train compare`` on the blind labels of ``benchmarks/samples/claim_pairs_train.jsonl`` and of round 1 of the val
sample (session 10; round 2 is the blind evaluation); the ``same`` threshold is the lowest whose out-of-fold
precision on those labels (folds grouped by story) is >= 0.85 (docs/stories.md); so is
``partial_threshold``, the P(same or related) a partial match (:mod:`newsprism.compare.related`) needs, while the
``near`` head's own threshold (best F1) still marks the ``related`` pairs that feed conflicts and narratives.
Compare is not a registered stage, so the file is declared by :func:`compare_models`
(tests/test_provenance.py reads it).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from newsprism.compare.numbers import find_dates, find_numbers, same_value

MODEL_FILE = Path(__file__).resolve().parents[1] / "models" / "compare" / "claim_pairs.json"
FEATURES = (
    "cos",
    "word_jaccard",
    "word_cover",
    "name_jaccard",
    "name_missing",
    "number_agree",
    "number_disagree",
    "date_agree",
    "date_disagree",
    "negation_mismatch",
    "length_ratio",
    "shared_run",
)
_STOP_WORDS = (
    "that this with from have has had were was will would could should their there they them then than what when "
    "which while who whom whose said says also been being about after before over under into more most some such "
    "only other just like because where these those very much many does did your ours here the and for are but "
    "its his her him she our out not can all one two new told say"
)
STOP = frozenset(_STOP_WORDS.split())
"""Function words left out of a text's content words (also by :mod:`newsprism.compare.related`)."""
_WORD = re.compile(r"[a-z][a-z'’-]{2,}")
_TOKEN = re.compile(r"[a-z0-9]+")
_NAME = re.compile(r"(?<=[\w,;:\"“”’)] )[A-Z][\w'’-]+|\b[A-Z]{2,}\b")
_NEG = re.compile(
    r"\b(?:not|no|never|n[o']t|none|nobody|nothing|neither|nor|without|den(?:y|ied|ies)|refus\w+|reject\w*)\b"
)
_NEG2 = re.compile(r"n[’']t\b")


def compare_models() -> dict[str, Path]:
    """``{path relative to models/: path}`` of the model files the comparison reads (it is not a stage)."""
    return {"compare/claim_pairs.json": MODEL_FILE}


def stem(w: str) -> str:
    """A crude stem: possessive and -ing/-ed/-es/-s off (words of more than three letters before the suffix)."""
    w = w.replace("’", "'").removesuffix("'s")
    for suf in ("ing", "ed", "es", "s"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[: -len(suf)]
    return w


def content_words(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text.lower()) if w not in STOP}


def names(text: str) -> set[str]:
    return {m.group(0).lower().replace("’s", "").replace("'s", "") for m in _NAME.finditer(text)}


def values_agree(xs: Sequence[float | str | None], ys: Sequence[float | str | None]) -> bool | None:
    """Whether some value of ``xs`` equals one of ``ys`` (numbers by ``same_value``, other values case-blind); None
    when either side has none. The one agreement test of the pair features and the partial matches' differences."""
    a = [x for x in xs if x is not None]
    b = [y for y in ys if y is not None]
    if not a or not b:
        return None

    def eq(x: float | str, y: float | str) -> bool:
        if isinstance(x, int | float) and isinstance(y, int | float):
            return same_value(float(x), float(y))
        return str(x).lower() == str(y).lower()

    return any(eq(x, y) for x in a for y in b)


def _agree(xs: Sequence[float | None], ys: Sequence[float | None]) -> tuple[float, float]:
    hit = values_agree(xs, ys)
    return (0.0, 0.0) if hit is None else (float(hit), float(not hit))


@lru_cache(maxsize=8192)
def _ngrams(text: str, cap: int = 8) -> tuple[frozenset[tuple[str, ...]], ...]:
    tokens = _TOKEN.findall(text.lower())
    return tuple(frozenset(zip(*(tokens[k:] for k in range(n)), strict=False)) for n in range(1, cap + 1))


def _run(a: str, b: str, cap: int = 8) -> float:
    """Longest run of consecutive shared tokens (capped), over ``cap``."""
    ga, gb = _ngrams(a, cap), _ngrams(b, cap)
    best = 0
    for n in range(cap):
        if not ga[n] & gb[n]:
            break
        best = n + 1
    return best / cap


@lru_cache(maxsize=8192)
def _info(text: str) -> tuple[frozenset[str], frozenset[str], tuple[float | None, ...], tuple[float | None, ...], bool]:
    """Per-text parts of the features (content words, names, number values, date values, negated), memoised."""
    return (
        frozenset(content_words(text)),
        frozenset(names(text)),
        tuple(m.value for m in find_numbers(text)),
        tuple(m.value for m in find_dates(text)),
        negated(text),
    )


def negated(text: str) -> bool:
    """Whether a text says "not", "never", "denied", "refused"... (``_NEG``)."""
    return bool(_NEG.search(text.lower()) or _NEG2.search(text.lower()))


def pair_features(a: str, b: str, cos: float) -> np.ndarray:
    """The feature vector (order: ``FEATURES``) of two claim texts with their cosine."""
    wa, na, nums_a, dates_a, neg_a = _info(a)
    wb, nb, nums_b, dates_b, neg_b = _info(b)
    shared = len(wa & wb)
    short, long_ = (na, nb) if len(na) <= len(nb) else (nb, na)
    la, lb = len(a.split()), len(b.split())
    return np.array(
        [
            cos,
            shared / len(wa | wb) if wa and wb else 0.0,
            shared / min(len(wa), len(wb)) if wa and wb else 0.0,
            len(na & nb) / len(na | nb) if na and nb else 0.0,
            len(short - long_) / len(short) if short else 0.0,
            *_agree(list(nums_a), list(nums_b)),
            *_agree(list(dates_a), list(dates_b)),
            float(neg_a != neg_b),
            min(la, lb) / max(la, lb, 1),
            _run(a, b),
        ],
        dtype=np.float64,
    )


@dataclass(frozen=True)
class Head:
    """One logistic head over standardised features."""

    coef: np.ndarray
    intercept: float
    threshold: float

    def proba(self, z: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(z @ self.coef + self.intercept)))


@dataclass(frozen=True)
class PairModel:
    mean: np.ndarray
    scale: np.ndarray
    same: Head
    near: Head
    candidate_cos: float  # pairs below this cosine are never scored (not same, not related)
    partial_threshold: float | None = None  # P(same or related) a shown partial match needs (None: near's threshold)

    @property
    def partial_cut(self) -> float:
        """The P(same or related) a partial match needs to be kept (chosen for precision, issue 21)."""
        return self.near.threshold if self.partial_threshold is None else self.partial_threshold

    def scores(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(P(same), P(same or related)) for rows of features."""
        z = (np.atleast_2d(x) - self.mean) / self.scale
        return self.same.proba(z), self.near.proba(z)

    def to_json(self) -> dict[str, object]:
        def head(h: Head) -> dict[str, object]:
            return {
                "coef": [round(float(c), 6) for c in h.coef],
                "intercept": round(h.intercept, 6),
                "threshold": h.threshold,
            }

        return {
            "features": list(FEATURES),
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
            "same": head(self.same),
            "near": head(self.near),
            "candidate_cos": self.candidate_cos,
            **({} if self.partial_threshold is None else {"partial_threshold": self.partial_threshold}),
        }


def model_from_json(d: dict[str, object]) -> PairModel:
    if list(d["features"]) != list(FEATURES):  # type: ignore[call-overload]
        raise ValueError("claim pair model: features differ from the code's FEATURES; retrain")

    def head(h: dict[str, object]) -> Head:
        return Head(np.asarray(h["coef"], dtype=np.float64), float(h["intercept"]), float(h["threshold"]))  # type: ignore[arg-type]

    return PairModel(
        np.asarray(d["mean"], dtype=np.float64),
        np.asarray(d["scale"], dtype=np.float64),
        head(d["same"]),  # type: ignore[arg-type]
        head(d["near"]),  # type: ignore[arg-type]
        float(d["candidate_cos"]),  # type: ignore[arg-type]
        float(d["partial_threshold"]) if "partial_threshold" in d else None,  # type: ignore[arg-type]
    )


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_FILE) -> PairModel | None:
    """The shipped scorer, or None when the file is missing (the comparison then falls back to cosine rules)."""
    if not path.is_file():
        return None
    return model_from_json(json.loads(path.read_text(encoding="utf-8")))
