"""``__all__`` of ``newsprism`` (and its subpackages) matches its public names, both ways."""

from __future__ import annotations

import importlib
import types

import pytest

import newsprism

MODULES = ["newsprism", "newsprism.bench", "newsprism.report"]


def public_names(mod: types.ModuleType) -> set[str]:
    """Names a user sees on ``mod``: not underscored, not a submodule, not ``from __future__`` features."""
    return {
        name
        for name, value in vars(mod).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType) and name != "annotations"
    }


@pytest.mark.parametrize("module", MODULES)
def test_all_names_resolve(module: str) -> None:
    mod = importlib.import_module(module)
    names = getattr(mod, "__all__", [])
    assert names, f"{module} has no __all__"
    assert len(set(names)) == len(names)
    for name in names:
        assert getattr(mod, name, None) is not None, f"{module}.{name} is in __all__ but not importable"


@pytest.mark.parametrize("module", MODULES)
def test_every_public_name_is_exported(module: str) -> None:
    mod = importlib.import_module(module)
    assert public_names(mod) - set(mod.__all__) == set(), f"{module} has public names missing from __all__"


def test_public_names_sees_an_unexported_name() -> None:
    mod = types.ModuleType("m")
    mod.f = len  # type: ignore[attr-defined]
    mod._g = len  # type: ignore[attr-defined]
    mod.sub = types.ModuleType("m.sub")  # type: ignore[attr-defined]
    assert public_names(mod) == {"f"}


def test_version_is_a_string() -> None:
    assert isinstance(newsprism.__version__, str) and newsprism.__version__
