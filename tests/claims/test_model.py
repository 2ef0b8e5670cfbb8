"""The shipped claim heads: inner-CV choice recorded in the meta, stacked kinds, safe loading, the stage's use."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from newsprism.claims.model import MODEL_DIR, ClaimsModel, shipped
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


def test_bad_artifact_shape_is_a_model_error(tmp_path: Path) -> None:
    for f in MODEL_DIR.iterdir():
        if f.is_file():
            shutil.copy(f, tmp_path / f.name)
    meta = json.loads((tmp_path / "meta.json").read_text(encoding="utf-8"))
    stem = meta["heads"]["checkworthiness"]["bases"][0]["stem"]
    np.save(tmp_path / f"{stem}_coef.npy", np.zeros(3, np.float32), allow_pickle=False)
    with pytest.raises(ModelError):
        ClaimsModel.load(tmp_path)


def test_opinion_rule_follows_the_kind_cuts(
    monkeypatch: pytest.MonkeyPatch, seeds_dir: Path, claims_pipeline: Pipeline
) -> None:
    from newsprism.claims import stage

    text = next(seeds_dir.glob("003_*.txt")).read_text(encoding="utf-8")
    before = claims_pipeline(Article(id="t", text=text)).claims
    assert any(not any(n.value is not None for n in c.numbers) for c in before)
    model = shipped()
    meta = {**model.meta, "kind_cuts": {"claim_below": 0.0, "opinion_from": 0.0}}  # everything reads subjective
    monkeypatch.setattr(stage, "shipped", lambda: ClaimsModel(model.heads, meta))
    art = claims_pipeline(Article(id="t", text=text))
    after = art.claims
    assert after  # facts with a number or a date stay, as the checkable part of an opinion sentence
    assert all(c.kind == "mixed" for c in after)
    assert all(any(n.value is not None for n in c.numbers) or c.dates for c in after)
    assert {s.kind for s in art.sentences} <= {"opinion", "mixed", "other"}


def test_shipped_model_roundtrip_without_pickle(tmp_path: Path) -> None:
    model = shipped()
    for f in MODEL_DIR.glob("*.npy"):
        np.load(f, allow_pickle=False)  # raises if an object array slipped in
    model.save(tmp_path)
    again = ClaimsModel.load(tmp_path)
    texts = ["Unemployment fell to 3.5 percent in May.", "I think this is a terrible idea."]
    emb = np.random.default_rng(0).normal(size=(2, 384)).astype(np.float32)
    for task in ("checkworthiness", "subjectivity"):
        a, b = model.heads[task].predict(texts, emb), again.heads[task].predict(texts, emb)
        assert np.allclose(a, b) and ((a >= 0) & (a <= 1)).all()
