"""Packaging: every imported distribution is declared, the lock satisfies the ranges, data files ship."""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "newsprism"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
# modules an extra provides may be imported only where that extra's command runs (newsprism.extras guards them)
EXTRA_ONLY = {"web": ("web/", "cli/cmd_serve.py"), "batch": ("batch/runner.py",), "train": ("training/",)}


def _requirements(group: str | None) -> list[Requirement]:
    raw = PROJECT["dependencies"] if group is None else PROJECT["optional-dependencies"][group]
    return [Requirement(r) for r in raw]


def _lock() -> dict[str, Version]:
    pins: dict[str, Version] = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[canonicalize_name(name)] = Version(version)
    return pins


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"newsprism", "__future__"}


def test_ranges_not_pins_and_the_lock_satisfies_them() -> None:
    pins = _lock()
    for group in (None, *(g for g in PROJECT["optional-dependencies"] if g != "train")):  # train: not locked
        for req in _requirements(group):
            assert not any(s.operator == "==" for s in req.specifier), f"{req}: exact pins belong in requirements.lock"
            name = canonicalize_name(req.name)
            assert name in pins, f"{req.name} ({group or 'runtime'}) is not in requirements.lock"
            assert req.specifier.contains(pins[name], prereleases=True), f"lock {name}=={pins[name]} outside {req}"


def test_every_imported_distribution_is_declared_where_it_is_used() -> None:
    dists = packages_distributions()
    declared = {canonicalize_name(r.name) for r in _requirements(None)}
    extra = {g: {canonicalize_name(r.name) for r in _requirements(g)} for g in EXTRA_ONLY}
    problems = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        for module in sorted(_imports(path)):
            names = {canonicalize_name(d) for d in dists.get(module, [module])}
            if names & declared:
                continue
            allowed = [g for g, where in EXTRA_ONLY.items() if names & extra[g] and rel.startswith(where)]
            if not allowed:
                problems.append(f"{rel} imports {module} ({', '.join(sorted(names))}), not a declared dependency")
    assert not problems, problems


SHIPPED = ["models/minilm/vocab.txt", "MODEL_LICENSES.md", "bench/floors/quotes.json", "bench/floors/CHANGELOG.md"]


@pytest.mark.parametrize("relative", SHIPPED)
def test_data_files_are_package_data(relative: str) -> None:
    assert (SRC / relative).is_file()
    tool = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    patterns = tool["setuptools"]["package-data"]["newsprism"]
    assert any(Path(relative).match(p) or ("**" in p and relative.startswith(p.split("**")[0])) for p in patterns)


def test_licence_metadata_names_the_data_licences() -> None:
    expression = PROJECT["license"]
    for spdx in ("Apache-2.0", "GPL-3.0-only", "AGPL-3.0-only", "CC-BY-NC-SA-4.0"):
        assert spdx in expression
    assert "src/newsprism/MODEL_LICENSES.md" in PROJECT["license-files"]
    notes = (SRC / "MODEL_LICENSES.md").read_text(encoding="utf-8")
    assert "--stages" in notes and "commercial" in notes
