from __future__ import annotations

from newsprism.cli.cmd_ingest import progress_fields


def test_resumed_run_counts_only_its_own_articles() -> None:
    f = progress_fields(total=5356, done=200, skipped=1400, elapsed=100.0)
    assert f["total"] == 3956 and f["rate"] == 2.0
    assert f["eta"] == "0:31:18"  # (3956 - 200) / 2 = 1878 s
    assert f["note"] == "(1400 already in the store)"


def test_unknown_total_and_no_progress_yet() -> None:
    f = progress_fields(total=None, done=0, skipped=0, elapsed=0.0)
    assert f == {"total": None, "rate": 0.0, "eta": "-", "note": ""}
