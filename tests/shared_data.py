"""Shared data beside the repo (``../shared``): a test that needs a missing file skips locally and fails in CI."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def in_ci() -> bool:
    """True under CI (``CI`` set to anything but empty, ``0`` or ``false``), where every data file must be there."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false")


def missing(what: str) -> NoReturn:
    """Skip the test because ``what`` (a ../shared file or folder) is absent; in CI, fail instead."""
    if in_ci():
        pytest.fail(f"CI: {what} missing (a local run would skip this test)", pytrace=False)
    pytest.skip(f"{what} missing")


def require(path: Path, what: str | None = None) -> Path:
    """``path`` if it exists, else :func:`missing` (skip locally, fail in CI)."""
    if not path.exists():
        missing(what or str(path))
    return path
