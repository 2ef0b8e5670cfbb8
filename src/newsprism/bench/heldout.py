"""Where the bench finds the held-out models: the shipped models' choices fitted on the training part only,
which are what the validation split scores (the shipped models were refitted on every labelled row).

They serve the bench alone, so they live in the repository (``benchmarks/models/<family>/``) and not in the
installed package; ``newsprism train`` writes them there.
"""

from __future__ import annotations

from pathlib import Path

from newsprism.errors import BenchError

HELDOUT_ROOT = Path(__file__).resolve().parents[3] / "benchmarks" / "models"


def heldout_dir(family: str) -> Path:
    """``benchmarks/models/<family>`` of the repository this code runs from; E050 when absent (an installed copy
    has no repository: score the shipped models with ``--split test`` instead)."""
    path = HELDOUT_ROOT / family
    if not path.is_dir():
        why = f"{path} (held-out models ship only in a repository clone's benchmarks/models/; or use --split test)"
        raise BenchError("E050", task=family, path=why)
    return path
