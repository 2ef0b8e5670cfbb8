"""bench stories' conflicts evaluation: labels, gold, agreement and matching reported conflicts to pairs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.bench import stories_conflicts
from newsprism.bench.registry import BenchContext
from newsprism.bench.stories_conflicts import (
    cohen_kappa,
    evaluate_conflicts,
    gold_labels,
    label_files,
    predictions,
    prf,
    read_labels,
    reported,
    reported_pairs,
    round2_values,
    weighted_prf,
    weighted_values,
)
from newsprism.model import ConflictValue, NumberConflict, Span


def _write(path: Path, rows: list[dict[str, object]]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_labels_gold_prefers_labeller_a(tmp_path: Path) -> None:
    _write(tmp_path / "conflict_labels_a.jsonl", [{"pair": 1, "label": "conflict"}, {"pair": 2, "label": "different"}])
    _write(tmp_path / "conflict_labels_b.jsonl", [{"pair": 1, "label": "compatible"}, {"pair": 3, "label": "x"}])
    labels = read_labels(tmp_path)
    assert labels["b"] == {1: "compatible"}  # an unknown label is dropped
    assert gold_labels(labels) == {1: "conflict", 2: "different"}


def test_cohen_kappa() -> None:
    assert cohen_kappa(["a", "b", "a", "b"], ["a", "b", "a", "b"]) == 1.0
    assert cohen_kappa(["a", "a"], ["a", "a"]) == 1.0
    assert cohen_kappa(["a", "b", "a", "b"], ["b", "a", "b", "a"]) == pytest.approx(-1.0)


def _conflict(a: tuple[str, int, int], b: tuple[str, int, int]) -> NumberConflict:
    claim = Span(text="x", start=0, end=1)
    vals = [ConflictValue(article=x, text="1", start=s, end=e, value=1.0, claim=claim) for x, s, e in (a, b)]
    return NumberConflict(
        id="n1", kind="number", quantity=None, unit=None, group=None, match="similar_claims", values=vals
    )


def test_a_pair_is_reported_when_one_conflict_covers_both_mentions() -> None:
    row = {
        "a": {"_id": "x", "mention_start": 10, "mention_end": 12},
        "b": {"_id": "y", "mention_start": 5, "mention_end": 7},
    }
    assert reported(row, [_conflict(("y", 5, 7), ("x", 10, 12))])
    assert not reported(row, [_conflict(("y", 5, 7), ("x", 20, 22))])
    assert not reported(row, [])


def test_prf() -> None:
    assert prf([True, True, False], [True, False, True]) == (0.5, 0.5, 2)
    assert prf([False], [True]) == (0.0, 0.0, 0)


def test_quick_runs_skip_the_conflicts(tmp_path: Path) -> None:
    _write(tmp_path / "conflict_labels_a.jsonl", [{"pair": 1, "label": "conflict"}])
    ctx = BenchContext(data_dir=tmp_path, quick=True)
    assert evaluate_conflicts(ctx, samples=tmp_path) == []


def test_round_two_labels_are_read_apart_from_round_one(tmp_path: Path) -> None:
    _write(tmp_path / "conflict_labels_a.jsonl", [{"pair": 1, "label": "conflict"}])
    _write(tmp_path / "conflict_labels_r2_a.jsonl", [{"pair": 1, "label": "different"}])
    _write(tmp_path / "conflict_labels_r2_b.jsonl", [{"pair": 3, "label": "compatible"}])
    assert read_labels(tmp_path) == {"a": {1: "conflict"}}
    assert read_labels(tmp_path, 2) == {"a": {1: "different"}, "b": {3: "compatible"}}
    assert [p.name for p in label_files(tmp_path, 1)] == ["conflict_labels_a.jsonl"]
    assert len(label_files(tmp_path, 2)) == 2


def test_weighted_prf_counts_each_pair_by_its_weight() -> None:
    p, r = weighted_prf([True, True, False], [True, False, True], [1.0, 3.0, 1.0])
    assert p == 0.25 and r == 0.5
    assert weighted_prf([False], [True], [2.0]) == (0.0, 0.0)


def test_round_two_values_from_predictions_of_each_rule_set() -> None:
    row = {"story": "s", "weight": 2.0, "a": {"_id": "x", "mention_start": 10, "mention_end": 12}}
    row["b"] = {"_id": "y", "mention_start": 5, "mention_end": 7}
    c = _conflict(("y", 5, 7), ("x", 10, 12))
    c.confidence = 0.9
    pred = predictions([row], {"s": {"new": [c], "round1": [], "old": [c]}})
    assert pred == {
        "shown": [True], "all": [True], "round1": [False], "round1_all": [False], "old": [True],
        "round5": [False], "round5_all": [False],  # printed next to the pinned rule sets (round 6), not pinned
    }  # fmt: skip
    values = round2_values([row], [True], pred)
    assert values["conflicts_r2_shown_precision"] == 1.0 and values["conflicts_r2_round1_recall"] == 0.0
    assert values["conflicts_r2_gold"] == 1.0 and values["conflicts_r2_gold_share"] == 1.0


def _pair(n: int, story: str, weight: float, a: tuple[str, int, int], b: tuple[str, int, int]) -> dict[str, object]:
    side = [{"record": f"basil/articles/2012/{x}.json", "mention_start": s, "mention_end": e} for x, s, e in (a, b)]
    return {"pair": n, "story": story, "stratum": "s1", "weight": weight, "a": side[0], "b": side[1]}


def test_round_three_labels_are_read_apart_from_rounds_one_and_two(tmp_path: Path) -> None:
    _write(tmp_path / "conflict_labels_a.jsonl", [{"pair": 1, "label": "conflict"}])
    _write(tmp_path / "conflict_labels_r2_a.jsonl", [{"pair": 1, "label": "different"}])
    _write(tmp_path / "conflict_labels_r3_a.jsonl", [{"pair": 2, "label": "compatible"}])
    _write(tmp_path / "conflict_labels_r3_b.jsonl", [{"pair": 3, "label": "conflict"}])
    assert read_labels(tmp_path) == {"a": {1: "conflict"}}
    assert read_labels(tmp_path, 2) == {"a": {1: "different"}}
    assert read_labels(tmp_path, 3) == {"a": {2: "compatible"}, "b": {3: "conflict"}}
    assert [p.name for p in label_files(tmp_path, 1)] == ["conflict_labels_a.jsonl"]
    assert [p.name for p in label_files(tmp_path, 3)] == ["conflict_labels_r3_a.jsonl", "conflict_labels_r3_b.jsonl"]


def test_round_three_without_labels_is_skipped_with_a_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path / "conflict_pairs_r3.jsonl", [_pair(1, "s", 1.0, ("x", 0, 2), ("y", 0, 2))])
    assert evaluate_conflicts(BenchContext(data_dir=tmp_path), samples=tmp_path) == []
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["conflicts round 3: no labels (conflict_labels_r3_*.jsonl) yet, skipped"]


def test_round_four_is_read_apart_and_skipped_until_labelled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path / "conflict_labels_a.jsonl", [{"pair": 1, "label": "conflict"}])
    _write(tmp_path / "conflict_labels_r3_a.jsonl", [{"pair": 2, "label": "compatible"}])
    _write(tmp_path / "conflict_labels_r4_a.jsonl", [{"pair": 4, "label": "different"}])
    assert read_labels(tmp_path) == {"a": {1: "conflict"}}
    assert read_labels(tmp_path, 3) == {"a": {2: "compatible"}}
    assert read_labels(tmp_path, 4) == {"a": {4: "different"}}
    assert [p.name for p in label_files(tmp_path, 4)] == ["conflict_labels_r4_a.jsonl"]
    empty = tmp_path / "empty"
    empty.mkdir()
    _write(empty / "conflict_pairs_r4.jsonl", [_pair(1, "s", 1.0, ("x", 0, 2), ("y", 0, 2))])
    assert evaluate_conflicts(BenchContext(data_dir=empty), samples=empty) == []
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["conflicts round 4: no labels (conflict_labels_r4_*.jsonl) yet, skipped"]


def test_weighted_values_name_the_round() -> None:
    rows = [_pair(1, "s", 3.0, ("x", 0, 2), ("y", 0, 2)), _pair(2, "s", 1.0, ("x", 5, 7), ("y", 5, 7))]
    pred = {k: [True, False] for k in ("shown", "all", "round1", "round1_all", "old")}
    values = weighted_values(3, rows, [True, True], pred)
    assert values["conflicts_r3_shown_precision"] == 1.0 and values["conflicts_r3_shown_recall"] == 0.75
    assert values["conflicts_r3_round1_all_reported"] == 1.0 and values["conflicts_r3_gold"] == 2.0
    assert not any(k.startswith("conflicts_r2_") for k in values)


def test_reported_pairs_lists_ids_with_their_labels() -> None:
    rows = [_pair(4, "s", 1.0, ("x", 0, 2), ("y", 0, 2)), _pair(9, "s", 1.0, ("x", 5, 7), ("y", 5, 7))]
    pred = {k: [True, True] for k in ("shown", "all", "round1", "round1_all", "old")} | {"old": [False, False]}
    lines = reported_pairs(rows, {4: "conflict", 9: "different"}, pred)
    assert lines[0] == "shown: 4 (conflict), 9 (different)" and lines[-1] == "old: none"


def test_round_three_is_scored_once_labelled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    (data / "basil" / "articles" / "2012").mkdir(parents=True)
    (data / "basil" / "articles" / "2012" / "x.json").write_text("{}", encoding="utf-8")
    rows = [_pair(1, "s", 2.0, ("x", 10, 12), ("y", 5, 7)), _pair(2, "s", 5.0, ("x", 20, 22), ("y", 30, 32))]
    _write(tmp_path / "conflict_pairs_r3.jsonl", rows)
    _write(
        tmp_path / "conflict_labels_r3_a.jsonl", [{"pair": 1, "label": "conflict"}, {"pair": 2, "label": "different"}]
    )
    _write(tmp_path / "conflict_labels_r3_b.jsonl", [{"pair": 2, "label": "different"}])
    found = _conflict(("y", 5, 7), ("x", 10, 12))
    found.confidence = 0.9
    monkeypatch.setattr(stories_conflicts, "_analysed", lambda ctx, rows: {"s": []})
    monkeypatch.setattr(stories_conflicts, "story_conflicts", lambda arts: {"new": [found], "round1": [], "old": []})
    metrics = {m.name: m.value for m in evaluate_conflicts(BenchContext(data_dir=data), samples=tmp_path)}
    assert metrics["conflicts_r3_shown_precision"] == 1.0 and metrics["conflicts_r3_shown_recall"] == 1.0
    assert metrics["conflicts_r3_round1_recall"] == 0.0 and metrics["conflicts_r3_kappa_ab"] == 1.0
    assert metrics["conflicts_r3_gold_share"] == pytest.approx(2 / 7, abs=1e-4)
    assert "conflicts round 3 reported pairs, shown: 1 (conflict)" in capsys.readouterr().err
