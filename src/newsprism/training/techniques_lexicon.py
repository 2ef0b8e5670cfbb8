"""Per-row scores of the neutral-wording lexicon (issue 27), measured on the PTC training part only.

Each shipped lexicon row's matches (``neutral.find`` on every training article, overlaps resolved as at run
time) are counted against the gold SI spans (a match is correct when it overlaps one); rows are smoothed toward
their source group and groups toward the lexicon-wide precision (:mod:`newsprism.techniques.lexicon_scores`).
The split is the one both techniques models train on (seed 13, 20 % validation); the validation split is not read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsprism.training.registry import MODELS_DIR, trainer

if TYPE_CHECKING:
    from newsprism.datasets.ptc import PtcArticle
    from newsprism.techniques.neutral import Entry

PROTOCOL = "PTC training articles of split(seed, 0.2); a match counts when it overlaps a gold SI span"


def row_counts(arts: list[PtcArticle], entries: tuple[Entry, ...]) -> list[tuple[str, str, int, int]]:
    """``(key, source, hits, n)`` for every lexicon row over ``arts`` (rows without matches included)."""
    from newsprism.techniques import neutral as lex

    hits = dict.fromkeys((e.key for e in entries), 0)
    n = dict(hits)
    for a in arts:
        for h in lex.find(a.text, entries):
            hits[h.key] += int(any(h.start < ge and gs < h.end for gs, ge in a.si))
            n[h.key] += 1
    sources = {e.key: e.source for e in reversed(entries)}  # the first row of a key names its source
    return [(k, sources[k], hits[k], n[k]) for k in hits]


def lexicon_scores(data_dir: Path, seed: int = 13) -> dict[str, Any]:
    """The scores file's content, measured on the training part of ``data_dir``'s PTC articles."""
    from newsprism.datasets.ptc import load_ptc, split
    from newsprism.techniques import neutral as lex
    from newsprism.techniques.lexicon_scores import build_scores

    train_arts, _ = split(load_ptc(data_dir), seed)
    out = build_scores(row_counts(train_arts, tuple(lex.read_tsv(lex.LEXICON_PATH))))
    return {"protocol": PROTOCOL, "seed": seed, "n_train_articles": len(train_arts), **out}


@trainer("techniques-lexicon")
def train_lexicon(data_dir: Path, out_dir: Path, seed: int) -> dict[str, float]:
    """Per-row lexicon span scores (smoothed PTC precision on the training articles; no model refit)."""
    root = data_dir / "ptc" if (data_dir / "ptc").is_dir() else data_dir
    base = MODELS_DIR / "techniques" if out_dir.name == "techniques-lexicon" else out_dir
    data = lexicon_scores(root, seed)
    base.mkdir(parents=True, exist_ok=True)
    (base / "lexicon_scores.json").write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    rows = data["rows"].values()
    return {
        "lexicon_precision": float(data["lexicon_precision"]),
        "matches": float(data["n"]),
        "rows_matched": float(sum(1 for r in rows if r["n"])),
        "rows": float(len(rows)),
    }
