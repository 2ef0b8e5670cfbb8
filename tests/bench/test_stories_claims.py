"""The claim-pair evaluation of bench stories (issue 21): labels, gold, precision/recall helpers."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from newsprism.bench.stories_claims import cosine_at_precision, gold_labels, legacy_rule, prf, read_labels


def test_labels_gold_prefers_a_and_skips_unknown(tmp_path: Path) -> None:
    rows_a = [{"pair": 1, "label": "same"}, {"pair": 2, "label": "bogus"}]
    rows_b = [{"pair": 1, "label": "related"}, {"pair": 3, "label": "different"}]
    for who, rows in (("a", rows_a), ("b", rows_b)):
        text = "".join(json.dumps(r) + "\n" for r in rows)
        (tmp_path / f"claim_pair_labels_val_{who}.jsonl").write_text(text, encoding="utf-8")
    (tmp_path / "claim_pair_labels_train_t.jsonl").write_text('{"pair": 9, "label": "same"}\n', encoding="utf-8")
    labels = read_labels("val", tmp_path)
    assert labels == {"a": {1: "same"}, "b": {1: "related", 3: "different"}}
    assert gold_labels(labels) == {1: "same", 3: "different"}
    assert read_labels("train", tmp_path) == {"t": {9: "same"}}


def test_prf_and_cosine_at_precision() -> None:
    assert prf([True, True, False], [True, False, True]) == (0.5, 0.5, 2)
    assert prf([False], [True]) == (0.0, 0.0, 0)
    cos = np.array([0.9, 0.8, 0.7, 0.6])
    t, p, r = cosine_at_precision(cos, [True, True, False, True], 0.75)
    assert (t, p, r) == (0.6, 0.75, 1.0)


def test_legacy_rule_is_cosine_plus_bonuses() -> None:
    assert legacy_rule("Some words here.", "Other words there.", 0.71)
    assert not legacy_rule("Some words here.", "Other words there.", 0.5)
    text = "Police said Smith counted 40 people."
    assert legacy_rule(text, text, 0.6) and not legacy_rule("No names at all.", "No names at all.", 0.6)


def test_each_round_is_scored_under_its_own_prefix() -> None:
    """Round 1 (now tuning data) keeps the old names, round 2 (the blind evaluation) gets ``claim_pairs_r2_``; a
    round without a sample or labels gives no metric, and --quick none at all."""
    from newsprism.bench.registry import BenchContext
    from newsprism.bench.stories_claims import ROUNDS, evaluate_claim_pairs, round_metrics
    from newsprism.compare.pairs import load_model
    from shared_data import SHARED, require

    assert ROUNDS == (("val", "claim_pairs_"), ("val2", "claim_pairs_r2_"))
    data = require(SHARED / "data" / "basil" / "articles")
    ctx = BenchContext(data.parent.parent)
    model = load_model()
    assert round_metrics(ctx, model, "no-such-round", "x_") == []
    assert evaluate_claim_pairs(BenchContext(ctx.data_dir, quick=True)) == []
    metrics = round_metrics(ctx, model, "val", "claim_pairs_")
    names = {m.name for m in metrics}
    assert {"claim_pairs_same_precision", "claim_pairs_same_recall", "claim_pairs_kappa_ab"} <= names
    assert all(0.0 <= m.value <= 1.0 for m in metrics) and all(m.n == 300 for m in metrics if "kappa" not in m.name)
