"""The tone head trainer: which rows it reads, the JSON it writes, outlet-grouped choice and nested CV."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from newsprism.bench.task_tone import COLUMNS, TUNING_SAMPLE, read_tone_sample
from newsprism.tone.head import CLASSES, FEATURES, probabilities
from newsprism.training.tone import GRID, choose, fit, nested_cv, predict, training_rows

SMALL = ((0.1, "none"), (0.3, "balanced"))  # two settings keep the CV tests quick


def _data(n: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Synthetic rows: a negative cue makes a row mostly negative, a positive one mostly positive; 12 outlets."""
    r = np.random.default_rng(seed)
    x = np.zeros((n, len(FEATURES)))
    kind = r.choice(3, n, p=[0.2, 0.65, 0.15])
    x[kind == 0, FEATURES.index("patient_neg")] = 1.0
    x[kind == 2, FEATURES.index("patient_pos")] = 1.0
    x[:, FEATURES.index("clause_vader")] = r.normal(0, 0.3, n)
    flip = r.random(n) < 0.1
    y = np.array(CLASSES)[np.where(flip, 1, kind)]
    groups = np.array([f"outlet{i % 12}" for i in range(n)])
    skipped = np.zeros(n, dtype=bool)
    skipped[:5] = True
    return x, y, groups, skipped, np.full(n, "neutral")


def test_fit_writes_json_weights_that_separate_the_classes() -> None:
    x, y, *_ = _data(300, 1)
    model = fit(x, y, 1.0, "none")
    assert json.loads(json.dumps(model)) == model and model["classes"] == list(CLASSES)
    assert len(model["coef"]) == 3 and all(len(c) == len(FEATURES) for c in model["coef"])
    assert all(s > 0 for s in model["scale"])  # constant features keep scale 1, never 0
    assert model["state_dim"] == 0 and fit(np.hstack([x, x[:, :2]]), y, 1.0, "none")["state_dim"] == 2
    xt, yt, *_ = _data(300, 2)
    pred = np.array(CLASSES)[probabilities(model, xt).argmax(axis=1)]
    assert (pred == yt).mean() > 0.8


def test_skipped_rows_are_neutral() -> None:
    x, y, _, skipped, _ = _data(100, 3)
    model = fit(x, y, 1.0, "balanced")
    x[:, FEATURES.index("patient_neg")] = 1.0
    pred = predict(model, x, skipped)
    assert set(pred[skipped]) == {"neutral"} and "negative" in set(pred[~skipped])


def test_choice_and_nested_cv_beat_the_all_neutral_rule() -> None:
    data = _data(240, 4)
    (c, w), table = choose(data, np.arange(240), seed=0, grid=SMALL)
    assert (c, w) in SMALL and len(table) == len(SMALL) and set(SMALL) < set(GRID)
    scores = nested_cv(data, seed=0, grid=SMALL, reps=1, part=np.arange(240) >= 200)
    assert scores["rule_macro_f1"] < 0.3 < 0.7 < scores["head_macro_f1"]  # the all-neutral "rule" of the fixture
    assert scores["head_accuracy"] >= scores["majority_accuracy"] - 0.05
    assert scores["rows"] == 240 and scores["part_rows"] == 40 and 0 < scores["part_head_macro_f1"] <= 1


def test_training_rows_are_the_tuning_sample_and_labelled_round1_rows(tmp_path: Path) -> None:
    header = "# a training sample\nrow\t" + "\t".join(COLUMNS[:-1]) + "\n"
    rows = ["0\tA\t0\t50\t3\t8\tPERSON", "1\tB\t5\t60\t7\t12\tORG", "2\tC\t0\t45\t0\t4\tPERSON"]
    (tmp_path / "tone_train_r1.tsv").write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "tone_train_labels_a.jsonl").write_text('{"row": 0, "tone": "negative"}\n', encoding="utf-8")
    (tmp_path / "tone_train_labels_b.jsonl").write_text(
        '{"row": 0, "tone": "neutral"}\n{"row": 2, "tone": "Positive"}\n', encoding="utf-8"
    )
    got = training_rows(tmp_path)
    tuning = read_tone_sample(TUNING_SAMPLE)
    assert got[: len(tuning)] == tuning
    assert got[len(tuning) :] == [
        (("A", 0, 50, 3, 8, "PERSON"), "negative"),  # labeller a's file comes first by name
        (("C", 0, 45, 0, 4, "PERSON"), "positive"),  # row 1 is unlabelled: left out
    ]


def test_training_sample_round1_repeats_no_earlier_record_and_only_training_outlets(data_dir: Path) -> None:
    import csv

    from newsprism.bench.task_frames import ALLSIDES_FILE, read_allsides_records
    from newsprism.bench.task_tone import R2_SAMPLE, SAMPLES, TONE_SAMPLE
    from newsprism.datasets.slant import media_split
    from shared_data import require

    def ids(path: Path) -> list[str]:
        with path.open(encoding="utf-8") as fh:
            return [r["record_id"] for r in csv.DictReader((x for x in fh if not x.startswith("#")), delimiter="\t")]

    train = ids(SAMPLES / "tone_train_r1.tsv")
    assert len(train) == len(set(train)) == 600
    assert not set(train) & {i for p in (TONE_SAMPLE, TUNING_SAMPLE, R2_SAMPLE) for i in ids(p)}
    recs = read_allsides_records(require(data_dir / "allsides" / ALLSIDES_FILE))
    validation = media_split([r["source"] for r in recs], 13)
    assert not set(train) & {r["id"] for r, v in zip(recs, validation, strict=True) if v}
