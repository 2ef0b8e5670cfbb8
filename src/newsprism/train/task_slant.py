"""``newsprism train slant``: partisan phrases (log-odds), AllSides media-split classifier, hyperpartisan, BABE."""

from __future__ import annotations

from pathlib import Path

from newsprism.train.registry import trainer


@trainer("slant")
def train_slant(data_dir: Path, out_dir: Path, seed: int) -> dict[str, float]:
    """Seeded splits: AllSides by outlet (~25% of articles), hyperpartisan and BABE 20% random."""
    from newsprism.slant.training import train

    return train(data_dir, out_dir, seed)
