"""The blind AllSides frames sample: the file parses, labels are frame names, offsets fall inside the records,
the seeded draw reproduces it, and the sentence rule is deterministic."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.bench.task_frames import (
    ALLSIDES_FILE,
    ALLSIDES_SAMPLE,
    MAX_CHARS,
    MIN_CHARS,
    SAMPLE_SIZE,
    confusion_summary,
    draw_allsides_sample,
    predict_allsides_sample,
    read_allsides_records,
    read_allsides_sample,
    split_sentences,
)
from newsprism.errors import BenchError
from newsprism.frames.codebook import FRAMES
from shared_data import missing


def test_sample_parses_with_valid_labels_and_offsets() -> None:
    rows = read_allsides_sample()
    assert len(rows) == SAMPLE_SIZE
    assert len({r[0] for r in rows}) == SAMPLE_SIZE  # one sentence per record
    for rid, start, end, frame in rows:
        assert rid and frame in FRAMES
        assert 0 <= start < end and MIN_CHARS <= end - start <= MAX_CHARS
    assert ALLSIDES_SAMPLE.read_text(encoding="utf-8").splitlines()[0].split("\t") == [
        "record_id",
        "start",
        "end",
        "frame",
    ]


def test_offsets_lie_within_records_and_draw_reproduces_sample(data_dir: Path) -> None:
    path = data_dir / "allsides" / ALLSIDES_FILE
    if not path.is_file():
        missing("../shared/data/allsides")
    texts = {r["id"]: r["content"] for r in read_allsides_records(path)}
    for rid, start, end, _ in read_allsides_sample():
        assert rid in texts and end <= len(texts[rid])
        span = texts[rid][start:end]
        assert span == span.strip() and (start, end) in split_sentences(texts[rid])
    assert draw_allsides_sample(path) == [r[:3] for r in read_allsides_sample()]


def test_missing_dataset_is_e050(tmp_path: Path) -> None:
    with pytest.raises(BenchError) as err:
        predict_allsides_sample(tmp_path)
    assert err.value.code == "E050"


def test_split_sentences_rule() -> None:
    text = "Mr. Smith went to Washington. He left!  U.S. troops stayed.\n\n“Quoted.” Next one? yes"
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == ["Mr. Smith went to Washington.", "He left!", "U.S. troops stayed.", "“Quoted.”", "Next one? yes"]
    assert split_sentences("") == []


def test_confusion_summary() -> None:
    out = confusion_summary(["economic", "economic", "political"], ["economic", "other", "other"])
    assert out.startswith("economic 2: 1 right (as other 1); political 1: 0 right (as other 1)")
    assert "economic->other 1" in out
