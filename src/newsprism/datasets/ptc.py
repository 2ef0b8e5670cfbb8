"""Reader for the PTC corpus (SemEval-2020 Task 11 layout) and the seeded by-article split."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.errors import BenchError


@dataclass
class PtcArticle:
    id: str
    text: str
    si: list[tuple[int, int]] = field(default_factory=list)
    tc: list[tuple[str, int, int]] = field(default_factory=list)


def load_ptc(root: Path) -> list[PtcArticle]:
    """Articles with their SI spans (merged, task 1) and TC spans (technique, start, end; task 2)."""
    art_dir = root / "train-articles"
    if not art_dir.is_dir():
        raise BenchError("E050", task="techniques", path=art_dir)
    arts = {}
    for p in sorted(art_dir.glob("article*.txt")):
        aid = p.stem.removeprefix("article")
        arts[aid] = PtcArticle(aid, p.read_text(encoding="utf-8"))
    for line in (root / "train-task1-SI.labels").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) == 3 and cols[0] in arts:
            arts[cols[0]].si.append((int(cols[1]), int(cols[2])))
    for line in (root / "train-task2-TC.labels").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) == 4 and cols[0] in arts:
            arts[cols[0]].tc.append((cols[1], int(cols[2]), int(cols[3])))
    return [arts[k] for k in sorted(arts)]


def split(
    articles: list[PtcArticle], seed: int = 13, valid_share: float = 0.2
) -> tuple[list[PtcArticle], list[PtcArticle]]:
    """Seeded split by article: (train, validation)."""
    ids = sorted(a.id for a in articles)
    random.Random(seed).shuffle(ids)
    n_valid = round(len(ids) * valid_share)
    valid = set(ids[:n_valid])
    return [a for a in articles if a.id not in valid], [a for a in articles if a.id in valid]


def data_files(root: Path) -> list[Path]:
    return [root / "train-task1-SI.labels", root / "train-task2-TC.labels"]
