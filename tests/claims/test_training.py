"""The stacked claim heads: inner-CV selection recorded in the shipped meta, weights, safe loading."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from newsprism.claims.model import MODEL_DIR, ClaimsModel, shipped
from newsprism.claims.training import best_threshold, sample_weights
from newsprism.errors import ModelError
from newsprism.model import Article
from newsprism.pipeline import Pipeline


def test_shipped_choice_is_the_best_inner_score_not_the_best_validation_score() -> None:
    meta = shipped().meta
    for task in ("checkworthiness", "subjectivity"):
        cmp = meta["comparison"][task]
        stacks = {k: v for k, v in cmp.items() if k.startswith("stack ")}
        chosen = meta["chosen"][task]
        assert chosen in stacks
        assert cmp[chosen]["inner"] == max(v["inner"] for v in stacks.values())
        # the head's threshold is the one chosen on the inner folds
        assert shipped().heads[task].threshold == cmp[chosen]["threshold"]


def test_shipped_heads_stack_several_feature_kinds() -> None:
    for head in shipped().heads.values():
        assert len(head.bases) >= 2
        assert head.meta_coef.shape == (len(head.bases),)


def test_sample_weights_balance_classes_and_down_weight_extra_rows() -> None:
    y = np.array([1, 0, 0, 0, 1, 0])
    dom = np.array([1.0, 1.0, 1.0, 1.0, 0.3, 0.3])
    sw = sample_weights(y, dom)
    assert sw[y == 1].sum() == pytest.approx(sw[y == 0].sum())
    assert sw[4] == pytest.approx(0.3 * sw[0])  # same class, extra row weighs 0.3 of an own row
    assert sw[5] == pytest.approx(0.3 * sw[1])


def test_best_threshold_maximises_the_mean_over_repeats() -> None:
    y = np.array([0, 0, 1, 1])
    t, score = best_threshold("f1", y, [np.array([0.1, 0.3, 0.7, 0.9])])
    assert score == 1.0 and 0.3 < t <= 0.7
    t2, _ = best_threshold("macro_f1", y, [np.array([0.1, 0.2, 0.25, 0.9])])
    assert 0.2 < t2 <= 0.25


def test_bad_artifact_shape_is_a_model_error(tmp_path: Path) -> None:
    for f in MODEL_DIR.iterdir():
        if f.is_file():
            shutil.copy(f, tmp_path / f.name)
    meta = json.loads((tmp_path / "meta.json").read_text(encoding="utf-8"))
    stem = meta["heads"]["checkworthiness"]["bases"][0]["stem"]
    np.save(tmp_path / f"{stem}_coef.npy", np.zeros(3, np.float32), allow_pickle=False)
    with pytest.raises(ModelError):
        ClaimsModel.load(tmp_path)


def test_opinion_rule_follows_the_subjectivity_head_threshold(
    monkeypatch: pytest.MonkeyPatch, seeds_dir: Path, claims_pipeline: Pipeline
) -> None:
    from newsprism.claims import stage

    text = next(seeds_dir.glob("003_*.txt")).read_text(encoding="utf-8")
    before = claims_pipeline(Article(id="t", text=text)).claims
    assert any(not any(n["value"] is not None for n in c.numbers) for c in before)  # type: ignore[attr-defined]
    model = shipped()
    heads = {**model.heads, "subjectivity": dataclasses.replace(model.heads["subjectivity"], threshold=0.0)}
    monkeypatch.setattr(stage, "shipped", lambda: ClaimsModel(heads, model.meta))
    after = claims_pipeline(Article(id="t", text=text)).claims
    assert after  # numeric claims stay
    assert all(any(n["value"] is not None for n in c.numbers) for c in after)  # type: ignore[attr-defined]


def test_heldout_heads_ship_beside_the_refitted_ones() -> None:
    from newsprism.claims.model import heldout

    texts = ["Unemployment fell to 3.5 percent in May.", "I think this is a terrible idea."]
    emb = np.random.default_rng(0).normal(size=(2, 384)).astype(np.float32)
    final, held = shipped(), heldout()
    assert "refit" in final.meta and "refit" not in held.meta
    for task in ("checkworthiness", "subjectivity"):
        a, b = final.heads[task], held.heads[task]
        assert a.kinds == b.kinds and a.threshold == b.threshold  # same choice, chosen once on inner CV
        assert not np.allclose(a.predict(texts, emb), b.predict(texts, emb))  # fitted on more rows
