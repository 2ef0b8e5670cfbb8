"""Claim dataset readers and their seeded splits (ClaimBuster by sentence, CLEF by debate)."""

from __future__ import annotations

from pathlib import Path

from newsprism.datasets import claims as D


def test_clef_split_is_by_debate_and_seeded(data_dir: Path) -> None:
    rows = D.read_clef2019(D.checkworthiness_dir(data_dir) / D.CLEF2019)
    train, val = D.split_clef(rows, 13)
    assert {r.group for r in train}.isdisjoint({r.group for r in val})
    assert len(train) + len(val) == len(rows)
    assert D.validation_debates(rows, 13) == D.validation_debates(rows, 13)
    assert D.validation_debates(rows, 13) != D.validation_debates(rows, 14)


def test_claimbuster_split_disjoint_20_percent(data_dir: Path) -> None:
    rows = D.read_claimbuster(D.checkworthiness_dir(data_dir) / D.CLAIMBUSTER)
    train, val = D.split_claimbuster(rows, 13)
    assert len(val) == round(0.2 * len(rows))
    assert {id(r) for r in train}.isdisjoint({id(r) for r in val})
