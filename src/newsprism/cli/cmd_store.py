"""``newsprism store verify|repair --store DIR``: check a corpus store, and bring a damaged one back."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from newsprism.cli.common import err_console
from newsprism.errors import StoreError
from newsprism.store import Store
from newsprism.store.repair import repair
from newsprism.store.verify import verify

store_app = typer.Typer(help="Check (verify) or repair a corpus store.", no_args_is_help=True)


def _say(text: str) -> None:
    err_console.print(text, markup=False, highlight=False)


@store_app.command("verify")
def verify_cli(
    store: Path = typer.Option(..., "--store", help="Store directory."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as one JSON object on stdout."),
) -> None:
    """Every shard readable, counts and ids match the ledger, ids unique, derived tables consistent.

    Exit 0 when clean; otherwise one line per problem and E131 (exit 5).
    """
    st = Store(store)
    report = verify(st)
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict()) + "\n")
    else:
        for problem in report.problems:
            sys.stdout.write(problem.line() + "\n")
        _say(f"{report.partitions} partition(s), {report.articles} article(s), {len(report.problems)} problem(s)")
    if not report.ok:
        raise StoreError("E131", path=str(store), reason=f"{len(report.problems)} problem(s)")


@store_app.command("repair")
def repair_cli(
    store: Path = typer.Option(..., "--store", help="Store directory."),
    workers: int = typer.Option(1, "--workers", "-w", help="Worker processes for re-analysing quarantined records."),
) -> None:
    """Quarantine damaged partitions, re-ingest their records from the recorded inputs, rebuild derived tables."""
    st = Store(store)
    result = repair(st, workers)
    _say(
        f"removed {result.removed_leftovers} leftover file(s); quarantined {len(result.quarantined)} partition(s)"
        f" ({result.lost_ids} record(s)); re-ingested {result.reingested}; rebuilt {', '.join(result.rebuilt) or '-'}"
    )
    if result.missing_sources:
        _say("inputs gone, their quarantined records were not re-ingested: " + ", ".join(result.missing_sources))
    after = verify(st)
    if result.error:
        raise StoreError("E131", path=str(store), reason=f"re-ingest refused ({result.error})")
    if not after.ok:
        raise StoreError("E131", path=str(store), reason=f"{len(after.problems)} problem(s) remain after repair")


def register(app: typer.Typer) -> None:
    app.add_typer(store_app, name="store")
