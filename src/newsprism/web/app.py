"""FastAPI application: pages to paste/upload/fetch articles, a JSON API mirroring the CLI, jobs with progress."""

from __future__ import annotations

import json
import threading
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsprism import __version__
from newsprism.errors import InputError, NewsprismError
from newsprism.model import Article, Comparison
from newsprism.options import Options, load_options
from newsprism.pipeline import Pipeline
from newsprism.web.jobs import Job, JobManager, job_events


class ArticleIn(BaseModel):
    """One article to analyse: exactly one of text, html or url, plus optional metadata."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = None
    html: str | None = None
    url: str | None = None
    id: str | None = None
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None

    @model_validator(mode="after")
    def _one_source(self) -> ArticleIn:
        given = [k for k in ("text", "html", "url") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of text, html or url")
        return self


class CompareIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    articles: list[ArticleIn] = Field(min_length=1)


class JobIn(CompareIn):
    mode: str = Field(default="analyze", pattern="^(analyze|compare)$")


def error_body(code: str, message: str, kind: str) -> dict[str, Any]:
    return {"error": {"code": code, "type": kind, "message": message}}


class BodyLimit:
    """Reject request bodies over ``limit`` bytes with 413 before they are read into memory."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            await self._reject(send)
            return
        seen = 0
        too_big = False

        async def limited() -> Message:
            nonlocal seen, too_big
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    too_big = True
                    raise _TooLarge
            return message

        try:
            await self.app(scope, limited, send)
        except _TooLarge:
            await self._reject(send)

    async def _reject(self, send: Send) -> None:
        body = json.dumps(
            error_body("E130", f"request body over the limit of {self.limit} bytes", "PayloadTooLarge")
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    pass


def ingest_call(module: Any, name: str, *args: Any, **kwargs: Any) -> Article:
    """Call an optional ingest entry point (HTML and URL readers), with a clear error when absent."""
    fn = getattr(module, name, None)
    if fn is None:
        raise InputError("E007", source=f"<request> ({name} is not available in this build)")
    article: Article = fn(*args, **kwargs)
    return article


def _templates() -> Environment:
    from newsprism.slant.present import lean

    env = Environment(loader=PackageLoader("newsprism.web", "templates"), autoescape=select_autoescape(["html"]))
    env.globals["lean"] = lean  # the slant wording band (docs/slant.md, "Presentation")
    return env


def schema_file(name: str) -> dict[str, Any]:
    path = resources.files("newsprism.report").joinpath("schema", f"{name}.schema.json")
    return dict(json.loads(path.read_text(encoding="utf-8")))


class Analyzer:
    """Turns API inputs into analysed Articles with one shared pipeline (spaCy is used under a lock)."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self._pipeline: Pipeline | None = None
        self._lock = threading.Lock()

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline(self.options)
        return self._pipeline

    def to_article(self, item: ArticleIn) -> Article:
        from newsprism import ingest

        meta = {k: getattr(item, k) for k in ("id", "title", "outlet", "byline", "published")}
        given = {k: v for k, v in meta.items() if v is not None}
        if item.url is not None:
            art = ingest_call(ingest, "article_from_url", item.url, self.options)
        elif item.html is not None:
            self._check_size(item.html)
            art = ingest_call(ingest, "article_from_html", item.html, source="<request>", **given)
        else:
            assert item.text is not None
            self._check_size(item.text)
            art = ingest.article_from_text(item.text, source="<request>", **given)
        for key, value in given.items():
            setattr(art, key, value)
        return art

    def _check_size(self, text: str) -> None:
        size = len(text.encode("utf-8"))
        if size > self.options.max_bytes:
            raise InputError("E004", size=size, cap=self.options.max_bytes, source="<request>")

    def analyze(self, items: list[ArticleIn], job: Job | None = None) -> list[Article]:
        articles = []
        for n, item in enumerate(items, 1):
            art = self.to_article(item)
            if art.source == "<request>":
                art.source = f"article {n}"  # the name a comparison column shows when no outlet is given
            articles.append(art)
        out = []
        for art in articles:
            with self._lock:
                out.append(self.pipeline(art))
            if job is not None:
                job.done += 1
        return out

    def compare(self, articles: list[Article]) -> Comparison:
        from newsprism.api import compare_articles

        with self._lock:
            return compare_articles(articles, self.options)


def create_app(options: Options | None = None, store: str | Path | None = None) -> FastAPI:
    """Build the app. ``store`` enables the corpus page and corpus API."""
    opts = options or load_options()
    analyzer = Analyzer(opts)
    jobs = JobManager()
    env = _templates()
    app = FastAPI(
        title="newsprism",
        version=__version__,
        description="Analyse and compare news articles: quotes, claims, persuasion, slant, stories.",
    )
    app.state.analyzer = analyzer
    app.state.store = Path(store) if store else None

    def check_count(n: int) -> None:
        if n > opts.web_max_articles:
            raise _ApiError(422, "E132", f"{n} articles, over the limit of {opts.web_max_articles}", "TooManyArticles")

    @app.exception_handler(NewsprismError)
    async def _newsprism_error(request: Request, exc: NewsprismError) -> JSONResponse:
        status = {2: 422, 3: 502, 5: 422}.get(exc.exit_code, 500)  # bad input, fetch, bad store query
        return JSONResponse(exc.to_dict(), status_code=status)

    @app.exception_handler(_ApiError)
    async def _api_error(request: Request, exc: _ApiError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, exc.message, exc.kind), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(x) for x in first.get("loc", ()) if x != "body")
        return JSONResponse(
            error_body("E131", f"{where}: {first.get('msg')}".strip(": "), "ValidationError"), status_code=422
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(
            error_body(f"HTTP{exc.status_code}", str(exc.detail), "HTTPError"), status_code=exc.status_code
        )

    @app.get("/", response_class=HTMLResponse)
    def index() -> str:
        return env.get_template("index.html").render(
            version=__version__, max_articles=opts.web_max_articles, has_store=app.state.store is not None
        )

    @app.post("/api/analyze")
    def api_analyze(item: ArticleIn) -> JSONResponse:
        article = analyzer.analyze([item])[0]
        return JSONResponse(article.to_json_dict())

    @app.post("/api/compare")
    def api_compare(body: CompareIn) -> JSONResponse:
        check_count(len(body.articles))
        articles = analyzer.analyze(body.articles)
        return JSONResponse(analyzer.compare(articles).to_json_dict())

    @app.post("/api/jobs", status_code=202)
    def api_job(body: JobIn) -> dict[str, Any]:
        check_count(len(body.articles))

        def work(job: Job) -> Any:
            articles = analyzer.analyze(body.articles, job)
            if body.mode == "compare":
                return articles, analyzer.compare(articles)
            return articles, None

        def on_error(exc: Exception) -> dict[str, Any]:
            if isinstance(exc, NewsprismError):
                return exc.to_dict()["error"]  # type: ignore[return-value]
            shape: dict[str, Any] = error_body("E139", f"{type(exc).__name__}: {exc}", "InternalError")["error"]
            return shape

        return jobs.start(body.mode, len(body.articles), work, on_error).public()

    def _job(job_id: str) -> Job:
        job = jobs.get(job_id)
        if job is None:
            raise _ApiError(404, "E133", f"no job {job_id}", "NotFound")
        return job

    @app.get("/api/jobs/{job_id}")
    def api_job_status(job_id: str) -> dict[str, Any]:
        return _job(job_id).public()

    @app.get("/api/jobs/{job_id}/events")
    def api_job_events(job_id: str) -> StreamingResponse:
        """Server-Sent Events: a ``progress`` event whenever the count or status changes, ending with the job."""
        job = _job(job_id)
        headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
        return StreamingResponse(job_events(job), media_type="text/event-stream", headers=headers)

    @app.get("/api/jobs/{job_id}/result")
    def api_job_result(job_id: str) -> JSONResponse:
        job = _job(job_id)
        if job.status != "done":
            raise _ApiError(409, "E134", f"job {job_id} is {job.status}", "NotReady")
        articles, comparison = job.result
        if comparison is not None:
            return JSONResponse(comparison.to_json_dict())
        return JSONResponse([a.to_json_dict() for a in articles])

    @app.get("/jobs/{job_id}", response_class=HTMLResponse)
    def job_page(job_id: str) -> Response:
        from newsprism.report import render_articles, render_comparison

        job = _job(job_id)
        if job.status != "done":
            return HTMLResponse(env.get_template("progress.html").render(job=job.public()))
        articles, comparison = job.result
        if comparison is not None:
            return HTMLResponse(render_comparison(comparison, articles, "html"))
        return HTMLResponse(render_articles(articles, "html"))

    @app.get("/api/schema/{name}")
    def api_schema(name: str) -> JSONResponse:
        if name not in ("article", "comparison"):
            raise _ApiError(404, "E133", f"no schema {name}", "NotFound")
        return JSONResponse(schema_file(name))

    if app.state.store is not None:
        from newsprism.web.corpus import add_corpus_routes

        add_corpus_routes(app, env, app.state.store)

    app.add_middleware(BodyLimit, limit=opts.web_max_request_bytes)
    return app


class _ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, kind: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.kind = status, code, message, kind
