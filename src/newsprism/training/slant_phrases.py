"""The partisan phrase lexicon of the slant stage: Monroe et al. (2008) log-odds with an informative Dirichlet
prior, right vs left AllSides articles of the training outlets, with outlet names, boilerplate and house style
filtered out; written to ``phrases.json`` with the lexicon's centre."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np

from newsprism.lexicons.calendar import AP_MONTHS, WEEKDAYS
from newsprism.training import logodds

TOP_K = 4000
OUTLET_SHARE = 0.5  # at most this share of a phrase's training documents may come from a single outlet
# web/wire boilerplate, weekdays and reporting verbs: house style of outlets, not partisan vocabulary
BOILERPLATE = frozenset(
    [
        *WEEKDAYS,
        "newsletter",
        "newsletters",
        "click",
        "subscribe",
        "copyright",
        "permission",
        "reading",
        "continue",
        "email",
        "app",
        "error",
        "verify",
        "box",
        "products",
        "recording",
        "please",
        "thank",
        "updates",
        "receive",
        "contributed",
        "reported",
        "told",
        "statement",
        "story",
        "main",
        "view",
        "below",
        "manage",
        "agree",
    ]
)


# style-guide titles and function words that separate outlets' house styles rather than politics
_HOUSE_STYLE_WORDS = (
    "mr ms mrs rep sen gov dr senator representative president people like so really many there how states "
    "house report aides offers also just one two new year years time says"
)
HOUSE_STYLE = frozenset(_HOUSE_STYLE_WORDS.split()) | frozenset(AP_MONTHS)


def _is_style(phrase: str, outlet_words: set[str]) -> bool:
    """Phrase made only of stop/house-style words, or containing an outlet-name or boilerplate word."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    words = phrase.split()
    if set(words) & outlet_words:
        return True
    return all(w in ENGLISH_STOP_WORDS or w in HOUSE_STYLE for w in words)


def build_phrases(rows: list[dict[str, object]], tr_idx: list[int], path: Path) -> dict[str, float]:
    """Monroe et al. log-odds (right vs left) over training outlets only, house-style phrases removed; ``center``
    (see `lexicon_center`) is stored beside the phrases.

    A low minimum count (3) lets rare loaded phrases surface; the informative Dirichlet prior shrinks their z and
    only phrases with |z| >= 1.96 (p < .05) are kept, at most ``TOP_K`` per side.
    """
    left = logodds.count(str(rows[i]["text"]) for i in tr_idx if rows[i]["label"] == 0)
    right = logodds.count(str(rows[i]["text"]) for i in tr_idx if rows[i]["label"] == 2)
    # alpha0 = 1e5 pseudo-counts: strong enough shrinkage that a phrase seen 9 times only on the right
    # ("illegal aliens") reaches |z| 2.5, while one-off words stay below significance
    z = logodds.log_odds(right, left, min_count=3, alpha0=1e5)  # positive = right
    extra = {"fox", "cnn", "mr", "ms", "mrs", "photo", "photos", "containing", "content", "select", "image", "caption"}
    outlet_words = {t for r in rows for t in logodds.tokens(str(r["source"]))} | extra | BOILERPLATE
    z = {k: v for k, v in z.items() if abs(v) >= 1.96 and not _is_style(k, outlet_words)}
    # a phrase whose documents mostly come from ONE outlet is that outlet's house style (sign-up boxes,
    # podcast hosts, datelines), which does not carry over to unseen outlets: drop it
    df: Counter[str] = Counter()
    top: dict[str, Counter[str]] = {}
    for i in tr_idx:
        grams = set(logodds.ngrams(logodds.tokens(str(rows[i]["text"])))) & z.keys()
        df.update(grams)
        top.setdefault(str(rows[i]["source"]), Counter()).update(grams)
    share = Counter[str]()
    for c in top.values():
        for k, n in c.items():
            share[k] = max(share[k], n)
    z = {k: v for k, v in z.items() if share[k] <= OUTLET_SHARE * df[k]}
    phrases = {k: round(v, 3) for k, v in logodds.top_phrases(z, TOP_K).items()}
    center = lexicon_center(rows, tr_idx, phrases)
    meta = {"method": "monroe2008-logodds-informative-dirichlet", "positive": "right"}
    path.write_text(json.dumps({**meta, "center": center, "phrases": phrases}), encoding="utf-8")
    return phrases


def lexicon_center(rows: list[dict[str, object]], idx: list[int], lex: dict[str, float]) -> float:
    """Raw lexicon score halfway between the median left and the median right training article (rounded): the
    shipped score subtracts it, so a typical article reads 0 instead of leaning to the side with more phrases."""
    from newsprism.slant.score import lexicon_score, phrase_matches

    med = {}
    for label in (0, 2):
        s = [lexicon_score(phrase_matches(str(rows[i]["text"]), lex)) for i in idx if rows[i]["label"] == label]
        med[label] = float(np.median(s)) if s else 0.0
    return round((med[0] + med[2]) / 2, 4)
