"""The blind claims sample: its file (references only, seeded draw) and the bench's precision arithmetic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.bench.task_claims import SAMPLE, blind_precision, read_labels, read_sample
from newsprism.errors import BenchError
from shared_data import missing


def test_sample_holds_150_references_and_no_text() -> None:
    rows = read_sample()
    assert len(rows) == 150
    assert [r["sample"] for r in rows] == list(range(150))
    assert all(set(r) == {"sample", "record_id", "start", "end", "sha"} for r in rows)
    assert all(0 <= r["start"] < r["end"] for r in rows)
    assert len({r["record_id"] for r in rows}) == 150  # one sentence per article
    assert rows == sorted(rows, key=lambda r: (r["record_id"], r["start"]))


def test_sample_offsets_match_the_dataset(data_dir: Path) -> None:
    import hashlib

    from newsprism.bench.task_frames import ALLSIDES_FILE, read_allsides_records
    from newsprism.datasets.slant import media_split

    path = data_dir / "allsides" / ALLSIDES_FILE
    if not path.is_file():
        missing("../shared/data/allsides")
    recs = read_allsides_records(path)
    val = media_split([r["source"] for r in recs], 13)
    by_id = {r["id"]: (r, bool(v)) for r, v in zip(recs, val, strict=True)}
    for row in read_sample(SAMPLE):
        rec, is_validation = by_id[row["record_id"]]
        assert is_validation  # validation outlets only
        sent = rec["content"][row["start"] : row["end"]]
        assert hashlib.sha256(sent.encode("utf-8")).hexdigest()[:12] == row["sha"]


def test_read_labels_and_precision(tmp_path: Path) -> None:
    f = tmp_path / "claims_blind_labels_x.jsonl"
    kinds = ["claim", "claim", "opinion", "mixed", "other"]
    f.write_text("".join(json.dumps({"sample": i, "kind": k}) + "\n" for i, k in enumerate(kinds)), encoding="utf-8")
    gold = read_labels(f)
    pred = {0: "claim", 1: "opinion", 2: "opinion", 3: "claim", 4: "other"}
    assert blind_precision(gold, pred, "claim") == (0.5, 2)  # a gold 'mixed' predicted 'claim' is wrong
    assert blind_precision(gold, pred, "opinion") == (0.5, 2)
    f.write_text(json.dumps({"sample": 0, "kind": "fact"}) + "\n", encoding="utf-8")
    with pytest.raises(BenchError):
        read_labels(f)
