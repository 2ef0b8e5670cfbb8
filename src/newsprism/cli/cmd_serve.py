"""``newsprism serve``: the local web app and JSON API."""

from __future__ import annotations

from pathlib import Path

import typer

from newsprism.cli.common import build_options, err_console
from newsprism.extras import require

WILDCARD = ("0.0.0.0", "::", "")


def serve_cli(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (default: localhost only)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    store: Path | None = typer.Option(None, "--store", help="A corpus store directory: enables the corpus page."),
    config: Path | None = typer.Option(None, "--config", help="A TOML options file."),
    workers: int | None = typer.Option(
        None, "--workers", min=0, help="Analysis processes (option web_workers; 0 = inside the server process)."
    ),
    allow_host: list[str] = typer.Option(
        [], "--allow-host", help="Another host name the app answers to (repeatable; option web_allowed_hosts)."
    ),
    allow_private_urls: bool | None = typer.Option(
        None, "--allow-private-urls/--no-private-urls", help="Allow fetching loopback/private addresses."
    ),
) -> None:
    """Start the web app (FastAPI + uvicorn) on localhost."""
    require("web", "the web app")
    import uvicorn

    from newsprism.web import create_app

    options = build_options(config, allow_private_urls=allow_private_urls, web_workers=workers)
    hosts = [*options.web_allowed_hosts, *allow_host]
    if host not in WILDCARD:  # the address it is bound to is a name it is reached by
        hosts.append(f"[{host}]" if ":" in host else host)
    options = options.replace(web_allowed_hosts=tuple(dict.fromkeys(h.lower() for h in hosts)))
    app = create_app(options, store=store)
    err_console.print(
        f"newsprism: serving on http://{host}:{port}/ with {options.web_workers} analysis worker(s)",
        markup=False,
        highlight=False,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cli)
