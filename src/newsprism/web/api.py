"""The JSON API: analyse, compare, background jobs with progress, the contract's schemas."""

from __future__ import annotations

import asyncio
from concurrent.futures import Future
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, StreamingResponse

from newsprism.model import Article, Comparison
from newsprism.titles import headline_title
from newsprism.web.context import job_error, schema_file, web
from newsprism.web.errors import ERROR_RESPONSES, LOOKUP_RESPONSES, ApiError
from newsprism.web.jobs import Job, job_events
from newsprism.web.schemas import ArticleIn, CompareIn, JobIn, JobStatus
from newsprism.web.workers import analyze_one, compare_all

router = APIRouter()


@router.post("/api/analyze", responses={200: {"model": Article}, **ERROR_RESPONSES})
async def api_analyze(request: Request, item: ArticleIn) -> JSONResponse:
    """Analyse one article; the answer is the `newsprism.article/1` contract."""
    return JSONResponse(await web(request).engine.run(analyze_one, item.model_dump(), 1))


@router.post("/api/compare", responses={200: {"model": Comparison}, **ERROR_RESPONSES})
async def api_compare(request: Request, body: CompareIn) -> JSONResponse:
    """Analyse the articles (spread over the workers) and compare them as stories (`newsprism.comparison/1`)."""
    w = web(request)
    w.check_count(len(body.articles))
    articles = await asyncio.gather(
        *(w.engine.run(analyze_one, a.model_dump(), n) for n, a in enumerate(body.articles, 1))
    )
    return JSONResponse(await w.engine.run(compare_all, articles))


@router.post("/api/jobs", status_code=202, response_model=JobStatus, responses=ERROR_RESPONSES)
def api_job(request: Request, body: JobIn) -> dict[str, Any]:
    """Start a background job; follow it at `/api/jobs/{id}` or `/api/jobs/{id}/events`."""
    w = web(request)
    w.check_count(len(body.articles))
    items = [a.model_dump() for a in body.articles]
    engine = w.engine

    def work(job: Job) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
        futures: list[Future[Any]] = [engine.submit(analyze_one, it, n, job.id) for n, it in enumerate(items, 1)]
        articles = []
        for n, future in enumerate(futures):
            articles.append(engine.result(future))
            job.parts[n] = 1.0
            job.done = n + 1
            if job.labels[n] == f"article {n + 1}":  # nothing named it: its title, else a headline-like line
                title = headline_title(articles[-1].get("title"), articles[-1].get("text") or "")
                if title:
                    job.labels[n] = title if len(title) <= 80 else title[:79] + "…"
        if body.mode != "compare":
            return articles, None
        job.stage = "compare"
        return articles, engine.result(engine.submit(compare_all, articles))

    labels = [a.label(n) for n, a in enumerate(body.articles, 1)]
    return w.jobs.start(body.mode, labels, work, job_error).public()


@router.get("/api/jobs/{job_id}", response_model=JobStatus, responses=LOOKUP_RESPONSES)
def api_job_status(request: Request, job_id: str) -> dict[str, Any]:
    return web(request).job(job_id).public()


SSE = {200: {"content": {"text/event-stream": {}}, "description": "Server-Sent Events"}, **LOOKUP_RESPONSES}


@router.get("/api/jobs/{job_id}/events", responses=SSE)
def api_job_events(request: Request, job_id: str) -> StreamingResponse:
    """Server-Sent Events: a ``progress`` event whenever the count or status changes, ending with the job."""
    job = web(request).job(job_id)
    headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
    return StreamingResponse(job_events(job), media_type="text/event-stream", headers=headers)


@router.get("/api/jobs/{job_id}/result", responses={200: {"model": list[Article] | Comparison}, **LOOKUP_RESPONSES})
def api_job_result(request: Request, job_id: str) -> JSONResponse:
    """The analysed articles (an analyze job) or the comparison (a compare job)."""
    _, articles, comparison = web(request).result(job_id)
    if comparison is not None:
        return JSONResponse(comparison.to_json_dict())
    return JSONResponse([a.to_json_dict() for a in articles])


@router.get("/api/schema/{name}", responses=LOOKUP_RESPONSES)
def api_schema(name: str) -> JSONResponse:
    """The JSON Schema of the contract: `article` or `comparison`."""
    if name not in ("article", "comparison"):
        raise ApiError(404, "E143", f"no schema {name[:64]!r}; choose article or comparison", "NotFound")
    return JSONResponse(schema_file(name))
