"""``newsprism train techniques``: PTC span tagger + technique classifier."""

from __future__ import annotations

from pathlib import Path

from newsprism.train.registry import trainer


@trainer("techniques")
def train_techniques(data_dir: Path, out_dir: Path, seed: int) -> dict[str, float]:
    """Persuasion techniques from PTC (SemEval-2020 Task 11), seeded 20% by-article validation split."""
    from newsprism.techniques.training import train

    root = data_dir / "ptc" if (data_dir / "ptc").is_dir() else data_dir
    return train(root, out_dir, seed)
