"""Readers of the slant datasets (training file names, or a test portion's own names) and their vector caches."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.datasets.slant import data_file, read_babe
from newsprism.errors import BenchError


def test_data_file_prefers_the_training_name_then_one_pattern_match(tmp_path: Path) -> None:
    (tmp_path / "babe_test.csv").write_text("x", encoding="utf-8")
    assert data_file(tmp_path, "babe_train.csv", "*.csv") == tmp_path / "babe_test.csv"
    (tmp_path / "babe_train.csv").write_text("x", encoding="utf-8")
    assert data_file(tmp_path, "babe_train.csv", "*.csv") == tmp_path / "babe_train.csv"


def test_data_file_refuses_none_or_several(tmp_path: Path) -> None:
    with pytest.raises(BenchError, match=r"E050.*found 0"):
        data_file(tmp_path, "babe_train.csv", "*.csv")
    (tmp_path / "a.csv").write_text("x", encoding="utf-8")
    (tmp_path / "b.csv").write_text("x", encoding="utf-8")
    with pytest.raises(BenchError, match="found 2"):
        data_file(tmp_path, "babe_train.csv", "*.csv")


def test_read_babe_reads_a_test_file_with_its_own_name(tmp_path: Path) -> None:
    header = "text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words\n"
    rows = "A fair sentence.;u;o;t;center;Non-biased;x;[]\nA radical scheme.;u;o;t;right;Biased;x;['radical']\n"
    (tmp_path / "babe_test.csv").write_text(header + rows + "Unsure.;u;o;t;;No agreement;x;[]\n", encoding="utf-8")
    got = list(read_babe(tmp_path))
    assert [r["label"] for r in got] == [0, 1]


def test_cold_and_warm_vector_caches_return_the_same_values(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A trainer run that fills the cache must fit on exactly what a later run reads back (float16 on disk)."""
    import numpy as np

    from newsprism.datasets import slant

    monkeypatch.setenv("NEWSPRISM_CACHE", str(tmp_path))
    rng = np.random.default_rng(0)

    def embed(texts: list[str]) -> np.ndarray:
        return rng.normal(size=(len(texts), 384)).astype(np.float32) / 3.0

    texts = ["First sentence here. Second one follows.", "Only one sentence"]
    cold = slant.sentence_vectors(texts, "t", embed)
    warm = slant.sentence_vectors(texts, "t", embed)
    assert [len(v) for v in cold] == [2, 1]
    assert all(np.array_equal(a, b) for a, b in zip(cold, warm, strict=True))
    cold_t = slant.text_vectors(texts, "t", embed)
    assert np.array_equal(cold_t, slant.text_vectors(texts, "t", embed))
