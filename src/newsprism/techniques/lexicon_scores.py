"""Per-row scores of the neutral-wording lexicon (issue 27).

A lexicon span scores its row's precision against PTC gold SI spans on the training articles, smoothed twice
toward what is known about rows like it: the row toward its source group (the ``source`` column's family:
``babe``, ``style-guide``, ``ptc``, ``pattern`` ...), the group toward the lexicon-wide precision, each with a
beta prior of ``PRIOR_STRENGTH`` pseudo-matches. A row seen 0 times scores its group; a group seen 0 times scores
the lexicon-wide precision. Written by ``newsprism train techniques-lexicon``
(:mod:`newsprism.training.techniques_lexicon`); a row missing from the file (a user's lexicon) scores the model's
lexicon-wide ``lexicon_precision``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

SCORES_PATH = Path(__file__).resolve().parents[1] / "models" / "techniques" / "lexicon_scores.json"
PRIOR_STRENGTH = 10.0  # pseudo-matches of each prior (fixed before measuring; not tuned on any split)


def source_group(source: str) -> str:
    """The family of a row's ``source`` column: its text before the first ``:`` or `` (``."""
    return re.split(r"[:(]", source, maxsplit=1)[0].strip().lower() or "unknown"


def smoothed(hits: int, n: int, prior: float, strength: float = PRIOR_STRENGTH) -> float:
    """Beta-smoothed precision: ``(hits + strength * prior) / (n + strength)``."""
    return (hits + strength * prior) / (n + strength)


def build_scores(rows: Iterable[tuple[str, str, int, int]], strength: float = PRIOR_STRENGTH) -> dict[str, Any]:
    """The scores file's content from ``(key, source, hits, n)`` per lexicon row (every row, also unmatched)."""
    rows = list(rows)
    hits_all, n_all = sum(r[2] for r in rows), sum(r[3] for r in rows)
    p0 = hits_all / n_all if n_all else 0.5
    groups: dict[str, list[int]] = {}
    for _, source, hits, n in rows:
        g = groups.setdefault(source_group(source), [0, 0])
        g[0] += hits
        g[1] += n
    group_out = {
        g: {"hits": h, "n": n, "score": round(smoothed(h, n, p0, strength), 4)} for g, (h, n) in groups.items()
    }
    row_out = {
        key: {
            "group": source_group(source),
            "hits": hits,
            "n": n,
            "score": round(smoothed(hits, n, group_out[source_group(source)]["score"], strength), 4),
        }
        for key, source, hits, n in rows
    }
    return {
        "lexicon_precision": round(p0, 4),
        "hits": hits_all,
        "n": n_all,
        "prior_strength": strength,
        "groups": dict(sorted(group_out.items())),
        "rows": row_out,
    }


def read_scores(path: Path) -> dict[str, float]:
    """Row key -> score from a scores file; an absent file gives no row scores."""
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: float(v["score"]) for k, v in data.get("rows", {}).items()}


@lru_cache(maxsize=1)
def shipped_scores() -> Mapping[str, float]:
    """The shipped per-row scores (``models/techniques/lexicon_scores.json``)."""
    return read_scores(SCORES_PATH)
