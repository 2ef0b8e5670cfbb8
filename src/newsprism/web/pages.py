"""HTML pages: start page, offline API reference, job progress and results (with nav and downloads), favicon."""

from __future__ import annotations

import re
from importlib import resources

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from markupsafe import Markup

from newsprism import __version__
from newsprism.web.context import Web, web
from newsprism.web.errors import ApiError
from newsprism.web.jobs import Job

router = APIRouter(include_in_schema=False)
DOWNLOADS = {"json": ("application/json", "json"), "md": ("text/markdown", "md"), "html": ("text/html", "html")}


def with_nav(report: str, nav: str, nonce: str) -> str:
    """Put the app's navigation bar, stylesheet and tooltip script into a report page; bless its own scripts."""
    # The standalone report carries its own CSP (no scripts, no files); served here, the header's policy replaces it.
    report = re.sub(r"<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "", report, flags=re.IGNORECASE)
    report = report.replace("<script>", f'<script nonce="{nonce}">')
    head = '<link rel="icon" href="/static/favicon.svg"><link rel="stylesheet" href="/static/report.css">'
    report = report.replace("</head>", head + "</head>", 1)
    report = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + nav, report, count=1)
    return report.replace("</body>", '<script src="/static/tips.js" defer></script></body>', 1)


def nav(w: Web, job: Job, article: int | None = None) -> str:
    """The bar on top of a result: home, downloads, and (comparison) each article's own report."""
    links = [Markup('<a href="/">← new analysis</a>')]
    if w.store is not None:
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
        Markup('<nav class="np-nav"><strong>newsprism</strong> <small>v{}</small> {}</nav>').format(__version__, bar)
    )


def gone(w: Web, request: Request, job_id: str) -> HTMLResponse:
    text = (
        f"Job {job_id[:64]} is not here: it never existed, or it has expired (results are kept {w.keep}). "
        "Analyse the articles again to get a new result."
    )
    return w.page("message.html", request, 404, title="Result expired", text=text)


@router.get("/favicon.ico")
def favicon() -> FileResponse:
    path = resources.files("newsprism.web").joinpath("static", "favicon.svg")
    return FileResponse(str(path), media_type="image/svg+xml")


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    w = web(request)
    return w.page("index.html", request, max_articles=w.options.web_max_articles)


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """The API reference, rendered here from the app's own OpenAPI spec (works offline)."""
    return web(request).page("docs.html", request, spec=request.app.openapi())


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, job_id: str) -> HTMLResponse:
    from newsprism.report import render_articles, render_comparison

    w = web(request)
    job = w.jobs.get(job_id)
    if job is None:
        return gone(w, request, job_id)
    if job.status != "done":
        return w.page("progress.html", request, job=job.public())
    try:
        _, articles, comparison = w.result(job_id)
    except ApiError:
        return gone(w, request, job_id)
    if comparison is not None:
        html = render_comparison(comparison, articles, "html")
    else:
        html = render_articles(articles, "html")
    return HTMLResponse(with_nav(html, nav(w, job), request.state.csp_nonce))


@router.get("/jobs/{job_id}/articles/{n}", response_class=HTMLResponse)
def job_article_page(request: Request, job_id: str, n: int) -> HTMLResponse:
    from newsprism.report import render_articles

    w = web(request)
    try:
        job, articles, _ = w.result(job_id)
    except ApiError:
        return gone(w, request, job_id)
    if not 1 <= n <= len(articles):
        return w.page("message.html", request, 404, title="Not found", text=f"Job {job_id} has no article {n}.")
    html = render_articles([articles[n - 1]], "html")
    return HTMLResponse(with_nav(html, nav(w, job, n), request.state.csp_nonce))


@router.get("/jobs/{job_id}/download/{fmt}")
def job_download(request: Request, job_id: str, fmt: str, article: int | None = None) -> Response:
    from newsprism.report import render_articles, render_comparison

    if fmt not in DOWNLOADS:
        raise ApiError(404, "E143", f"no download format {fmt[:20]!r}; choose json, html or md", "NotFound")
    job, articles, comparison = web(request).result(job_id)
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
