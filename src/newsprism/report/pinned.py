"""The pinned validation values reports show beside what they measure (``bench/floors/<task>.json``).

Reports quote a model's measured quality from the floors file, so the text follows the last ``newsprism bench TASK
--update-floors`` and no number is typed twice. The one module of ``report/`` that reads the bench's files
(tests/test_code_quality.py: ``LAYERING_EXCEPTIONS``).
"""

from __future__ import annotations

from functools import cache


@cache
def validation(task: str) -> dict[str, float]:
    """The pinned full-validation value of each of ``task``'s metrics (``{}`` when the floor file cannot be read)."""
    from newsprism.bench.gate import load_floors

    try:
        spec = load_floors(task) or {}
    except (OSError, ValueError, KeyError):
        return {}
    out = {}
    for name, entry in spec.get("metrics", {}).items():
        full = entry.get("full") if isinstance(entry, dict) else None
        if isinstance(full, dict) and "measured" in full:
            out[name] = float(full["measured"])
    return out
