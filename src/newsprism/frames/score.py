"""Policy frames (Boydstun et al. 2014, 15 frames) per sentence and per article.

No labelled training data ships. Each frame has seed phrases and three to five prototype sentences written for
this project from the Codebook's frame definitions (not taken from any sampled sentence); ``other`` has prototypes
too (sign-up boxes, copyright lines, captions, "did not respond"), so boilerplate competes with the frames
instead of relying on a cut alone.

A sentence's score for a frame = cosine(MiniLM(sentence), mean MiniLM(prototypes)) + ``SEED_BONUS`` per seed-phrase
hit (at most ``MAX_SEED_HITS``). The sentence gets the best-scoring frame, or ``other`` when that score is below
``MIN_SCORE``. ``SEED_BONUS`` and ``MIN_SCORE`` were chosen by cross-validation on the tuning sample
(docs/frames_tuning_allsides.tsv, training outlets; see docs/slant.md), never on the blind evaluation sample.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import numpy as np

from newsprism.frames.codebook import FRAMES
from newsprism.model import Article, Frame, WeightedSpan, make_span

SEED_BONUS = 0.1  # per seed-phrase hit
MAX_SEED_HITS = 2
MIN_SCORE = 0.20  # best score under this -> ``other``
MIN_SENTENCE_CHARS = 21


@lru_cache(maxsize=1)
def _prototypes() -> tuple[list[str], np.ndarray]:
    from newsprism.nlp import embed

    names = [f for f, (_, protos) in FRAMES.items() if protos]
    vecs = []
    for f in names:
        v = np.asarray(embed(list(FRAMES[f][1]))).mean(axis=0)
        vecs.append(v / (np.linalg.norm(v) + 1e-9))
    return names, np.stack(vecs)


@cache
def _seed_patterns(frame: str) -> tuple[re.Pattern[str], ...]:
    """One compiled whole-word pattern per seed phrase of ``frame`` (compiled once, not looked up per call)."""
    return tuple(re.compile(rf"\b{re.escape(p)}\b") for p in FRAMES[frame][0])


def _seed_hits(low: str, frame: str) -> int:
    """How many of ``frame``'s seed phrases occur in ``low`` (already lower-cased) as whole words."""
    return sum(1 for pattern in _seed_patterns(frame) if pattern.search(low))


def frame_features(texts: list[str], vectors: np.ndarray | None = None) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Frame names, cosine similarities to each frame's prototype centroid and capped seed-phrase hit counts
    (both ``len(texts) x len(names)``); ``vectors``: the texts' MiniLM vectors when already computed."""
    from newsprism.nlp import embed

    names, protos = _prototypes()
    if not texts:
        return names, np.zeros((0, len(names))), np.zeros((0, len(names)))
    sims = np.asarray(embed(texts) if vectors is None else vectors) @ protos.T
    hits = np.array([[min(_seed_hits(t, f), MAX_SEED_HITS) for f in names] for t in map(str.lower, texts)], dtype=float)
    return names, sims, hits


def assign(
    names: list[str], sims: np.ndarray, hits: np.ndarray, bonus: float = SEED_BONUS, min_score: float = MIN_SCORE
) -> list[tuple[str, float]]:
    """(frame, score) per row: the best ``sims + bonus * hits`` frame, ``other`` when that score < ``min_score``."""
    score = sims + bonus * hits
    best = score.argmax(axis=1)
    top = score[np.arange(len(score)), best]
    return [
        (names[j] if v >= min_score else "other", float(v)) for j, v in zip(best.tolist(), top.tolist(), strict=True)
    ]


def sentence_frames(texts: list[str], vectors: np.ndarray | None = None) -> list[tuple[str, float]]:
    """(frame, score) for each sentence text with the shipped settings."""
    return assign(*frame_features(texts, vectors))


def frames(article: Article, sentence_vectors: np.ndarray | None = None) -> list[Frame]:
    """Article-level frames (score = share of sentences with this top frame) with evidence sentences.

    Each sentence also gets its ``frame`` and ``frame_score``. ``sentence_vectors``: MiniLM vectors of all the
    article's sentences, shared with the other stages (``newsprism.nlp.shared``); embedded here when None.
    """
    keep = [i for i, s in enumerate(article.sentences) if s.end - s.start >= MIN_SENTENCE_CHARS]
    sents = [article.sentences[i] for i in keep]
    if not sents:
        return []
    vectors = None if sentence_vectors is None else np.asarray(sentence_vectors)[keep]
    got = sentence_frames([article.text[s.start : s.end] for s in sents], vectors)
    per: dict[str, list[tuple[float, int]]] = {}
    for i, (s, (frame, val)) in enumerate(zip(sents, got, strict=True)):
        s.frame = frame
        s.frame_score = round(val, 4)
        per.setdefault(frame, []).append((val, i))
    out = []
    for frame, items in per.items():
        items.sort(reverse=True)
        ev = [make_span(article, sents[i].start, sents[i].end, WeightedSpan, weight=round(v, 3)) for v, i in items[:3]]
        out.append(
            Frame(frame=frame, score=round(len(items) / len(sents), 4), evidence=ev, **{"sentences": len(items)})
        )
    out.sort(key=lambda f: -f.score)
    return out
