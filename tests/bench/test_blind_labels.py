"""Blind pair-sample labels: per-labeller files, labels outside the scheme left out, labeller a's as gold."""

from __future__ import annotations

from pathlib import Path

from newsprism.bench.blind_labels import gold_labels, read_pair_labels


def test_labels_per_labeller_and_gold_prefers_a(tmp_path: Path) -> None:
    (tmp_path / "x_labels_a.jsonl").write_text('{"pair": 1, "label": "same"}\n{"pair": 2, "label": "odd"}\n')
    (tmp_path / "x_labels_b.jsonl").write_text('{"pair": 1, "label": "different"}\n\n{"pair": 3, "label": "same"}\n')
    labels = read_pair_labels(tmp_path, "x_labels_", ("same", "different"))
    assert labels == {"a": {1: "same"}, "b": {1: "different", 3: "same"}}
    assert gold_labels(labels) == {1: "same", 3: "same"}
