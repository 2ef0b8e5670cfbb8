"""scripts/draw_quote_sample.py: a split indirect quotation is shown to the judge with all its parts (issue 19)."""

from __future__ import annotations

import importlib.util
import json
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


def _confident(art: Article) -> None:
    """Every quotation above the scorer's threshold: the draw's rules are tested, not the scorer's score of a
    one-sentence text (the session-10 weights hold this sentence back)."""
    for q in art.quotes:
        q.confidence = 1.0


def test_parenthetical_cue_parts_travel_together(analyze: Callable[[str], Article]) -> None:
    art = analyze(
        "Given the terrain and the river, the bridge was never safe, Mary Jones said, the city knew it for years."
    )
    parts = [q for q in art.quotes if q.kind == "indirect"]
    assert len(parts) == 2 and parts[0].event == parts[1].event
    _confident(art)
    mod = _script()
    for q in parts:
        other = next(o for o in parts if o is not q)
        assert mod.event_parts(art.quotes, q) == [[other.start, other.end]]


def test_direct_quotes_have_no_parts(analyze: Callable[[str], Article]) -> None:
    art = analyze("“The plan is ready,” said Mary Jones. “We start next week.”")
    mod = _script()
    assert all(mod.event_parts(art.quotes, q) == [] for q in art.quotes)


def test_an_interrupted_quotation_is_drawn_once(analyze: Callable[[str], Article]) -> None:
    # round 8 (session 9): the draw samples events; the further part of a split quotation is no item of its own
    art = analyze(
        "Given the terrain and the river, the bridge was never safe, Mary Jones said, the city knew it for years."
    )
    parts = sorted((q for q in art.quotes if q.kind == "indirect"), key=lambda q: q.start)
    _confident(art)
    mod = _script()
    assert [mod.later_part(art.quotes, q) for q in parts] == [False, True]


def test_earlier_samples_articles_are_skipped(tmp_path: Path) -> None:
    mod = _script()
    meta = json.dumps({"meta": True})
    (tmp_path / "sample.jsonl").write_text(meta + "\n" + json.dumps({"n": 1, "record_id": "a"}), encoding="utf-8")
    (tmp_path / "sample_r2.jsonl").write_text(json.dumps({"n": 1, "record_id": "b"}), encoding="utf-8")
    (tmp_path / "sample_r3.jsonl").write_text(json.dumps({"n": 1, "record_id": "c"}), encoding="utf-8")
    assert mod.used_articles(tmp_path / "sample_r3.jsonl") == {"a", "b"}


def test_agreement_of_two_judges(tmp_path: Path) -> None:
    mod = _script()
    yes = {"real_quote": True, "right_span": True, "right_speaker": True}
    a = [{"n": i, **yes, "right_speaker": i % 2 == 0} for i in range(1, 9)]
    b = [{"n": i, **yes, "right_speaker": i % 2 == 0 or i == 1} for i in range(1, 9, 2)]
    (tmp_path / "a.jsonl").write_text("\n".join(map(json.dumps, a)), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("\n".join(map(json.dumps, b)), encoding="utf-8")
    assert mod.kappa([True, False, True, False], [True, False, True, False]) == 1.0
    assert mod.kappa([True, True], [True, True]) == 1.0
    assert mod.kappa([True, False], [False, True]) == -1.0
    out = mod.agreement(tmp_path / "a.jsonl", tmp_path / "b.jsonl")
    assert out.startswith("4 shared items:") and "all three raw 0.75" in out and "real_quote raw 1.00 kappa 1.00" in out
