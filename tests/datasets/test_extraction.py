"""The extraction dataset: per-line body labels and the seeded split by page."""

from __future__ import annotations

from pathlib import Path

from newsprism.datasets.extraction import line_labels, load_pages, split_pages


def test_line_labels() -> None:
    assert line_labels(["a b c d", "zz yy", "Menu"], "x a b c d y") == [1, 0, 0]


def test_split_is_by_page_and_seeded(data_dir: Path) -> None:
    pages = load_pages(data_dir)
    train, valid = split_pages(pages, seed=13)
    assert {p.id for p in train}.isdisjoint(p.id for p in valid)
    assert len(train) + len(valid) == len(pages)
    assert [p.id for p in split_pages(pages, seed=13)[1]] == [p.id for p in valid]
