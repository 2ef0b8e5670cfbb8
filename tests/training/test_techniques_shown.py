"""The shown-span threshold rule of both techniques models (issue 27)."""

from __future__ import annotations

import json
from pathlib import Path

from newsprism.training.techniques_shown import by_method, choose_cut, write_shown


def _scored(rows: list[tuple[float, int, int]]) -> list[tuple[str, float, int]]:
    return [("model", s, y) for s, y, n in rows for _ in range(n)]


def test_lowest_cut_reaching_the_precision_with_enough_spans() -> None:
    sc = _scored([(0.9, 1, 30), (0.7, 1, 10), (0.6, 0, 20), (0.3, 0, 50)])
    got = choose_cut(sc, 0.6, 30)
    assert got["threshold"] == 0.6 and got["reached"] and got["n"] == 60  # 40/60 = 0.67; with 0.3: 40/110
    assert choose_cut(sc, 0.7, 30)["threshold"] == 0.7  # 0.67 < 0.7 at 0.6


def test_ties_are_kept_together() -> None:
    # a cut keeps every span scoring at least it: the 0.5 tie (1 hit, 9 misses) cannot be split
    sc = _scored([(0.9, 1, 30), (0.5, 1, 1), (0.5, 0, 9)])
    got = choose_cut(sc, 0.9, 30)
    assert got["threshold"] == 0.9 and got["n"] == 30


def test_unreachable_target_takes_the_most_precise_cut_that_shows_enough() -> None:
    sc = _scored([(0.95, 1, 5), (0.9, 0, 5), (0.8, 1, 30), (0.7, 0, 10), (0.4, 0, 100)])
    got = choose_cut(sc, 0.9, 30)
    # 0.95 and 0.9 show fewer than 30; at 0.8: 35/40 = 0.875 (best), at 0.7: 35/50 = 0.7
    assert not got["reached"] and got["threshold"] == 0.8 and got["n"] == 40 and got["precision"] == 0.875


def test_too_few_spans_show_nothing() -> None:
    got = choose_cut(_scored([(0.9, 1, 5)]), 0.6, 30)
    assert got["threshold"] > 1.0 and got["n"] == 0 and not got["reached"]


def test_by_method_and_meta_written(tmp_path: Path) -> None:
    sc = [("lexicon", 0.4, 1), ("lexicon", 0.4, 0), ("model", 0.7, 1), ("repetition", 0.2, 0)]
    assert by_method(sc, 0.5) == {
        "lexicon": {"n": 2, "shown": 0, "precision": 0.0},
        "model": {"n": 1, "shown": 1, "precision": 1.0},
        "repetition": {"n": 1, "shown": 0, "precision": 0.0},
    }
    meta = tmp_path / "meta.json"
    meta.write_text(json.dumps({"threshold": 0.1, "tune_shown": {"n": 0}}))
    write_shown(meta, {"threshold": 0.5, "n": 1}, sc, "test")
    d = json.loads(meta.read_text())
    assert d["shown_threshold"] == 0.5 and d["threshold"] == 0.1 and "tune_shown" not in d
    assert d["shown_choice"]["protocol"] == "test" and d["shown_choice"]["by_method"]["model"]["shown"] == 1
