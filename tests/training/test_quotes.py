"""The attribution scorer's trainer: PolNeAR attributions and labels, judged items, calibrated fit, threshold."""

from __future__ import annotations

import json
import random
from pathlib import Path

from newsprism.quotes.candidate import Candidate
from newsprism.quotes.confidence import FEATURES, probability
from newsprism.quotes.speaker_names import Cluster, Resolved
from newsprism.training.quotes import (
    Data,
    _same_span,
    attributions,
    choose_threshold,
    eligible,
    fit,
    judged_items,
    measure,
    polnear_right,
    round_of,
    split_groups,
)


def test_right_span_needs_half_of_each() -> None:
    assert _same_span((10, 30), (12, 32))
    assert not _same_span((10, 100), (12, 32))  # prediction more than twice the gold
    assert not _same_span((10, 14), (10, 40))


def _data(n: int, seed: int) -> Data:
    """Synthetic: direct quotations are mostly right, trailing readings mostly wrong."""
    r = random.Random(seed)
    i_direct, i_trailing = FEATURES.index("rule=direct"), FEATURES.index("rule=trailing")
    xs, ys = [], []
    for _ in range(n):
        x = [0.0] * len(FEATURES)
        good = r.random() < 0.5
        x[i_direct if good else i_trailing] = 1.0
        xs.append(x)
        ys.append(int(r.random() < (0.9 if good else 0.2)))
    return xs, ys, [1.0] * n


def test_fit_orders_and_calibrates() -> None:
    model = fit(_data(400, 1), _data(400, 2))
    x_direct, x_trailing = [0.0] * len(FEATURES), [0.0] * len(FEATURES)
    x_direct[FEATURES.index("rule=direct")] = 1.0
    x_trailing[FEATURES.index("rule=trailing")] = 1.0
    assert abs(probability(model, x_direct) - 0.9) < 0.08
    assert abs(probability(model, x_trailing) - 0.2) < 0.08
    scores = measure(model, _data(400, 3))
    assert scores["ece"] < 0.08 and scores["precision_shown"] > scores["base_precision"]


ANN = (
    "T1\tSource 0 8\tTom Reed\nT2\tCue 9 13\tsaid\nT3\tContent 14 30\tthe plan was set\n"
    "T4\tAttribution 9 13\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tCue 40 47\tclaimed\nT6\tContent 48 60;62 70\tx\nT7\tAttribution 40 47\tclaimed\n"
    "E2\tAttribution:T7 Content:T6 Cue:T5\n"
)
TEXT = "Tom Reed said the plan was set. Then it claimed something else and a bit more here."


def test_attributions_link_source_cue_and_content() -> None:
    atts = attributions(ANN)
    assert atts[0] == {"source": [(0, 8)], "cue": [(9, 13)], "content": [(14, 30)]}
    assert atts[1] == {"source": [], "cue": [(40, 47)], "content": [(48, 60), (62, 70)]}


def test_polnear_label_needs_content_and_source_of_one_attribution() -> None:
    gold = attributions(ANN)
    reed = Resolved(Cluster(0, "Tom Reed", "person"), 0, 8)
    assert polnear_right(TEXT, Candidate("indirect", 14, 30, speaker=reed), gold)
    assert not polnear_right(TEXT, Candidate("indirect", 14, 30), gold)  # the source is missing
    wrong = Resolved(Cluster(1, "Ann Lee", "person"), 32, 36)
    assert not polnear_right(TEXT, Candidate("indirect", 14, 30, speaker=wrong), gold)
    assert polnear_right(TEXT, Candidate("indirect", 48, 60), gold)  # sourceless gold, no speaker
    assert not polnear_right(TEXT, Candidate("indirect", 48, 60, speaker=reed), gold)
    assert not polnear_right(TEXT, Candidate("indirect", 0, 40, speaker=reed), gold)  # span too long


def test_eligible_mirrors_what_reports_could_show() -> None:
    reed = Resolved(Cluster(0, "Tom Reed", "person"), 0, 8)
    assert eligible(Candidate("direct", 0, 5, speaker=reed))
    assert not eligible(Candidate("term", 0, 5))
    assert not eligible(Candidate("indirect", 0, 5, speaker=reed, extra={"attitude": True}))
    assert not eligible(Candidate("indirect", 0, 5, speaker=reed, extra={"outlet_report": True}))
    assert not eligible(Candidate("direct", 0, 5, extra={"source_start": 0}))
    assert not eligible(Candidate("direct", 0, 5))
    assert eligible(Candidate("direct", 0, 5, extra={"interview": True}))


def test_threshold_is_the_lowest_that_reaches_the_aim() -> None:
    ps = [0.99, 0.95, 0.9, 0.8, 0.7, 0.6]
    ys = [1, 1, 1, 1, 0, 0]
    assert choose_threshold(ps, ys, aim=0.9, min_shown=2) == 0.8
    assert choose_threshold(ps, ys, aim=0.9, min_shown=5) == 1.0  # none shows five at that precision
    assert choose_threshold([0.9, 0.9, 0.5], [1, 0, 1], aim=0.6, min_shown=1) == 0.5  # ties go together


def test_judged_items_pair_samples_with_judgements(tmp_path: Path) -> None:
    rows = [{"meta": True}, {"n": 1, "record_id": "a", "start": 0, "end": 5, "speaker": "X", "parts": [[9, 12]]}]
    (tmp_path / "sample_r9.jsonl").write_text("\n".join(map(json.dumps, rows)), encoding="utf-8")
    j = {"n": 1, "real_quote": True, "right_span": True, "right_speaker": False}
    (tmp_path / "judgements_r9.jsonl").write_text(json.dumps(j), encoding="utf-8")
    (tmp_path / "sample_r10.jsonl").write_text(json.dumps(rows[1]), encoding="utf-8")  # not judged yet
    [it] = judged_items(tmp_path, last_round=9)
    assert (it.record_id, it.start, it.end, it.speaker, it.parts) == ("a", 0, 5, "X", [(9, 12)])
    assert it.real_span and not it.right


def test_judged_articles_split_into_three_disjoint_parts() -> None:
    groups = [f"r{i % 40}" for i in range(200)]
    parts = split_groups(groups)
    assert set().union(*parts.values()) == set(groups)
    assert not (parts["fit"] & parts["hold"]) and not (parts["calibrate"] & parts["hold"])
    assert len(parts["fit"]) == 20 and len(parts["hold"]) == 10 and parts == split_groups(groups)


def test_only_rounds_up_to_the_last_tuning_round_are_read(tmp_path: Path) -> None:
    """The blind round that measures the shipped scorer never becomes its tuning data by accident (issue 19)."""
    assert [round_of(Path(n)) for n in ("sample.jsonl", "sample_r8.jsonl", "sample_r12.jsonl", "x.jsonl")] == [
        1,
        8,
        12,
        0,
    ]
    for name, rid in (("", "one"), ("_r8", "eight"), ("_r9", "nine")):
        row = {"n": 1, "record_id": rid, "start": 0, "end": 5, "speaker": "X"}
        (tmp_path / f"sample{name}.jsonl").write_text(json.dumps(row), encoding="utf-8")
        j = {"n": 1, "real_quote": True, "right_span": True, "right_speaker": True}
        (tmp_path / f"judgements{name}.jsonl").write_text(json.dumps(j), encoding="utf-8")
    assert {it.record_id for it in judged_items(tmp_path, last_round=8)} == {"one", "eight"}
    assert {it.record_id for it in judged_items(tmp_path, last_round=9)} == {"one", "eight", "nine"}
    assert {it.record_id for it in judged_items(tmp_path)} == {"one", "eight"}  # LAST_TUNING_ROUND = 8
