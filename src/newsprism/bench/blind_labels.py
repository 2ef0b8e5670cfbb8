"""Labels of our blind samples: one JSONL file per labeller (claim kinds, tone round 2, claim pairs, conflicts)."""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path

from newsprism.errors import BenchError


def read_label_file(path: Path, key: str, field: str, allowed: Collection[str], task: str) -> dict[int, str]:
    """``{row[key]: row[field]}`` of one labeller's file, labels lower-cased; E050 on a malformed row or a label
    outside ``allowed``."""
    out: dict[int, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in filter(str.strip, fh):
            try:
                row = json.loads(line)
                n, label = int(row[key]), str(row[field]).strip().lower()
            except (ValueError, KeyError, TypeError) as exc:
                raise BenchError("E050", task=task, path=f"{path} ({exc})") from exc
            if label not in allowed:
                raise BenchError("E050", task=task, path=f"{path} ({field} {label!r})")
            out[n] = label
    return out


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
