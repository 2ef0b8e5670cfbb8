"""compare's output does not depend on Python's string hashing (ties are broken by a stable key)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXE = Path(sys.executable).parent / "newsprism"
NAMES = ("Maria Lopez", "Tom Becker", "Ana Silva", "Joe Park", "Lena Wolf")


@pytest.mark.slow
def test_compare_is_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    for i in range(3):  # every name in every article once: entity counts tie everywhere
        names = NAMES[i:] + NAMES[:i]
        text = " ".join(f"{n} spoke about the harbor tunnel vote on Tuesday." for n in names)
        (tmp_path / f"a{i}.txt").write_text(f"Harbor tunnel vote\n\n{text} The council approved it 7-2.\n")
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"c{seed}.json"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        files = [str(p) for p in sorted(tmp_path.glob("a*.txt"))]
        proc = subprocess.run(
            [str(EXE), "compare", *files, "--stages", "nlp", "-f", "json", "-q", "-o", str(out)],
            capture_output=True,
            text=True,
            timeout=600,
            env=env,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
