"""The blind claims sample: its file (references only, seeded draw) and the bench's precision arithmetic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.bench.task_claims import blind_precision, read_labels, read_sample
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
    from newsprism.bench.task_claims import BLIND_ROUNDS

    for row in (row for rnd in BLIND_ROUNDS if rnd.sample.is_file() for row in read_sample(rnd.sample)):  # drawn rounds
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


def test_rounds_two_to_five_are_fresh_samples_of_150() -> None:
    from newsprism.bench.task_claims import BLIND_ROUNDS

    rounds = [read_sample(r.sample) for r in BLIND_ROUNDS if r.sample.is_file()]  # round 5 once drawn
    assert [r.number for r in BLIND_ROUNDS] == [1, 2, 3, 4, 5] and BLIND_ROUNDS[4].split == "blind r5"
    assert [r.split for r in BLIND_ROUNDS[:4]] == ["tuning r1", "tuning r2", "tuning r3", "tuning r4"]
    assert len(rounds) >= 4
    seen: set[str] = set()
    for rows in rounds:
        assert len(rows) == 150 and [r["sample"] for r in rows] == list(range(150))
        assert all(set(r) == {"sample", "record_id", "start", "end", "sha"} for r in rows)  # references, no text
        ids = {r["record_id"] for r in rows}
        assert not ids & seen  # no record of an earlier round
        seen |= ids


def test_bench_blind_scores_each_labelled_round_apart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.bench import task_claims as T
    from newsprism.bench.registry import BenchContext

    rows = [{"sample": i, "record_id": f"r{i}", "start": 0, "end": 1, "sha": "x"} for i in range(6)]
    for name in ("one.jsonl", "two.jsonl"):
        (tmp_path / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    def write(stem: str, kinds: list[str]) -> None:
        lines = [json.dumps({"sample": i, "kind": k}) + "\n" for i, k in enumerate(kinds)]
        (tmp_path / f"{stem}.jsonl").write_text("".join(lines), encoding="utf-8")

    write("one_labels_a", ["claim", "claim", "opinion", "other", "claim", "opinion"])
    write("one_labels_b", ["claim", "other", "opinion", "other", "claim", "claim"])
    rounds = (
        T.BlindRound(1, tmp_path / "one.jsonl", "one_labels", "blind", "tuning r1", "round 1"),
        T.BlindRound(2, tmp_path / "two.jsonl", "two_labels", "blind_r2", "blind r2", "round 2"),
    )
    calls: list[int] = []

    def predict(_: Path, got: list[dict[str, object]]) -> dict[int, str]:
        calls.append(len(got))
        return {0: "claim", 1: "claim", 2: "opinion", 3: "claim", 4: "other", 5: "opinion"}

    monkeypatch.setattr(T, "BLIND_ROUNDS", rounds)
    monkeypatch.setattr(T, "predict_sample", predict)
    ctx = BenchContext(data_dir=tmp_path)
    got = {m.name: m for m in T.bench_blind(ctx)}
    assert calls == [6]  # round 2 has no labels yet: the stage is not run on its records
    assert got["blind_claim_precision_a"].value == round(2 / 3, 4) and got["blind_claim_precision_a"].n == 3
    assert got["blind_opinion_precision_b"].value == 0.5 and got["blind_claim_precision_a"].split == "tuning r1"
    assert got["blind_kappa_ab"].n == 6 and 0 < got["blind_kappa_ab"].value < 1
    write("two_labels_a", ["claim"] * 6)
    got = {m.name: m for m in T.bench_blind(ctx)}
    assert got["blind_r2_claim_precision_a"].value == 1.0 and got["blind_r2_claim_precision_a"].split == "blind r2"
    assert "blind_r2_kappa_ab" not in got  # one labeller only
    calls.clear()
    got = {m.name: m for m in T.bench_blind(BenchContext(data_dir=tmp_path, extra={"blind_rounds": "2"}))}
    assert calls == [6] and all(name.startswith("blind_r2_") for name in got)  # round 2 alone
