"""Small synthetic corpora for store and batch tests (no shared data needed)."""

from __future__ import annotations

import json
import random
from pathlib import Path

_VOCAB = "council budget police school market health vote report city minister growth river bridge court union"
WORDS = tuple(_VOCAB.split())


def body(rng: random.Random, n: int = 80) -> str:
    sentences = []
    while sum(len(s.split()) for s in sentences) < n:
        sentences.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 12))).capitalize() + ".")
    return " ".join(sentences)


def write_corpus(path: Path, n: int, seed: int = 7, bad: bool = True, words: int = 80) -> list[str]:
    """Write n good records (ids r0..r{n-1}) plus, when ``bad``, one invalid JSON line and one empty text."""
    rng = random.Random(seed)
    ids = []
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            rec = {
                "id": f"r{i}",
                "outlet": f"Outlet {i % 3}",
                "date": f"2021-{1 + i % 12:02d}-05",
                "title": f"Story {i}",
                "text": body(rng, words),
            }
            fh.write(json.dumps(rec) + "\n")
            ids.append(rec["id"])
            if bad and i == n // 2:
                fh.write("{not json\n")
                fh.write(json.dumps({"id": "blank", "text": "  \n "}) + "\n")
    return ids
