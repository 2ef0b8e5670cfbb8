"""Ingest reports seconds per stage (summed over partitions and workers) for bench ingest's table."""

from __future__ import annotations

from pathlib import Path

from newsprism.batch import ingest
from newsprism.options import load_options
from synthetic_corpus import write_corpus


def test_ingest_result_has_the_per_stage_table(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    write_corpus(src, 6)
    res = ingest([str(src)], str(tmp_path / "store"), load_options(stages=("nlp",)), batch_size=3, stories=True)
    times = res.stage_seconds
    assert res.articles == 6 and res.partitions == 2
    assert list(times.seconds) == ["nlp", "store", "stories"]
    assert times.articles == {"nlp": 6, "store": 6, "stories": 6}  # two partitions of three, added up
    assert all(s >= 0 for s in times.seconds.values()) and times.rows()[-1][0] == "total"
