"""Boilerplate line removal for plain text and HTML-extracted text.

Two layers: generic rules (share/subscribe/comment/caption/bio/language-switch patterns, never a
site's own strings) and a small logistic-regression line classifier over layout features (length,
position, punctuation, stopwords, capitalisation, neighbours), trained by ``newsprism train
boilerplate`` on ../shared/data/extraction and shipped as JSON weights. Hand-written because no
PyPI library cleans *plain* text (trafilatura/justext need HTML markup).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

_STOPWORD_TEXT = (
    "a an the and or but if of to in on at by for with from as is are was were be been being it its this "
    "that these those he she they we you i his her their our your my me him them us not no so than then "
    "there here who whom which what when where why how all any some more most other such only own same "
    "too very can will just should would could may might must do does did has have had into over after "
    "before about against between through during under again further once also said says "
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
WORD = re.compile(r"\w+", re.UNICODE)
TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
QUOTE_CHARS = re.compile(r"[\"“”«»]")
VOCAB = re.compile(
    r"\b(share|shares|shared|tweet|facebook|twitter|linkedin|whatsapp|pinterest|reddit|email|e-mail|print|"
    r"subscribe|subscriber|subscribers|subscription|subscriptions|newsletter|sign up|signup|log ?in|sign in|"
    r"register|comments?|reply|cookies?|privacy|terms|copyright|rights reserved|advertisement|advertising|sponsored|"
    r"related|read more|more posts|recommended|trending|popular|follow us|click|download|app|menu|home|skip|"
    r"photo|image|getty|reuters|afp|ap photo|credit|caption|video|watch|listen|podcast)\b",
    re.IGNORECASE,
)
NAV_SEPARATORS = re.compile(r"[|•»›·]")
URLISH = re.compile(r"https?://|www\.|@\w|\.com\b", re.IGNORECASE)

# Generic boilerplate rules: (reason, pattern). A rule fires only on lines up to RULE_MAX_WORDS words.
RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "comments",
        re.compile(
            r"^(leave a (reply|comment)|post a comment|\d*\s*comments?|add a comment|join the discussion|"
            r"comments? (are|is) closed|show comments|view comments)\b",
            re.I,
        ),
    ),
    (
        "related",
        re.compile(
            r"^(more (posts|stories|articles|from|on)|related( (articles?|stories|posts|coverage))?|"
            r"read more|see also|recommended( for you)?|you may also like|trending( now)?|"
            r"most (read|popular|viewed)|what to read next|keep reading)\b",
            re.I,
        ),
    ),
    (
        "share",
        re.compile(
            r"^(share( (this|on|via|the))?|tweet|email|print|copy link|share this (article|story))\b"
            r"[\s\w]{0,40}$",
            re.I,
        ),
    ),
    (
        "subscription",
        re.compile(
            r"\b(subscri\w*|newsletters?|sign up for|donate|donation|become a (member|patron)|"
            r"support (us|our|independent)|our journalism|articles? (per|a|this) month|free articles?|paywall|"
            r"independent journalism)\b",
            re.I,
        ),
    ),
    (
        "language switch",
        re.compile(
            r"^(lea (esto )?en (español|inglés)|leer en (español|inglés)|read (this|it)? ?in (english|spanish)|"
            r"(en|in) español|lire en (français|anglais)|auf deutsch lesen|version en español)\.?$",
            re.I,
        ),
    ),
    (
        "photo caption",
        re.compile(
            r"(\((photo|image|foto|picture|credit|getty|ap|reuters|afp|file)[^)]{0,80}\)\s*$|"
            r"^(photo|image|foto|picture|credit|caption|pictured)s?\s*[:|(]|"
            r"\b(getty images|shutterstock|ap photo|reuters/|afp via getty|/ ?ap\b|photo credit|photo by|"
            r"image source|image credit)\b)",
            re.I,
        ),
    ),
    ("social", re.compile(r"^(follow (us|me|him|her|them) on|like us on|find us on|connect with us)\b", re.I)),
    ("copyright", re.compile(r"(©|\(c\) ?\d{4}|copyright \d{4}|all rights reserved)", re.I)),
)
RULE_MAX_WORDS = 40
# Short caption credit: a sentence ending with a parenthesised 1-4 word name, e.g. "... (Jane Doe)".
CREDIT_TAIL = re.compile(r"\((?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})\)\s*$")
BIO = re.compile(
    r"^(?:[\w.'-]+\s+){0,8}(?:is|was|has been|serves as)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,6}"
    r"(?:writer|journalist|reporter|editor|author|columnist|correspondent|contributor|producer|businessman|"
    r"businesswoman|analyst|fellow|professor|commentator|blogger|freelancer|researcher|novelist|historian)\b",
    re.I,
)
BIO_LEAD = re.compile(r"^(editor|senior|staff|contributing|guest)\b[\w\s]{0,30}\b[A-Z]", re.I)
NAME_LINE = re.compile(r"^[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3}$")

N_FEATURES = 30
MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "boilerplate" / "line_model.json"


@dataclass(frozen=True)
class Line:
    text: str
    start: int
    end: int


def split_lines(text: str) -> list[Line]:
    """Non-empty lines with their offsets."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(stripped, pos + lead, pos + lead + len(stripped)))
        pos += len(raw) + 1
    return out


def _words(text: str) -> list[str]:
    return WORD.findall(text)


def line_features(lines: list[str]) -> np.ndarray:
    """Feature matrix (n_lines, N_FEATURES) for a page's non-empty lines."""
    n = len(lines)
    words = [_words(t) for t in lines]
    nw = np.array([len(w) for w in words], dtype=float)
    term = np.array([bool(TERMINAL.search(t)) for t in lines], dtype=float)
    long_ = (nw >= 15) & (term > 0)
    long_idx = np.flatnonzero(long_)
    first_long = long_idx[0] if len(long_idx) else n
    last_long = long_idx[-1] if len(long_idx) else -1
    total_words = max(nw.sum(), 1.0)
    cum = np.cumsum(nw) / total_words
    feats = np.zeros((n, N_FEATURES), dtype=float)
    for i, (t, w) in enumerate(zip(lines, words, strict=True)):
        k = max(len(w), 1)
        lo, hi = max(0, i - 3), min(n, i + 4)
        dist = np.min(np.abs(long_idx - i)) if len(long_idx) else n
        feats[i] = [
            math.log1p(len(t)),
            math.log1p(len(w)),
            term[i],
            sum(x.lower() in STOPWORDS for x in w) / k,
            sum(x[:1].isupper() for x in w) / k,
            sum(c.isdigit() for c in t) / max(len(t), 1),
            sum(not c.isalnum() and not c.isspace() for c in t) / max(len(t), 1),
            min(len(VOCAB.findall(t)), 3) / 3,
            i / max(n - 1, 1),
            cum[i],
            math.log1p(nw[i - 1]) if i > 0 else 0.0,
            math.log1p(nw[i + 1]) if i + 1 < n else 0.0,
            term[i - 1] if i > 0 else 0.0,
            term[i + 1] if i + 1 < n else 0.0,
            long_[lo:hi].mean(),
            float(first_long <= i <= last_long),
            math.log1p(dist),
            float(bool(QUOTE_CHARS.search(t))),
            float(bool(NAV_SEPARATORS.search(t))),
            float(t.isupper() and len(t) > 3),
            float(t[:1].islower()),
            float(len(w) <= 8 and sum(x[:1].isupper() for x in w) >= 0.7 * k),
            t.count(",") / k,
            float(bool(URLISH.search(t))),
            float(rule_reason(t, i, lines) is not None),
            float(long_[i]),
            nw[lo:hi].mean() / 50.0,
            float(i < first_long),
            float(i > last_long),
            float(len(w) < 4),
        ]
    return feats


def rule_reason(text: str, index: int, lines: list[str]) -> str | None:
    """The generic rule a line matches, or None."""
    n_words = len(_words(text))
    if n_words == 0:
        return "no words"
    if n_words <= RULE_MAX_WORDS:
        for reason, pattern in RULES:
            if pattern.search(text):
                if reason == "subscription" and QUOTE_CHARS.search(text):
                    continue
                return reason
        if n_words <= 30 and CREDIT_TAIL.search(text) and index < len(lines) * 0.3:
            return "photo caption"
    rel = index / max(len(lines) - 1, 1)
    if rel >= 0.5 and (BIO.search(text) or BIO_LEAD.search(text)) and not QUOTE_CHARS.search(text):
        return "author bio"
    if rel >= 0.5 and NAME_LINE.match(text) and index + 1 < len(lines):
        nxt = lines[index + 1]
        if BIO.search(nxt) or BIO_LEAD.search(nxt):
            return "author bio"
    return None


@dataclass(frozen=True)
class LineModel:
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float
    smooth: float = 0.0
    # Main-block selection: the maximum-sum contiguous run of lines scored (p - block_threshold) * sqrt(words)
    # (article bodies are one region of the page); lines outside it are dropped, lines inside it are kept from
    # inner_threshold up. block_threshold <= 0 disables it.
    block_threshold: float = 0.0
    inner_threshold: float = 0.0

    def proba(self, feats: np.ndarray) -> np.ndarray:
        """P(line is body), blended with the mean of its +-2 neighbours (body lines come in runs)."""
        z = ((feats - self.mean) / self.scale) @ self.coef + self.intercept
        p = 1.0 / (1.0 + np.exp(-z))
        if self.smooth <= 0 or len(p) < 2:
            return p
        csum = np.concatenate([[0.0], np.cumsum(p)])
        idx = np.arange(len(p))
        lo, hi = np.maximum(idx - 2, 0), np.minimum(idx + 3, len(p))
        window = (csum[hi] - csum[lo]) / (hi - lo)
        return (1 - self.smooth) * p + self.smooth * window

    def to_json(self) -> dict[str, object]:
        return {
            "kind": "logistic-regression",
            "n_features": N_FEATURES,
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "coef": self.coef.tolist(),
            "intercept": self.intercept,
            "threshold": self.threshold,
            "smooth": self.smooth,
            "block_threshold": self.block_threshold,
            "inner_threshold": self.inner_threshold,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LineModel:
        def arr(key: str) -> np.ndarray:
            return np.asarray(data[key], dtype=float)

        thr, smooth = float(data["threshold"]), float(data.get("smooth", 0.0))
        block, inner = float(data.get("block_threshold", 0.0)), float(data.get("inner_threshold", 0.0))
        return cls(arr("mean"), arr("scale"), arr("coef"), float(data["intercept"]), thr, smooth, block, inner)


def main_block(scores: np.ndarray) -> tuple[int, int]:
    """[start, end) of the maximum-sum contiguous run of ``scores`` (Kadane); (0, 0) when empty."""
    best, best_span = -math.inf, (0, 0)
    cur, cur_start = 0.0, 0
    for i, v in enumerate(scores):
        if cur <= 0:
            cur, cur_start = float(v), i
        else:
            cur += float(v)
        if cur > best:
            best, best_span = cur, (cur_start, i + 1)
    return best_span


@lru_cache(maxsize=1)
def shipped_model() -> LineModel | None:
    """The shipped line classifier (JSON weights), or None when it is not there."""
    try:
        raw = MODEL_PATH.read_text(encoding="utf-8")
    except OSError:
        return None
    data = json.loads(raw)
    if data.get("n_features") != N_FEATURES:
        return None
    return LineModel.from_json(data)


def classify_lines(lines: list[str], model: LineModel | None = None, use_model: bool = True) -> list[str | None]:
    """Per line: None to keep it in the body, else the reason it is boilerplate."""
    if not lines:
        return []
    reasons: list[str | None] = [rule_reason(t, i, lines) for i, t in enumerate(lines)]
    mdl = model if model is not None else (shipped_model() if use_model else None)
    if mdl is not None:
        proba = mdl.proba(line_features(lines))
        lo, hi, thr = 0, len(lines), np.full(len(lines), mdl.threshold)
        if mdl.block_threshold > 0:
            n_words = np.array([max(len(_words(t)), 1) for t in lines], dtype=float)
            lo, hi = main_block((proba - mdl.block_threshold) * np.sqrt(n_words))
            thr[lo:hi] = min(mdl.inner_threshold, mdl.threshold)
        for i, t in enumerate(lines):
            if reasons[i] is None and not lo <= i < hi:
                reasons[i] = f"outside the main text block (p_body={proba[i]:.2f})"
            elif reasons[i] is None and proba[i] < thr[i]:
                # Quoted speech inside prose is never dropped by the model alone.
                if QUOTE_CHARS.search(t) and len(_words(t)) >= 8:
                    continue
                reasons[i] = f"line classifier (p_body={proba[i]:.2f})"
    if all(r is not None for r in reasons):  # never leave an empty body: no body found, keep everything
        return [None] * len(lines)
    return _drop_repeats(lines, reasons)


def _drop_repeats(lines: list[str], reasons: list[str | None]) -> list[str | None]:
    """A kept line of 6+ words repeating an earlier kept line (teaser + body, sticky copies) goes."""
    seen: set[str] = set()
    out = list(reasons)
    for i, t in enumerate(lines):
        if out[i] is not None:
            continue
        key = " ".join(_words(t.lower()))
        if len(key.split()) >= 6 and key in seen:
            out[i] = "repeated line"
        seen.add(key)
    return out


def strip_boilerplate_with(text: str, model: LineModel | None) -> tuple[str, list[dict[str, str]]]:
    """:func:`strip_boilerplate` with an explicit model (None: rules only)."""
    return strip_boilerplate(text, use_model=model is not None, model=model)


def strip_boilerplate(
    text: str, use_model: bool = True, model: LineModel | None = None
) -> tuple[str, list[dict[str, str]]]:
    """Return (body without boilerplate lines, removed lines as {"text", "reason"})."""
    lines = split_lines(text)
    reasons = classify_lines([ln.text for ln in lines], model=model, use_model=use_model)
    kept: list[str] = []
    removed: list[dict[str, str]] = []
    for ln, reason in zip(lines, reasons, strict=True):
        if reason is None:
            kept.append(ln.text)
        else:
            removed.append({"text": ln.text, "reason": reason})
    return "\n\n".join(kept), removed


def remove_boilerplate(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Plain-text path: rules + shipped line classifier; removed lines as (text, reason)."""
    body, removed = strip_boilerplate(text, use_model=True)
    return body, [(r["text"], r["reason"]) for r in removed]
