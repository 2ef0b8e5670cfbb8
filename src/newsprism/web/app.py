"""FastAPI application: pages to paste/upload/fetch articles, a JSON API mirroring the CLI, jobs with progress."""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import AsyncIterator
from concurrent.futures import Future
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsprism import __version__
from newsprism.errors import NewsprismError
from newsprism.model import Article, Comparison
from newsprism.options import Options, load_options
from newsprism.web.errors import ERROR_RESPONSES, ApiError, error_body, status_of
from newsprism.web.jobs import Job, JobManager, default_jobs_dir, job_events
from newsprism.web.schemas import ArticleIn, CompareIn, JobIn, JobStatus
from newsprism.web.security import Guard
from newsprism.web.workers import Engine, analyze_one, compare_all

# Re-exported for callers of the earlier single-module layout.
__all__ = ["ArticleIn", "CompareIn", "JobIn", "create_app", "error_body", "schema_file"]

log = logging.getLogger(__name__)
DOWNLOADS = {"json": ("application/json", "json"), "md": ("text/markdown", "md"), "html": ("text/html", "html")}


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 quote``, ``2 quotes``, ``0 outlets``."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def _templates() -> Environment:
    from newsprism.report.slant import lean

    env = Environment(loader=PackageLoader("newsprism.web", "templates"), autoescape=select_autoescape(["html"]))
    env.globals["lean"] = lean  # the slant wording band (docs/slant.md, "Presentation")
    env.globals["version"] = __version__
    env.filters["plural"] = plural
    return env


def schema_file(name: str) -> dict[str, Any]:
    path = resources.files("newsprism.report").joinpath("schema", f"{name}.schema.json")
    return dict(json.loads(path.read_text(encoding="utf-8")))


def with_nav(report: str, nav: str, nonce: str) -> str:
    """Put the app's navigation bar, stylesheet and tooltip script into a report page; bless its own scripts."""
    report = report.replace("<script>", f'<script nonce="{nonce}">')
    head = '<link rel="icon" href="/static/favicon.svg"><link rel="stylesheet" href="/static/report.css">'
    report = report.replace("</head>", head + "</head>", 1)
    report = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + nav, report, count=1)
    return report.replace("</body>", '<script src="/static/tips.js" defer></script></body>', 1)


def _job_error(exc: Exception) -> dict[str, Any]:
    if isinstance(exc, NewsprismError):
        return dict(exc.to_dict()["error"])  # type: ignore[call-overload]
    if isinstance(exc, ApiError):
        return dict(exc.body()["error"])
    log.error("job failed", exc_info=exc)
    return dict(error_body("E149", f"internal error ({type(exc).__name__})", "InternalError")["error"])


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
        if job is not None and job.status == "running":
            job.parts[index] = max(job.parts.get(index, 0.0), done / max(total, 1))
            job.stage = name

    engine = Engine(opts, on_progress)
    env = _templates()
    keep = f"{opts.web_job_retention_days:g} days, at most {opts.web_max_jobs} jobs"

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine.warm()
        yield
        engine.close()

    app = FastAPI(
        title="newsprism",
        version=__version__,
        description="Analyse and compare news articles: quotes, claims, persuasion, slant, stories. Every error "
        'is `{"error": {"code", "type", "message"}}`; codes are listed in docs/web.md and docs/errors.md.',
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.engine = engine
    app.state.jobs = jobs
    app.state.store = Path(store) if store else None
    env.globals["has_store"] = app.state.store is not None

    def page(name: str, request: Request, status: int = 200, **context: Any) -> HTMLResponse:
        html = env.get_template(name).render(nonce=request.state.csp_nonce, **context)
        return HTMLResponse(html, status_code=status)

    def check_count(n: int) -> None:
        if n > opts.web_max_articles:
            raise ApiError(422, "E142", f"{n} articles, over the limit of {opts.web_max_articles}", "TooManyArticles")

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
            ctx: Any = first.get("ctx") or {}
            msg = f"the body is not valid JSON ({ctx.get('error', 'parse error') if isinstance(ctx, dict) else ctx})"
        return JSONResponse(error_body("E141", f"{where}: {msg}".strip(": "), "ValidationError"), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404 and not request.url.path.startswith("/api/"):
            return page("message.html", request, 404, title="Not found", text="There is no page here.")
        if exc.status_code == 400 and "parsing the body" in str(exc.detail):  # bad UTF-8, nesting too deep
            msg = "the body is not valid JSON in UTF-8 (or is nested too deeply)"
            return JSONResponse(error_body("E141", msg, "ValidationError"), status_code=422)
        code = "E143" if exc.status_code == 404 else f"HTTP{exc.status_code}"
        return JSONResponse(error_body(code, str(exc.detail), "HTTPError"), status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        body = error_body("E149", f"internal error ({type(exc).__name__}); see the server log", "InternalError")
        return JSONResponse(body, status_code=500)

    app.mount("/static", StaticFiles(packages=[("newsprism.web", "static")]), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        path = resources.files("newsprism.web").joinpath("static", "favicon.svg")
        return FileResponse(str(path), media_type="image/svg+xml")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request) -> HTMLResponse:
        return page("index.html", request, max_articles=opts.web_max_articles)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        """The API reference, rendered here from the app's own OpenAPI spec (works offline)."""
        return page("docs.html", request, spec=app.openapi())

    @app.post("/api/analyze", responses={200: {"model": Article}, **ERROR_RESPONSES})
    async def api_analyze(item: ArticleIn) -> JSONResponse:
        """Analyse one article; the answer is the `newsprism.article/1` contract."""
        return JSONResponse(await engine.run(analyze_one, item.model_dump(), 1))

    @app.post("/api/compare", responses={200: {"model": Comparison}, **ERROR_RESPONSES})
    async def api_compare(body: CompareIn) -> JSONResponse:
        """Analyse the articles and compare them as stories (`newsprism.comparison/1`)."""
        check_count(len(body.articles))
        runs = [engine.run(analyze_one, a.model_dump(), n) for n, a in enumerate(body.articles, 1)]
        articles = await asyncio.gather(*runs)
        return JSONResponse(await engine.run(compare_all, articles))

    @app.post("/api/jobs", status_code=202, response_model=JobStatus, responses=ERROR_RESPONSES)
    def api_job(body: JobIn) -> dict[str, Any]:
        """Start a background job; follow it at `/api/jobs/{id}` or `/api/jobs/{id}/events`."""
        check_count(len(body.articles))
        items = [a.model_dump() for a in body.articles]

        def work(job: Job) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
            futures: list[Future[Any]] = [engine.submit(analyze_one, it, n, job.id) for n, it in enumerate(items, 1)]
            articles = []
            for n, future in enumerate(futures):
                articles.append(engine.result(future))
                job.parts[n] = 1.0
                job.done = n + 1
            if body.mode != "compare":
                return articles, None
            job.stage = "compare"
            comparison = engine.result(engine.submit(compare_all, articles))
            return articles, comparison

        labels = [a.label(n) for n, a in enumerate(body.articles, 1)]
        return jobs.start(body.mode, labels, work, _job_error).public()

    def _job(job_id: str) -> Job:
        job = jobs.get(job_id)
        if job is None:
            msg = f"no job {job_id[:64]}: it never existed or has expired (jobs are kept {keep})"
            raise ApiError(404, "E143", msg, "NotFound")
        return job

    def _result(job_id: str) -> tuple[Job, list[Article], Comparison | None]:
        job = _job(job_id)
        if job.status != "done":
            raise ApiError(409, "E144", f"job {job_id} is {job.status}", "NotReady")
        data = jobs.result(job_id)
        if data is None:
            raise ApiError(404, "E143", f"the result of job {job_id} is gone (jobs are kept {keep})", "NotFound")
        articles = [Article.model_validate(a) for a in data["articles"]]
        comparison = Comparison.model_validate(data["comparison"]) if data.get("comparison") else None
        return job, articles, comparison

    @app.get("/api/jobs/{job_id}", response_model=JobStatus, responses=ERROR_RESPONSES)
    def api_job_status(job_id: str) -> dict[str, Any]:
        return _job(job_id).public()

    @app.get("/api/jobs/{job_id}/events", responses={200: {"content": {"text/event-stream": {}}}, **ERROR_RESPONSES})
    def api_job_events(job_id: str) -> StreamingResponse:
        """Server-Sent Events: a ``progress`` event whenever the count or status changes, ending with the job."""
        job = _job(job_id)
        headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
        return StreamingResponse(job_events(job), media_type="text/event-stream", headers=headers)

    @app.get("/api/jobs/{job_id}/result", responses={200: {"model": list[Article] | Comparison}, **ERROR_RESPONSES})
    def api_job_result(job_id: str) -> JSONResponse:
        """The analysed articles (an analyze job) or the comparison (a compare job)."""
        _, articles, comparison = _result(job_id)
        if comparison is not None:
            return JSONResponse(comparison.to_json_dict())
        return JSONResponse([a.to_json_dict() for a in articles])

    def nav(job: Job, article: int | None = None) -> str:
        """The bar on top of a result: home, downloads, and (comparison) each article's own report."""
        links = [Markup('<a href="/">← new analysis</a>')]
        if app.state.store is not None:
            links.append(Markup('<a href="/corpus">corpus</a>'))
        query = f"?article={article}" if article is not None else ""
        downloads = Markup(" ").join(
            Markup('<a href="/jobs/{}/download/{}{}" download>{}</a>').format(job.id, fmt, query, label)
            for fmt, label in (("json", "JSON"), ("html", "HTML"), ("md", "Markdown"))
        )
        links.append(Markup("<span>download: {}</span>").format(downloads))
        if job.kind == "compare" or article is not None:
            if article is not None and job.kind == "compare":
                links.append(Markup('<a href="/jobs/{}">comparison</a>').format(job.id))
            reports = Markup(" ").join(
                Markup('<a href="/jobs/{}/articles/{}">{}</a>').format(job.id, n, label)
                for n, label in enumerate(job.labels, 1)
            )
            links.append(Markup('<span class="np-reports">reports: {}</span>').format(reports))
        bar = Markup(" ").join(links)
        return str(
            Markup('<nav class="np-nav"><strong>newsprism</strong> <small>v{}</small> {}</nav>').format(
                __version__, bar
            )
        )

    def gone(request: Request, job_id: str) -> HTMLResponse:
        text = (
            f"Job {job_id[:64]} is not here: it never existed, or it has expired (results are kept {keep}). "
            "Analyse the articles again to get a new result."
        )
        return page("message.html", request, 404, title="Result expired", text=text)

    @app.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def job_page(request: Request, job_id: str) -> HTMLResponse:
        from newsprism.report import render_articles, render_comparison

        job = jobs.get(job_id)
        if job is None:
            return gone(request, job_id)
        if job.status != "done":
            return page("progress.html", request, job=job.public())
        try:
            _, articles, comparison = _result(job_id)
        except ApiError:
            return gone(request, job_id)
        if comparison is not None:
            html = render_comparison(comparison, articles, "html")
        else:
            html = render_articles(articles, "html")
        return HTMLResponse(with_nav(html, nav(job), request.state.csp_nonce))

    @app.get("/jobs/{job_id}/articles/{n}", response_class=HTMLResponse, include_in_schema=False)
    def job_article_page(request: Request, job_id: str, n: int) -> HTMLResponse:
        from newsprism.report import render_articles

        try:
            job, articles, _ = _result(job_id)
        except ApiError:
            return gone(request, job_id)
        if not 1 <= n <= len(articles):
            return page("message.html", request, 404, title="Not found", text=f"Job {job_id} has no article {n}.")
        html = render_articles([articles[n - 1]], "html")
        return HTMLResponse(with_nav(html, nav(job, n), request.state.csp_nonce))

    @app.get("/jobs/{job_id}/download/{fmt}", include_in_schema=False)
    def job_download(job_id: str, fmt: str, article: int | None = None) -> Response:
        from newsprism.report import render_articles, render_comparison

        if fmt not in DOWNLOADS:
            raise ApiError(404, "E143", f"no download format {fmt[:20]!r}; choose json, html or md", "NotFound")
        job, articles, comparison = _result(job_id)
        if article is not None:
            if not 1 <= article <= len(articles):
                raise ApiError(404, "E143", f"job {job_id} has no article {article}", "NotFound")
            text, name = render_articles([articles[article - 1]], fmt), f"newsprism-{job.id[:8]}-{article}"
        elif comparison is not None:
            text, name = render_comparison(comparison, articles, fmt), f"newsprism-{job.id[:8]}-comparison"
        else:
            text, name = render_articles(articles, fmt), f"newsprism-{job.id[:8]}"
        media, ext = DOWNLOADS[fmt]
        disposition = f'attachment; filename="{name}.{ext}"'
        return Response(text, media_type=f"{media}; charset=utf-8", headers={"Content-Disposition": disposition})

    @app.get("/api/schema/{name}", responses=ERROR_RESPONSES)
    def api_schema(name: str) -> JSONResponse:
        """The JSON Schema of the contract: `article` or `comparison`."""
        if name not in ("article", "comparison"):
            raise ApiError(404, "E143", f"no schema {name[:64]!r}; choose article or comparison", "NotFound")
        return JSONResponse(schema_file(name))

    if app.state.store is not None:
        from newsprism.web.corpus import add_corpus_routes

        add_corpus_routes(app, page, app.state.store)

    hosts = set(opts.web_allowed_hosts)
    app.add_middleware(Guard, limit=opts.web_max_request_bytes, hosts=hosts)
    env.globals["escape"] = escape
    return app
