"""The trainer registry: every family's trainer is found, and only those that write held-out models get a directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.cli.cmd_train import train
from newsprism.errors import ConfigError
from newsprism.training.registry import TrainerInfo, run, trainers


def test_every_shipped_family_registers_its_trainer() -> None:
    found = trainers()
    assert {"boilerplate", "claims", "slant", "techniques"} <= set(found)
    assert {"claims", "slant"} <= {t for t, info in found.items() if info.heldout}
    assert not found["techniques"].heldout and not found["boilerplate"].heldout
    assert all(info.description for info in found.values())


def test_run_passes_the_heldout_directory_only_to_trainers_that_declare_it(tmp_path: Path) -> None:
    calls: list[tuple[object, ...]] = []

    def fn(*args: object) -> dict[str, float]:
        calls.append(args)
        return {"f1": 1.0}

    run(TrainerInfo("a", fn, "", heldout=False), tmp_path, tmp_path / "out", 13, tmp_path / "held")
    run(TrainerInfo("b", fn, "", heldout=True), tmp_path, tmp_path / "out", 13, tmp_path / "held")
    assert calls == [(tmp_path, tmp_path / "out", 13), (tmp_path, tmp_path / "out", 13, tmp_path / "held")]


def test_unknown_task_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as err:
        train("nope", tmp_path, tmp_path / "out")
    assert err.value.code == "E020" and not (tmp_path / "out").exists()
