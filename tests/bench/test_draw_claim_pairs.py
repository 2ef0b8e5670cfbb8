"""scripts/draw_claim_pairs.py round 2 (issue 21): the pairs of round 1 are left out, in either order."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("draw_claim_pairs", ROOT / "scripts" / "draw_claim_pairs.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_round_two_leaves_out_round_one_pairs_in_either_order(tmp_path: Path) -> None:
    draw = _script()
    data = tmp_path / "data"
    paths = {"x": data / "basil" / "x.json", "y": data / "basil" / "y.json"}
    row = {"pair": 1, "story": "g", "a": {"record": "basil/y.json", "start": 5, "end": 9, "sha": "s"},
           "b": {"record": "basil/x.json", "start": 0, "end": 4, "sha": "s"}}  # fmt: skip
    sample = tmp_path / "r1.jsonl"
    sample.write_text(json.dumps(row) + "\n", encoding="utf-8")
    cands = {"g": [(0.9, ("x", 0, 4), ("y", 5, 9)), (0.8, ("x", 0, 4), ("y", 10, 20))]}
    left = draw.without(cands, draw.drawn_keys(sample), paths, data)
    assert left == {"g": [(0.8, ("x", 0, 4), ("y", 10, 20))]}


def test_round_two_has_its_own_seed() -> None:
    draw = _script()
    assert draw.ROUND2_SEED not in (draw.DRAW_SEED, draw.DRAW_SEED + 1)
