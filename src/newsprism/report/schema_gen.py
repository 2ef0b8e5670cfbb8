"""Generate the contract's JSON Schemas (``report/schema/*.schema.json``) from the data model.

The model (``newsprism.model``) is the contract; the schema files are its generated, committed form.
Every generated contract carries a version from ``schema/changelog.json``, an entry keyed by the sha256 of
the generated schemas: a model change that alters the schemas cannot be written (nor pass the golden test in
tests/test_schema.py) until an entry with a new version and a note says what changed.

    python -m newsprism.report.schema_gen                                  # rewrite the schema files
    python -m newsprism.report.schema_gen --check                          # exit 1 if they are stale
    python -m newsprism.report.schema_gen --version 1.2 --note "adds …"    # record a contract change
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from newsprism.errors import NewsprismError
from newsprism.model import ARTICLE_SCHEMA, COMPARISON_SCHEMA, Article, Comparison
from newsprism.report.output import write_atomic

SCHEMA_DIR = Path(__file__).parent / "schema"
CHANGELOG = SCHEMA_DIR / "changelog.json"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
CONTRACTS: dict[str, tuple[type[BaseModel], str, str]] = {
    "article": (
        Article,
        ARTICLE_SCHEMA,
        "One analysed article (newsprism analyze --format json). Every span's text equals text[start:end].",
    ),
    "comparison": (Comparison, COMPARISON_SCHEMA, "Stories found among articles (newsprism compare --format json)."),
}


class SchemaError(Exception):
    """The generated schemas have no changelog entry, or an entry is malformed."""


def generate(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one contract as the model serialises it (every field present)."""
    model, title, description = CONTRACTS[name]
    body = model.model_json_schema(by_alias=True, mode="serialization")
    body.pop("title", None)
    body.pop("description", None)
    head = {
        "$schema": DRAFT,
        "$id": f"https://newsprism.invalid/schema/{name}.schema.json",
        "title": title,
        "description": description,
    }
    return {**head, **body}


def contract_hash() -> str:
    """sha256 of every generated schema (canonical JSON), the key of a changelog entry."""
    text = json.dumps({n: generate(n) for n in sorted(CONTRACTS)}, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def changelog() -> list[dict[str, str]]:
    """The contract versions, oldest first: ``{version, date, hash, note}``."""
    entries = json.loads(CHANGELOG.read_text(encoding="utf-8"))
    for e in entries:
        if not {"version", "date", "hash", "note"} <= e.keys() or not e["note"].strip():
            raise SchemaError(f"{CHANGELOG.name}: entry {e!r} needs version, date, hash and a note")
    return list(entries)


def version() -> str:
    """The contract version whose changelog entry matches the model; SchemaError when none does."""
    digest = contract_hash()
    for e in changelog():
        if e["hash"] == digest:
            return e["version"]
    raise SchemaError(
        f"the contract changed (schema hash {digest[:12]}) without a changelog entry: run "
        "python -m newsprism.report.schema_gen --version X.Y --note '<what changed>' (docs/schema.md)"
    )


def render(name: str) -> str:
    """The text of one schema file: the generated schema with its contract version."""
    schema = generate(name)
    out = {**{k: schema[k] for k in ("$schema", "$id", "title")}, "version": version(), **schema}
    return json.dumps(out, indent=2, ensure_ascii=False) + "\n"


def stale() -> list[str]:
    """Schema files that differ from what the model generates."""
    out = []
    for name in CONTRACTS:
        path = SCHEMA_DIR / f"{name}.schema.json"
        if not path.is_file() or path.read_text(encoding="utf-8") != render(name):
            out.append(path.name)
    return out


def record(new_version: str, note: str) -> None:
    """Add a changelog entry for the model's current contract."""
    entries, digest = changelog(), contract_hash()
    if any(e["version"] == new_version for e in entries):
        raise SchemaError(f"version {new_version} is already in {CHANGELOG.name}; pick a new one")
    if any(e["hash"] == digest for e in entries):
        raise SchemaError(f"the contract is unchanged since version {version()}; nothing to record")
    entries.append({"version": new_version, "date": date.today().isoformat(), "hash": digest, "note": note})
    write_atomic(CHANGELOG, json.dumps(entries, indent=2, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newsprism.report.schema_gen", description="Generate the JSON Schemas from newsprism.model."
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed schema files are stale")
    parser.add_argument("--version", help="record the current contract under this version (needs --note)")
    parser.add_argument("--note", help="what changed in the contract")
    args = parser.parse_args(argv)
    try:
        if args.version or args.note:
            if not (args.version and args.note and args.note.strip()):
                raise SchemaError("--version and --note go together")
            record(args.version, args.note.strip())
        if args.check:
            bad = stale()
            if bad:
                raise SchemaError(f"stale: {', '.join(bad)}; run python -m newsprism.report.schema_gen")
            return 0
        texts = {name: render(name) for name in CONTRACTS}  # all or nothing: render every file before writing
        for name, text in texts.items():
            write_atomic(SCHEMA_DIR / f"{name}.schema.json", text)
    except (SchemaError, NewsprismError) as exc:
        print(f"schema_gen: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
