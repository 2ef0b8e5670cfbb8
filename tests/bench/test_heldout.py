"""Bench-only held-out models live in the repository (benchmarks/models/), not in the installed package."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsprism.bench import heldout
from newsprism.bench.heldout import heldout_dir
from newsprism.cli.cmd_train import heldout_target
from newsprism.errors import BenchError, ConfigError

TEXT = "The radical senator's disastrous scheme will destroy the economy, critics said on Tuesday."


def test_no_heldout_directory_ships_inside_the_package() -> None:
    import newsprism

    package = Path(newsprism.__file__).parent
    assert not [p for p in (package / "models").rglob("*") if "heldout" in p.parts]


def test_claims_heldout_heads_share_the_choice_but_not_the_weights() -> None:
    from newsprism.claims.model import ClaimsModel, shipped

    texts = ["Unemployment fell to 3.5 percent in May.", "I think this is a terrible idea."]
    emb = np.random.default_rng(0).normal(size=(2, 384)).astype(np.float32)
    final, held = shipped(), ClaimsModel.load(heldout_dir("claims"))
    assert "refit" in final.meta and "refit" not in held.meta
    for task in ("checkworthiness", "subjectivity"):
        a, b = final.heads[task], held.heads[task]
        assert a.kinds == b.kinds and a.threshold == b.threshold  # same choice, chosen once on inner CV
        assert not np.allclose(a.predict(texts, emb), b.predict(texts, emb))  # fitted on more rows


def test_slant_heldout_models_load_by_directory() -> None:
    from newsprism.slant.baseline import model_files
    from newsprism.slant.score import MODEL_DIR, allsides_model, allsides_proba, babe_proba

    held = heldout_dir("slant")
    for name in ("hyperpartisan", "hyperpartisan_emb", "babe", "babe_emb"):
        assert (MODEL_DIR / f"{name}.npz").is_file() and (held / f"{name}.npz").is_file()
    assert all((MODEL_DIR / f).is_file() and (held / f).is_file() for f in model_files("allsides"))
    # same C, different rows: the refit on every row learns a larger vocabulary and other weights
    final, part = allsides_model(), allsides_model(held)
    assert len(final.terms) > len(part.terms) and final.coef.shape[0] == part.coef.shape[0] == 3
    assert not np.allclose(allsides_proba([TEXT]), allsides_proba([TEXT], held))
    vec = np.full((1, 384), 0.05)
    assert not np.allclose(babe_proba([TEXT], vec), babe_proba([TEXT], vec, held))


def test_an_installed_copy_without_the_repository_gets_a_coded_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(heldout, "HELDOUT_ROOT", tmp_path / "benchmarks" / "models")
    with pytest.raises(BenchError) as err:
        heldout_dir("slant")
    assert err.value.code == "E050" and "--split test" in str(err.value) and "\n" not in str(err.value)


def test_training_writes_heldout_models_to_the_repository_or_beside_a_trial_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsprism.cli import cmd_train

    assert heldout_target("slant", None, None) == heldout.HELDOUT_ROOT / "slant"
    assert heldout_target("slant", tmp_path, None) == tmp_path / "heldout"
    assert heldout_target("slant", tmp_path, tmp_path / "h") == tmp_path / "h"
    monkeypatch.setattr(cmd_train, "HELDOUT_ROOT", tmp_path / "nowhere" / "benchmarks" / "models")
    with pytest.raises(ConfigError) as err:
        heldout_target("slant", None, None)
    assert err.value.code == "E022"
