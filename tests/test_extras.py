"""A missing optional extra is a one-line hint and a non-zero exit, never a traceback (hidden via sys.modules)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from newsprism.cli.app import main
from newsprism.errors import ConfigError
from newsprism.extras import EXTRAS, require


def _run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["newsprism", *args])
    with pytest.raises(SystemExit) as exc:
        main()
    return int(exc.value.code or 0), capsys.readouterr().err


def _hide(monkeypatch: pytest.MonkeyPatch, *modules: str) -> None:
    """Make ``import MODULE`` fail as if the distribution were not installed."""
    for name in list(sys.modules):
        if name.split(".")[0] in modules:
            monkeypatch.delitem(sys.modules, name)
    for name in modules:
        monkeypatch.setitem(sys.modules, name, None)


def test_serve_without_the_web_extra_names_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _hide(monkeypatch, "fastapi")
    code, err = _run(monkeypatch, capsys, "serve", "--port", "1")
    assert code == 2
    assert err.strip() == ("newsprism: error: E029: the web app needs the 'web' extra: pip install 'newsprism[web]'")


def test_ingest_on_dask_without_the_batch_extra_names_it_and_writes_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src = tmp_path / "in.txt"
    src.write_text("Officials said on Monday that the bridge would reopen.\n", encoding="utf-8")
    _hide(monkeypatch, "dask", "distributed")
    code, err = _run(
        monkeypatch, capsys, "ingest", str(src), "--store", str(tmp_path / "store"), "--scheduler", "local"
    )
    assert code == 2 and "Traceback" not in err
    assert "E029: ingest --scheduler (Dask) needs the 'batch' extra: pip install 'newsprism[batch]'" in err
    assert not (tmp_path / "store").exists()


@pytest.mark.parametrize("extra", sorted(EXTRAS))
def test_require_passes_when_installed_and_fails_for_each_module(extra: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if all(importlib.util.find_spec(m) is not None for m in EXTRAS[extra]):
        require(extra, "x")  # installed: passes (scripts/setup.sh installs web and batch, not train)
    for module in EXTRAS[extra]:
        with monkeypatch.context() as m:
            _hide(m, module)
            with pytest.raises(ConfigError, match=f"E029: x needs the '{extra}' extra"):
                require(extra, "x")
