"""Named-array caches: missing file reads empty, a write round-trips and leaves no temporary file."""

from pathlib import Path

import numpy as np

from newsprism.arraycache import read_arrays, write_arrays


def test_missing_cache_reads_empty(tmp_path: Path) -> None:
    assert read_arrays(tmp_path / "none.npz") == {}


def test_write_then_read_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "c.npz"
    arrays = {"a1_10": np.arange(3, dtype=np.float16), "b.n": np.array([2], dtype=np.int64)}
    write_arrays(path, arrays)
    back = read_arrays(path)
    assert back.keys() == arrays.keys() and all(np.array_equal(back[k], v) for k, v in arrays.items())
    assert back["a1_10"].dtype == np.float16
    assert sorted(p.name for p in path.parent.iterdir()) == ["c.npz"]
