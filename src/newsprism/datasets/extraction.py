"""The extraction dataset (../shared/data/extraction): pages, their seeded split and per-line body labels."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

from newsprism.errors import BenchError
from newsprism.metrics import TOKEN, shingles


@dataclass(frozen=True)
class Page:
    id: str
    body: str
    plain: Path
    html: Path


def load_pages(data_dir: Path) -> list[Page]:
    """Pages of the extraction dataset in ids.txt order (``data_dir`` is the shared data root)."""
    root = data_dir / "extraction"
    truth = root / "truth.jsonl"
    if not truth.is_file():
        raise BenchError("E050", task="extraction", path=str(root))
    bodies = {}
    for line in truth.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            bodies[rec["id"]] = rec["articleBody"]
    ids = [i.strip() for i in (root / "ids.txt").read_text(encoding="utf-8").split() if i.strip()]
    return [Page(i, bodies[i], root / "plain" / f"{i}.txt", root / "html" / f"{i}.html") for i in ids if i in bodies]


def split_pages(pages: list[Page], seed: int = 13, train_share: float = 0.7) -> tuple[list[Page], list[Page]]:
    """Seeded split BY PAGE: (train, validation)."""
    order = sorted(pages, key=lambda p: p.id)
    random.Random(seed).shuffle(order)
    cut = round(len(order) * train_share)
    return order[:cut], order[cut:]


def norm(text: str) -> str:
    return " ".join(TOKEN.findall(text.lower()))


def line_labels(lines: list[str], body: str) -> list[int]:
    """1 when a line belongs to the article body (its text, normalised, occurs in the body)."""
    nbody = f" {norm(body)} "
    body_sh = shingles(body)
    out = []
    for line in lines:
        nl = norm(line)
        if not nl:
            out.append(0)
        elif f" {nl} " in nbody:
            out.append(1 if len(nl.split()) >= 3 or nbody.count(f" {nl} ") == 1 else 0)
        else:
            sh = shingles(line)
            total = sum(sh.values())
            out.append(int(total > 0 and sum((sh & body_sh).values()) / total >= 0.5))
    return out
