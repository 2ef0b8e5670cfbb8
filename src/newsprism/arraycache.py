"""Named-array caches on disk (``.npz``, never pickle): read all arrays, write them atomically."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np


def read_arrays(path: Path) -> dict[str, np.ndarray]:
    """Every array in ``path`` by name; ``{}`` when the file does not exist yet."""
    if not path.exists():
        return {}
    with np.load(path, allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


def write_arrays(path: Path, arrays: Mapping[str, np.ndarray]) -> None:
    """Write ``arrays`` to ``path`` through a temporary file and a rename: never a half-written cache."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    np.savez(tmp, **arrays)  # type: ignore[arg-type]  # numpy stubs mistype **arrays
    tmp.replace(path)
