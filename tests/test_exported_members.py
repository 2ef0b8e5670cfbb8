"""Every name in ``newsprism.__all__`` (and the subpackages' ``__all__``) is importable."""

from __future__ import annotations

import importlib

import pytest

import newsprism


@pytest.mark.parametrize("module", ["newsprism", "newsprism.bench", "newsprism.report"])
def test_all_names_resolve(module: str) -> None:
    mod = importlib.import_module(module)
    names = getattr(mod, "__all__", [])
    assert names, f"{module} has no __all__"
    assert len(set(names)) == len(names)
    for name in names:
        assert getattr(mod, name, None) is not None, f"{module}.{name} is in __all__ but not importable"


def test_version_is_a_string() -> None:
    assert isinstance(newsprism.__version__, str) and newsprism.__version__
