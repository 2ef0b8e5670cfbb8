"""Labels of the blind pair samples (claim pairs, conflict pairs): one JSONL file per labeller of
``{"pair", "label"}`` rows."""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path


def read_pair_labels(samples: Path, prefix: str, allowed: Collection[str]) -> dict[str, dict[int, str]]:
    """``{labeller: {pair: label}}`` from every ``<prefix><who>.jsonl`` in ``samples`` (labels outside ``allowed``
    are left out)."""
    out: dict[str, dict[int, str]] = {}
    for path in sorted(samples.glob(f"{prefix}*.jsonl")):
        who = path.stem.removeprefix(prefix)
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        out[who] = {int(r["pair"]): str(r["label"]) for r in rows if r.get("label") in allowed}
    return out


def gold_labels(labels: dict[str, dict[int, str]]) -> dict[int, str]:
    """Labeller a's label of each pair, else the first other labeller's (in name order)."""
    gold: dict[int, str] = {}
    for who in sorted(labels, key=lambda w: (w != "a", w)):
        for pair, lab in labels[who].items():
            gold.setdefault(pair, lab)
    return gold
