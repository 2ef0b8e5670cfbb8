"""The blind AllSides tone sample: the file parses, offsets fall inside the records, the seeded draw reproduces
it, and the metrics (stage, whole-sentence VADER, labels from scores) compute on a tiny fixture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.bench.registry import evaluators
from newsprism.bench.task_frames import read_allsides_records, split_sentences
from newsprism.bench.task_tone import (
    ALLSIDES_FILE,
    COLUMNS,
    LABELS,
    MAX_CHARS,
    MIN_CHARS,
    SAMPLE_SIZE,
    TARGET_LABELS,
    TONE_SAMPLE,
    draw_tone_sample,
    label,
    predict_tone_sample,
    read_tone_sample,
    scores,
)
from newsprism.errors import BenchError
from shared_data import missing


def test_sample_parses_with_valid_labels_and_offsets() -> None:
    rows = read_tone_sample()
    assert len(rows) == SAMPLE_SIZE
    assert len({r[0] for r, _ in rows}) == SAMPLE_SIZE  # one item per record
    for (rid, s, e, ts, te, kind), tone in rows:
        assert rid and tone in LABELS and kind in TARGET_LABELS
        assert 0 <= s <= ts < te <= e and MIN_CHARS <= e - s <= MAX_CHARS
    lines = TONE_SAMPLE.read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    assert comments and "BLIND" in " ".join(comments)
    assert lines[len(comments)].split("\t") == COLUMNS


@pytest.mark.slow
def test_offsets_lie_within_records_and_draw_reproduces_sample(data_dir: Path) -> None:
    path = data_dir / "allsides" / ALLSIDES_FILE
    if not path.is_file():
        missing("../shared/data/allsides")
    texts = {r["id"]: r["content"] for r in read_allsides_records(path)}
    for (rid, s, e, ts, te, _), _ in read_tone_sample():
        assert rid in texts and e <= len(texts[rid])
        assert (s, e) in split_sentences(texts[rid])
        target = texts[rid][ts:te]
        assert target == target.strip() and target[:1].isupper()
    assert draw_tone_sample(path) == [r for r, _ in read_tone_sample()]


def test_missing_dataset_is_e050(tmp_path: Path) -> None:
    with pytest.raises(BenchError) as err:
        predict_tone_sample(tmp_path)
    assert err.value.code == "E050"


def test_label_cut_and_scores() -> None:
    assert [label(x) for x in (None, 0.05, -0.05, 0.051, -0.3)] == [
        "neutral",
        "neutral",
        "neutral",
        "positive",
        "negative",
    ]
    acc, f1 = scores(["negative", "neutral", "positive", "neutral"], ["negative", "positive", "positive", "neutral"])
    assert acc == 0.75 and f1 == pytest.approx((1 + 2 / 3 + 2 / 3) / 3)
    assert scores(["neutral"] * 3, ["neutral"] * 3) == (1.0, pytest.approx(1 / 3))  # absent classes score 0


def test_predict_on_tiny_fixture(tmp_path: Path) -> None:
    text = (
        "Senate Passes Border Bill After Marathon Session\n\n"
        "Voters warmly praised Senator Maria Lopez for the careful new border plan, "
        "but critics angrily slammed Senator Tom Reed "
        "for the shameful delays."
    )
    (tmp_path / "allsides").mkdir()
    (tmp_path / "allsides" / ALLSIDES_FILE).write_text(
        json.dumps({"ID": "r1", "source": "X", "content_original": text}) + "\n", encoding="utf-8"
    )
    s = text.index("Voters")
    e = len(text)
    head = (0, text.index("\n"))
    items = [
        (s, e, text.index("Maria Lopez"), text.index(" for the careful"), "positive"),
        (s, e, text.index("Tom Reed"), text.index(" for the shameful"), "negative"),
        (*head, text.index("Senate"), text.index(" Passes"), "neutral"),  # headline: the stage gives no tone
    ]
    sample = tmp_path / "sample.tsv"
    body = [f"r1\t{a}\t{b}\t{c}\t{d}\tPERSON\t{g}" for a, b, c, d, g in items]
    sample.write_text("# fixture\n" + "\t".join(COLUMNS) + "\n" + "\n".join(body) + "\n", encoding="utf-8")
    gold, stage, sentence = predict_tone_sample(tmp_path, sample)
    assert gold == ["positive", "negative", "neutral"]
    assert stage == gold  # the clause cut separates Lopez from Reed
    assert sentence[0] == sentence[1]  # whole-sentence VADER gives both targets one label
    assert "tone" in evaluators()


def test_tuning_sample_parses_and_never_overlaps_the_blind_sample() -> None:
    from newsprism.bench.task_tone import TUNING_DRAW, TUNING_SAMPLE

    rows = read_tone_sample(TUNING_SAMPLE)
    assert len(rows) == TUNING_DRAW["n"] and all(t in LABELS for _, t in rows)
    assert not {r[0] for r, _ in rows} & {r[0] for r, _ in read_tone_sample()}


def test_round2_sample_never_repeats_an_earlier_record_and_labels_parse(tmp_path: Path) -> None:
    from newsprism.bench.task_tone import R2_SAMPLE, TUNING_SAMPLE, read_r2_labels, read_r2_sample

    earlier = {r[0] for r, _ in read_tone_sample()} | {r[0] for r, _ in read_tone_sample(TUNING_SAMPLE)}
    labels = tmp_path / "labels.jsonl"
    labels.write_text('{"row": 0, "tone": "Negative"}\n{"row": 2, "tone": "neutral"}\n', encoding="utf-8")
    rows = read_r2_sample(R2_SAMPLE, labels)
    assert [t for _, t in rows] == ["negative", "neutral"]  # only the labelled rows, in sample order
    with R2_SAMPLE.open(encoding="utf-8") as fh:
        ids = [line.split("\t")[1] for line in fh if line[:1].isdigit()]
    assert len(ids) == len(set(ids)) == 100 and not set(ids) & earlier
    labels.write_text('{"row": 0, "tone": "angry"}\n', encoding="utf-8")
    with pytest.raises(BenchError, match="E050"):
        read_r2_labels(labels)
