"""Per-article features for story grouping: a content vector, key entities, and a date.

The content vector is the normalised mean of MiniLM embeddings of the title, the lead and the
first body chunks. Key entities come from ``Article.entities`` (after the ``nlp`` stage) or, when
those are absent, from capitalised word runs (a cheap stand-in so grouping works on raw articles).
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.arraycache import read_arrays, write_arrays
from newsprism.model import Article

log = logging.getLogger(__name__)

CHUNK_WORDS = 150
MAX_CHUNKS = 2  # 2 and 3 tie on the BASIL tuning half (pairwise F1 1.000); 1 loses (0.986); 2 embeds ~30% less
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT", "FAC", "LAW", "PRODUCT", "WORK_OF_ART"}
# Capitalised words that start sentences or are generic; not evidence of a shared subject.
_STOP_CAPS = {
    "the",
    "a",
    "an",
    "and",
    "but",
    "or",
    "in",
    "on",
    "at",
    "for",
    "to",
    "of",
    "by",
    "with",
    "from",
    "as",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "this",
    "that",
    "these",
    "those",
    "there",
    "when",
    "while",
    "after",
    "before",
    "if",
    "mr",
    "mrs",
    "ms",
    "dr",
    "said",
    "says",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "president",
    "vice",
    "sen",
    "rep",
    "gov",
    "new",
    "one",
    "two",
    "so",
    "not",
    "what",
    "who",
    "how",
    "why",
    "also",
    "more",
    "some",
    "many",
    "all",
    "no",
    "yes",
    "just",
    "now",
    "then",
    "here",
}
_CAP_WORD = r"[A-ZÀ-ÖØ-Þ](?:[\w'’-]|\.(?=\w))+"
_CAP_RUN = re.compile(rf"\b{_CAP_WORD}(?:[ \t]+{_CAP_WORD})*")
_WORD = re.compile(r"\S+")


@dataclass
class StoryFeatures:
    """What grouping needs to know about one article."""

    article_id: str
    vector: np.ndarray
    entities: Counter[str] = field(default_factory=Counter)
    day: date | None = None
    title: str = ""
    surfaces: dict[str, str] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)  # lowercased words of capitalised runs (not event keywords)


def parse_day(value: str | None) -> date | None:
    """The calendar day of an ISO-ish date string (``2019-03-25``, ``2019-03-25T10:00Z``), else None."""
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not m:
        try:  # RFC 2822, as in RSS feeds and HTTP headers
            return parsedate_to_datetime(value).date()
        except (TypeError, ValueError, IndexError):
            return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def entity_surface(text: str) -> str:
    """The matching token of an entity mention as written: its last word, without possessive."""
    tokens = [t for t in re.split(r"[\s-]+", text.replace("’", "'")) if t]
    tokens = [t[:-2] if t.lower().endswith("'s") else t.strip(".'") for t in tokens]
    tokens = [t for t in tokens if t and t.lower() not in _STOP_CAPS]
    return tokens[-1] if tokens else ""


def norm_entity(text: str) -> str:
    """Normalise an entity mention to a matching key: lowercase last token without possessive."""
    return entity_surface(text).lower()


def key_entities(article: Article, limit: int = 25, surfaces: dict[str, str] | None = None) -> Counter[str]:
    """Counts of normalised entity keys in the article (spaCy entities if present, else capitalised runs).

    ``surfaces``, when given, is filled with key -> a written form (for labels).
    """
    counts: Counter[str] = Counter()
    surf = surfaces if surfaces is not None else {}
    if article.entities:
        for ent in article.entities:
            if ent.label in ENTITY_LABELS:
                form = entity_surface(ent.text)
                key = form.lower()
                if len(key) > 1:
                    counts[key] += 1
                    surf.setdefault(key, form)
    else:
        text = article.text if not article.title else f"{article.title}\n{article.text}"
        for m in _CAP_RUN.finditer(text):
            start = m.start()
            before = text[max(0, start - 2) : start]
            single = " " not in m.group(0)
            # a single capitalised word right after a sentence end is probably just sentence-initial
            if single and (start == 0 or re.search(r"[.!?:\n\"“]\s*$", before)):
                continue
            form = entity_surface(m.group(0))
            key = form.lower()
            if len(key) > 2:
                counts[key] += 1
                surf.setdefault(key, form)
    return Counter(dict(counts.most_common(limit)))


def content_texts(article: Article) -> list[str]:
    """Title, lead and the first body chunks of ``CHUNK_WORDS`` words (what the content vector averages)."""
    words = _WORD.findall(article.text)
    lead = " ".join(words[:60])
    texts = [article.title] if article.title else []
    texts.append(lead)
    for i in range(0, min(len(words), CHUNK_WORDS * MAX_CHUNKS), CHUNK_WORDS):
        chunk = " ".join(words[i : i + CHUNK_WORDS])
        if len(chunk) > 40:
            texts.append(chunk)
    return [t for t in texts if t.strip()] or [article.text[:1000] or " "]


def name_words(text: str) -> set[str]:
    """Lowercased words of multi-word capitalised runs that are seldom written in lowercase (names)."""
    caps = Counter(w.lower() for m in _CAP_RUN.finditer(text) if " " in m.group(0) for w in m.group(0).split())
    lows = Counter(re.findall(r"\b[a-z][a-z'-]+\b", text))
    return {w for w, n in caps.items() if n > lows[w]}


def headline(text: str) -> str:
    """The first line when it looks like a headline (short, no final period), else ""."""
    first = text.lstrip().split("\n", 1)[0].strip()
    return first if 0 < len(first.split()) <= 20 and not first.endswith((".", ":", ",")) else ""


def cache_dir() -> Path:
    from newsprism.nlp.embed import vector_cache_root

    return vector_cache_root()


def cached_embed(texts: list[str], model: str = "minilm", cache_name: str | None = None) -> np.ndarray:
    """Embed texts; with ``cache_name``, reuse vectors stored under the cache dir keyed by text hash."""
    from newsprism.nlp import embed

    if not cache_name:
        return embed(texts, name=model)
    path = cache_dir() / f"{cache_name}-{hashlib.sha1(model.encode()).hexdigest()[:8]}.npz"
    try:
        store = read_arrays(path)
    except (OSError, ValueError):
        store = {}
    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
    missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in store}.items())
    if missing:
        vecs = embed([t for _, t in missing], name=model)
        for (k, _), v in zip(missing, vecs, strict=True):
            store[k] = v
        try:
            write_arrays(path, store)
        except OSError as exc:  # a read-only cache is not an error
            log.info("cannot write embedding cache %s: %s", path, exc)
    return np.stack([store[k] for k in keys]) if keys else np.zeros((0, 384), dtype=np.float32)


def story_features(
    articles: list[Article], model: str = "minilm", cache_name: str | None = None
) -> list[StoryFeatures]:
    """Features for each article, embedding all their texts in one batch."""
    per = [content_texts(a) for a in articles]
    flat = [t for texts in per for t in texts]
    vecs = cached_embed(flat, model=model, cache_name=cache_name)
    out: list[StoryFeatures] = []
    pos = 0
    for art, texts in zip(articles, per, strict=True):
        v = vecs[pos : pos + len(texts)].mean(axis=0)
        pos += len(texts)
        v = v / max(float(np.linalg.norm(v)), 1e-9)
        surfaces: dict[str, str] = {}
        ents = key_entities(art, surfaces=surfaces)
        out.append(
            StoryFeatures(
                article_id=art.id,
                vector=v.astype(np.float32),
                entities=ents,
                day=parse_day(art.published),
                title=art.title or headline(art.text),
                surfaces=surfaces,
                names=name_words(art.text),
            )
        )
    return out


def entity_overlap(a: Counter[str], b: Counter[str]) -> float:
    """Weighted Jaccard overlap of two entity-count bags (0..1)."""
    if not a or not b:
        return 0.0
    keys = set(a) | set(b)
    inter = sum(min(a[k], b[k]) for k in keys)
    union = sum(max(a[k], b[k]) for k in keys)
    return inter / union if union else 0.0


def day_gap(a: date | None, b: date | None) -> int | None:
    return None if a is None or b is None else abs((a - b).days)


def as_dict(f: StoryFeatures) -> dict[str, Any]:
    return {"article": f.article_id, "entities": dict(f.entities), "day": f.day.isoformat() if f.day else None}
