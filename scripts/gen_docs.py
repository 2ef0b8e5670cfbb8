"""Regenerate the generated parts of the docs: docs/errors.md, docs/options.md and the command list in docs/cli.md.

Run ``.venv/bin/python scripts/gen_docs.py`` after adding an error code, an option or a CLI command
(tests/test_docs.py fails until you do). Hand-written text in docs/cli.md outside the markers is kept.
"""

from __future__ import annotations

import re
import sys
import tomllib
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
BEGIN, END = "<!-- commands:begin (scripts/gen_docs.py) -->", "<!-- commands:end -->"


def errors_md() -> str:
    from newsprism import errors

    lines = [
        "# Error codes",
        "",
        "Generated from `newsprism.errors.MESSAGES` by `scripts/gen_docs.py`; do not edit by hand.",
        "Every error newsprism raises on purpose is a `NewsprismError` with one of these codes; the CLI prints",
        "`newsprism: error: CODE: message` on one line of stderr and exits with the class's exit code",
        '(see docs/cli.md). The web API returns `{"error": {"code", "type", "message"}}`.',
        "",
        "| code | message template |",
        "|------|------------------|",
    ]
    for code in sorted(errors.MESSAGES):
        msg = errors.MESSAGES[code].replace("|", "\\|")
        lines.append(f"| {code} | {msg} |")
    lines += [
        "",
        "Exception classes and exit codes:",
        "",
        "```",
        (errors.__doc__ or "").split("\n\n", 1)[1].strip(),
        "```",
    ]
    return "\n".join(lines) + "\n"


def options_md() -> str:
    from newsprism.options import Options

    text = resources.files("newsprism").joinpath("defaults.toml").read_text(encoding="utf-8")
    defaults = tomllib.loads(text)
    comments: dict[str, str] = {}
    pending: list[str] = []
    for line in text.splitlines():
        if line.startswith("#"):
            pending.append(line.lstrip("# ").strip())
        elif "=" in line:
            key = line.split("=", 1)[0].strip()
            comments[key] = " ".join(pending) or comments.get("_last", "")
            comments["_last"] = comments[key]
            pending = []
        else:
            pending = []
    lines = [
        "# Options",
        "",
        "Generated from `newsprism.options.Options` and `defaults.toml` by `scripts/gen_docs.py`.",
        "One frozen `Options` object holds every setting: shipped defaults (`src/newsprism/defaults.toml`),",
        "then a user TOML file (`--config FILE` or `$NEWSPRISM_CONFIG`), then CLI flags. Unknown keys are",
        "an error (E022).",
        "",
        "| option | type | default | meaning |",
        "|--------|------|---------|---------|",
    ]
    for name, field in Options.model_fields.items():
        ann = str(field.annotation).replace("typing.", "").replace("<class '", "").replace("'>", "")
        default = defaults.get(name, field.default)
        doc = comments.get(name, "") or (field.description or "")
        lines.append(f"| `{name}` | `{ann}` | `{default!r}` | {doc.replace('|', '/')} |")
    return "\n".join(lines) + "\n"


def commands_block() -> str:
    from newsprism.cli.app import _register_commands, app

    if not app.registered_commands:
        _register_commands()
    rows = ["| command | what it does |", "|---------|--------------|"]
    for cmd in sorted(app.registered_commands, key=lambda c: c.name or ""):
        doc = (cmd.callback.__doc__ or "").strip().splitlines() if cmd.callback else []
        rows.append(f"| `newsprism {cmd.name}` | {doc[0] if doc else ''} |")
    return "\n".join([BEGIN, *rows, END])


def main() -> int:
    DOCS.mkdir(exist_ok=True)
    (DOCS / "errors.md").write_text(errors_md(), encoding="utf-8")
    (DOCS / "options.md").write_text(options_md(), encoding="utf-8")
    cli = DOCS / "cli.md"
    text = cli.read_text(encoding="utf-8") if cli.exists() else f"# CLI\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text:
        text += f"\n## Commands\n\n{BEGIN}\n{END}\n"
    text = re.sub(re.escape(BEGIN) + r".*?" + re.escape(END), lambda _: commands_block(), text, flags=re.S)
    cli.write_text(text, encoding="utf-8")
    print("wrote docs/errors.md, docs/options.md, docs/cli.md (commands)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
