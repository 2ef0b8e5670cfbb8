"""``newsprism train claims``: check-worthiness (ClaimBuster, CLEF 2019) and subjectivity (CheckThat!, BABE)."""

from __future__ import annotations

from pathlib import Path

from newsprism.train.registry import trainer


@trainer("claims")
def train_claims(data_dir: Path, out_dir: Path, seed: int) -> dict[str, float]:
    """Claim check-worthiness + subjectivity: TF-IDF vs MiniLM vs both, LogisticRegression, best per task."""
    from newsprism.claims.training import train

    return train(data_dir, out_dir, seed)
