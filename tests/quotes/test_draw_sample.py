"""scripts/draw_quote_sample.py: a split indirect quotation is shown to the judge with all its parts (issue 19)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

from newsprism.model import Article

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "draw_quote_sample.py"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("draw_quote_sample", SCRIPT)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_parenthetical_cue_parts_travel_together(analyze: Callable[[str], Article]) -> None:
    art = analyze(
        "Given the terrain and the river, the bridge was never safe, Mary Jones said, the city knew it for years."
    )
    parts = [q for q in art.quotes if q.kind == "indirect"]
    assert len(parts) == 2 and parts[0].event == parts[1].event
    mod = _script()
    for q in parts:
        other = next(o for o in parts if o is not q)
        assert mod.event_parts(art.quotes, q) == [[other.start, other.end]]


def test_direct_quotes_have_no_parts(analyze: Callable[[str], Article]) -> None:
    art = analyze("“The plan is ready,” said Mary Jones. “We start next week.”")
    mod = _script()
    assert all(mod.event_parts(art.quotes, q) == [] for q in art.quotes)
