"""FastAPI application: pages to paste/upload/fetch articles, a JSON API mirroring the CLI, jobs with progress.

The routes live in ``api`` (JSON), ``pages`` (HTML) and ``corpus`` (with ``--store``); ``security.Guard`` checks
every request first; ``workers.Engine`` runs the analyses; ``jobs.JobManager`` keeps jobs on disk.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsprism import __version__
from newsprism.errors import NewsprismError
from newsprism.options import Options, load_options
from newsprism.web import api, pages
from newsprism.web.context import Web, schema_file, templates, web
from newsprism.web.errors import ApiError, error_body, status_of
from newsprism.web.jobs import JobManager, default_jobs_dir
from newsprism.web.pages import with_nav
from newsprism.web.schemas import ArticleIn, CompareIn, JobIn
from newsprism.web.security import Guard
from newsprism.web.workers import Engine

__all__ = ["ArticleIn", "CompareIn", "JobIn", "create_app", "error_body", "schema_file", "with_nav"]
DESCRIPTION = (
    "Analyse and compare news articles: quotes, claims, persuasion, slant, stories. Every error is "
    '`{"error": {"code", "type", "message"}}`; the codes are listed in docs/web.md and docs/errors.md.'
)


def _handlers(app: FastAPI) -> None:
    """Every error answers in the API's one shape (HTML pages get a friendly page for a 404)."""

    @app.exception_handler(NewsprismError)
    async def _newsprism_error(request: Request, exc: NewsprismError) -> JSONResponse:
        return JSONResponse(exc.to_dict(), status_code=status_of(exc))

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(x) for x in first.get("loc", ()) if x != "body")
        msg = str(first.get("msg", "invalid request")).removeprefix("Value error, ")
        if first.get("type") == "string_unicode":  # pydantic's wording for a lone surrogate
            msg = "contains a lone surrogate (invalid Unicode); send valid Unicode (paired surrogates or UTF-8)"
        if first.get("type") == "json_invalid":
            msg = "the body is not valid JSON"
        return JSONResponse(error_body("E141", f"{where}: {msg}".strip(": "), "ValidationError"), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404 and not request.url.path.startswith("/api/"):
            return web(request).page("message.html", request, 404, title="Not found", text="There is no page here.")
        if exc.status_code == 400 and "parsing the body" in str(exc.detail):  # bad UTF-8, nesting too deep
            msg = "the body is not valid JSON in UTF-8 (or is nested too deeply)"
            return JSONResponse(error_body("E141", msg, "ValidationError"), status_code=422)
        code = "E143" if exc.status_code == 404 else f"HTTP{exc.status_code}"
        return JSONResponse(error_body(code, str(exc.detail), "HTTPError"), status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        body = error_body("E149", f"internal error ({type(exc).__name__}); see the server log", "InternalError")
        return JSONResponse(body, status_code=500)


def create_app(options: Options | None = None, store: str | Path | None = None) -> FastAPI:
    """Build the app. ``store`` enables the corpus page and corpus API."""
    opts = options or load_options()
    jobs = JobManager(
        Path(opts.web_jobs_dir) if opts.web_jobs_dir else default_jobs_dir(),
        opts.web_job_retention_days,
        opts.web_max_jobs,
    )

    def on_progress(job_id: str, index: int, done: int, total: int, name: str) -> None:
        job = jobs.get(job_id)
        if job is not None and job.status == "running":  # stage by stage; never backwards
            job.parts[index] = max(job.parts.get(index, 0.0), done / max(total, 1))
            job.stage = name or job.stage

    engine = Engine(opts, on_progress)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine.warm()
        yield
        engine.close()

    app = FastAPI(
        title="newsprism",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    env = templates()
    env.globals["has_store"] = store is not None
    app.state.web = Web(opts, engine, jobs, env, Path(store) if store else None)
    app.state.engine, app.state.jobs = engine, jobs
    _handlers(app)
    app.mount("/static", StaticFiles(packages=[("newsprism.web", "static")]), name="static")
    app.include_router(pages.router)
    app.include_router(api.router)
    if store is not None:
        from newsprism.web.corpus import add_corpus_routes

        add_corpus_routes(app, Path(store))
    app.add_middleware(Guard, limit=opts.web_max_request_bytes, hosts=set(opts.web_allowed_hosts))
    return app
