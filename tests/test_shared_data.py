"""Missing ../shared data: skipped (with the reason) on a developer's machine, a failure in CI."""

from __future__ import annotations

from pathlib import Path

import pytest

from shared_data import require


def test_missing_data_skips_locally(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(BaseException) as exc:  # BaseException: pytest's skip and fail outcomes both derive from it
        require(tmp_path / "absent", "no-such-dataset")
    assert exc.type is pytest.skip.Exception and "no-such-dataset missing" in str(exc.value)


@pytest.mark.parametrize("value", ["true", "1", "True"])
def test_missing_data_fails_in_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: str) -> None:
    monkeypatch.setenv("CI", value)
    with pytest.raises(BaseException) as exc:  # a skip here would hide the missing file in CI
        require(tmp_path / "absent", "no-such-dataset")
    assert exc.type is pytest.fail.Exception and "CI: no-such-dataset missing" in str(exc.value)


def test_present_data_is_returned(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CI", "true")
    assert require(tmp_path) == tmp_path


def test_summary_lists_skip_reasons() -> None:
    import tomllib

    ini = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert "-ra" in ini["tool"]["pytest"]["ini_options"]["addopts"].split()  # skips and reasons in the summary
