"""Apply the shipped slant models to an article: slant record, hyperpartisan, sentence bias."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import numpy as np

from newsprism.model import Article, Slant, SlantPhrase, make_span
from newsprism.slant.baseline import WordLR
from newsprism.slant.calibration import apply_temperature
from newsprism.slant.classifier import LinearText
from newsprism.slant.stack import POOL_SENTENCES, Stacker, lexicon_features, pooled

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "slant"
LABELS: tuple[Literal["left", "center", "right"], ...] = (
    "left",
    "center",
    "right",
)  # the AllSides classifier's classes (bias 0/1/2)
WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*[A-Za-z]")


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    return dict(json.loads((MODEL_DIR / "phrases.json").read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def phrases() -> dict[str, float]:
    return {str(k): float(v) for k, v in _lexicon()["phrases"].items()}


def lexicon_center() -> float:
    """Raw score of a typical training article (halfway between the left and right medians); subtracted."""
    return float(_lexicon().get("center", 0.0))


@lru_cache(maxsize=16)
def model(name: str, model_dir: Path = MODEL_DIR) -> LinearText:
    """The TF-IDF classifier ``name`` stored in ``model_dir`` (default: the shipped models, refitted on every
    labelled row; the bench passes the held-out ones, fitted on the training part only)."""
    return LinearText.load(model_dir / f"{name}.npz")


@lru_cache(maxsize=1)
def calibration() -> dict[str, dict[str, float]]:
    """Temperatures, MiniLM weights and `uncertain` thresholds chosen on inner CV (`training.slant`); the same for the
    held-out models."""
    raw = json.loads((MODEL_DIR / "calibration.json").read_text(encoding="utf-8"))
    return {str(k): {str(n): float(v) for n, v in d.items()} for k, d in raw.items()}


@lru_cache(maxsize=4)
def _emb_lr(name: str, model_dir: Path = MODEL_DIR) -> tuple[np.ndarray, np.ndarray]:
    with np.load(model_dir / f"{name}_emb.npz", allow_pickle=False) as z:
        return z["coef"].astype(np.float64), z["intercept"].astype(np.float64)


@lru_cache(maxsize=8)
def _stacker(name: str, model_dir: Path = MODEL_DIR) -> Stacker:
    return Stacker.load(model_dir / f"{name}_stack.json")


@lru_cache(maxsize=4)
def babe_lexicon(model_dir: Path = MODEL_DIR) -> dict[str, float]:
    """BABE biased-word rates (`slant.stack.lexicon_rates`) stored in ``model_dir``."""
    d = json.loads((model_dir / "babe_lexicon.json").read_text(encoding="utf-8"))
    return {str(k): float(v) for k, v in d["rates"].items()}


def _averaged(
    name: str,
    texts: list[str],
    vectors: np.ndarray | None,
    model_dir: Path = MODEL_DIR,
    extra: Callable[[], np.ndarray] | None = None,
    cal: dict[str, float] | None = None,
) -> np.ndarray:
    """Calibrated P(class 1): word TF-IDF LR, char TF-IDF LR (weight ``w_char``) and MiniLM LR (weight ``w_emb``)
    probabilities averaged; when ``stack`` is set, the stacked head (`slant.stack`) over the average's logit and
    the ``extra`` features; then temperature-scaled (every choice made on inner CV). ``cal``: the weights (default:
    ``calibration.json``'s; the trainer passes the ones it just chose)."""
    cal = calibration()[name] if cal is None else cal
    wc, we = cal.get("w_char", 0.0), cal["w_emb"]
    p = (1 - wc - we) * model(name, model_dir).predict_proba(texts)[:, 1]
    if wc > 0:
        p = p + wc * model(f"{name}_char", model_dir).predict_proba(texts)[:, 1]
    if we > 0:
        if vectors is None:
            raise ValueError(f"{name}: MiniLM vectors are needed (w_emb = {we})")
        coef, intercept = _emb_lr(name, model_dir)
        p = p + we / (1.0 + np.exp(-(np.asarray(vectors, dtype=np.float64) @ coef.T + intercept)[:, 0]))
    if cal.get("stack", 0.0) > 0:
        if extra is None:
            raise ValueError(f"{name}: the stacked head needs its extra features")
        p = _stacker(name, model_dir).proba(p, extra())
    return np.asarray(apply_temperature(p, cal["temperature"]))


@lru_cache(maxsize=4)
def allsides_model(model_dir: Path = MODEL_DIR) -> WordLR:
    """The AllSides word 1-2-gram TF-IDF + LR leaning classifier stored in ``model_dir`` (`slant.baseline`)."""
    return WordLR.load(model_dir, "allsides")


def allsides_proba(texts: list[str], model_dir: Path = MODEL_DIR) -> np.ndarray:
    """Calibrated left/center/right probabilities (temperature from inner CV)."""
    p = allsides_model(model_dir).predict_proba(texts)
    return np.asarray(apply_temperature(p, calibration()["allsides"]["temperature"]))


def hyperpartisan_proba(
    texts: list[str],
    doc_vectors: np.ndarray | None = None,
    model_dir: Path = MODEL_DIR,
    sentence_bias: list[np.ndarray] | None = None,
) -> np.ndarray:
    """Calibrated P(hyperpartisan); ``doc_vectors`` = `features.doc_vector` of each text's sentence vectors and
    ``sentence_bias`` = each text's sentence-bias probabilities (both computed from regex sentences when needed
    and not given: that is an extra encoder pass)."""
    cal = calibration()["hyperpartisan"]
    need_bias = cal.get("stack", 0.0) > 0 and sentence_bias is None
    if (doc_vectors is None and cal["w_emb"] > 0) or need_bias:
        from newsprism.nlp import embed
        from newsprism.slant.features import MAX_SENTENCES, doc_vector, split_sentences

        sents = [split_sentences(t)[:MAX_SENTENCES] for t in texts]
        vecs = [np.asarray(embed(s)) if s else np.zeros((0, 384)) for s in sents]
        if doc_vectors is None:
            doc_vectors = np.stack([doc_vector(v) for v in vecs])
        if need_bias:
            sentence_bias = sentence_bias_of(sents, vecs, model_dir)
    bias = sentence_bias
    return _averaged("hyperpartisan", texts, doc_vectors, model_dir, lambda: pooled(bias or []))


def sentence_bias_of(
    sentences: list[list[str]],
    vectors: list[np.ndarray],
    model_dir: Path = MODEL_DIR,
    cal: dict[str, float] | None = None,
) -> list[np.ndarray]:
    """Each article's sentence-bias (BABE) probabilities from its sentence texts and MiniLM vectors."""
    flat = [s for ss in sentences for s in ss]
    if not flat:
        return [np.zeros(0) for _ in sentences]
    p = babe_proba(flat, np.concatenate([v for v in vectors if len(v)]), model_dir, cal)
    ends = np.cumsum([len(s) for s in sentences])
    return [p[e - len(s) : e] for s, e in zip(sentences, ends, strict=True)]


def phrase_matches(text: str, lex: dict[str, float]) -> list[tuple[int, int, float]]:
    """(start, end, z) of lexicon phrases in ``text``: longest match first, never across a line break."""
    words = []
    for m in WORD.finditer(text):
        w, end = m.group().lower().replace("\u2019", "'"), m.end()
        if w.endswith("'s"):
            w, end = w[:-2], end - 2
        words.append((w, m.start(), end))
    out: list[tuple[int, int, float]] = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            if i + n > len(words):
                continue
            gram = " ".join(w for w, _, _ in words[i : i + n])
            if gram in lex and "\n" not in text[words[i][1] : words[i + n - 1][2]]:
                out.append((words[i][1], words[i + n - 1][2], lex[gram]))
                i += n
                break
        else:
            i += 1
    return out


def lexicon_score(matches: list[tuple[int, int, float]], center: float = 0.0) -> float:
    """Sum of matched z-scores / (sum of |z| + 20), minus ``center``, clipped to [-1, 1] (negative = left);
    0 when nothing matched (no evidence either way)."""
    if not matches:
        return 0.0
    total = sum(z for _, _, z in matches)
    mass = sum(abs(z) for _, _, z in matches)
    return max(-1.0, min(1.0, total / (mass + 20.0) - center))


@lru_cache(maxsize=1)
def topic_phrases() -> frozenset[str]:
    """Lexicon phrases that left and right use at similar rates (same story in BASIL, or similar document
    frequency in AllSides training outlets): topic, never evidence (scripts/slant_topic_phrases.py)."""
    path = MODEL_DIR / "topic_phrases.json"
    if not path.exists():
        return frozenset()
    d = json.loads(path.read_text(encoding="utf-8"))
    return frozenset(d["same_story"]) | frozenset(d["similar_df"])


def is_evidence(article: Article, start: int, end: int) -> bool:
    """A matched phrase counts as evidence of partisan wording unless it is topic (:func:`topic_phrases`), only
    function words (spaCy's stop list), or overlaps a named entity (a name, place or organisation)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    key = article.text[start:end].lower().replace("\u2019", "'")
    if key in topic_phrases() or all(w in STOP_WORDS for w in WORD.findall(key)):
        return False
    return not any(e.start < end and start < e.end for e in article.entities)


def phrase_evidence(article: Article, limit: int = 25) -> tuple[float, list[SlantPhrase]]:
    """Lexicon slant in [-1, 1] (negative = left) over every match, and the matched phrases that are evidence
    (:func:`is_evidence`; longest match first), weights = z."""
    matches = phrase_matches(article.text, phrases())
    score = lexicon_score(matches, lexicon_center())
    hits: list[SlantPhrase] = [
        make_span(article, s, e, SlantPhrase, weight=round(z, 3)) for s, e, z in matches if is_evidence(article, s, e)
    ]
    hits.sort(key=lambda s: -abs(s.weight))
    first: dict[str, SlantPhrase] = {}
    for h in hits:  # each phrase once (its first occurrence), with the number of occurrences
        key = h.text.lower()
        if key in first:
            first[key].count += 1
        else:
            first[key] = h  # count starts at 1
    return score, list(first.values())[:limit]


def slant(article: Article, sentence_vectors: np.ndarray | None = None) -> Slant:
    """Label, calibrated confidence, hyperpartisan probability and phrase evidence.

    ``sentence_vectors``: MiniLM vectors of the article's sentences (shared with the other stages), used for the
    hyperpartisan document vector. Label is `uncertain` when the text is shorter than ``min_words`` or the
    calibrated confidence is below ``min_confidence`` (both chosen on inner CV, see docs/slant.md).
    """
    from newsprism.slant.features import doc_vector

    text = f"{article.title or ''}\n{article.text}"
    probs = allsides_proba([text])[0]
    dv = None if sentence_vectors is None else doc_vector(sentence_vectors)[None, :]
    first = article.sentences[:POOL_SENTENCES]  # their bias, when sentence_bias ran first (as the stage does)
    bias = [s.bias for s in first if s.bias is not None]
    sb = [np.asarray(bias)] if first and len(bias) == len(first) else None
    hyper = float(hyperpartisan_proba([text], dv, sentence_bias=sb)[0])
    score, evidence = phrase_evidence(article)
    n_words = len(WORD.findall(article.text))
    best = int(probs.argmax())
    label: Literal["left", "center", "right", "uncertain"] = LABELS[best]
    cal = calibration()["allsides"]
    if n_words < cal["min_words"] or float(probs[best]) < cal["min_confidence"]:
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


def babe_proba(
    texts: list[str],
    vectors: np.ndarray | None = None,
    model_dir: Path = MODEL_DIR,
    cal: dict[str, float] | None = None,
) -> np.ndarray:
    """Calibrated P(biased) per sentence: word/char TF-IDF LRs averaged with a MiniLM LR, then the stacked head with
    the biased-word lexicon features (`slant.stack`); weights from inner CV."""
    if vectors is None and (calibration()["babe"] if cal is None else cal)["w_emb"] > 0:
        from newsprism.nlp import embed

        vectors = np.asarray(embed(texts))
    return _averaged("babe", texts, vectors, model_dir, lambda: lexicon_features(texts, babe_lexicon(model_dir)), cal)


def sentence_bias(article: Article, sentence_vectors: np.ndarray | None = None) -> None:
    """Set ``bias`` (BABE probability of biased wording) on each sentence."""
    if not article.sentences:
        return
    texts = [article.text[s.start : s.end] for s in article.sentences]
    probs = babe_proba(texts, sentence_vectors)
    for s, p in zip(article.sentences, probs, strict=True):
        s.bias = round(float(p), 4)
