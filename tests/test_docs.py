"""Docs stay complete: every option, error code and CLI command is documented."""

from __future__ import annotations

from pathlib import Path

from newsprism.errors import MESSAGES
from newsprism.options import Options

DOCS = Path(__file__).resolve().parents[1] / "docs"
REGEN = "run `.venv/bin/python scripts/gen_docs.py` to regenerate docs/errors.md, docs/options.md and docs/cli.md"


def test_every_option_is_documented() -> None:
    text = (DOCS / "options.md").read_text(encoding="utf-8")
    missing = [name for name in Options.model_fields if f"`{name}`" not in text]
    assert not missing, f"options missing from docs/options.md: {missing}; {REGEN}"


def test_every_error_code_is_documented() -> None:
    text = (DOCS / "errors.md").read_text(encoding="utf-8")
    missing = [code for code in MESSAGES if f"| {code} |" not in text]
    assert not missing, f"error codes missing from docs/errors.md: {missing}; {REGEN}"


def test_every_cli_command_is_documented() -> None:
    from newsprism.cli.app import _register_commands, app

    if not app.registered_commands:
        _register_commands()
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    names = [c.name for c in app.registered_commands if c.name]
    assert names
    missing = [n for n in names if f"`newsprism {n}`" not in text]
    assert not missing, f"commands missing from docs/cli.md: {missing}; {REGEN}"


def test_exit_codes_are_documented() -> None:
    from newsprism import errors

    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    for cls in (errors.NewsprismError, errors.InputError, errors.FetchError, errors.ModelError, errors.BenchError):
        assert f"| {cls.exit_code} |" in text
    assert "| 70 |" in text
