"""What every route needs: options, the analysis engine, the job manager, the page templates."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from newsprism import __version__
from newsprism.errors import NewsprismError
from newsprism.model import Article, Comparison
from newsprism.options import Options
from newsprism.web.errors import ApiError, error_body
from newsprism.web.jobs import Job, JobManager
from newsprism.web.workers import Engine

log = logging.getLogger(__name__)


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 quote``, ``2 quotes``, ``0 outlets``."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def templates() -> Environment:
    from newsprism.report.slant import lean_not_shown

    env = Environment(loader=PackageLoader("newsprism.web", "templates"), autoescape=select_autoescape(["html"]))
    env.globals["lean_not_shown"] = lean_not_shown  # no lean line anywhere (docs/slant.md, "Presentation")
    env.globals["version"] = __version__
    env.filters["plural"] = plural
    return env


def schema_file(name: str) -> dict[str, Any]:
    path = resources.files("newsprism.report").joinpath("schema", f"{name}.schema.json")
    return dict(json.loads(path.read_text(encoding="utf-8")))


def job_error(exc: Exception) -> dict[str, Any]:
    """A failed job's error, in the API's shape (an unexpected one is logged with its traceback)."""
    if isinstance(exc, NewsprismError):
        return dict(exc.to_dict()["error"])  # type: ignore[call-overload]
    if isinstance(exc, ApiError):
        return dict(exc.body()["error"])
    log.error("job failed", exc_info=exc)
    return dict(error_body("E149", f"internal error ({type(exc).__name__})", "InternalError")["error"])


@dataclass
class Web:
    options: Options
    engine: Engine
    jobs: JobManager
    env: Environment
    store: Path | None

    @property
    def keep(self) -> str:
        """The retention policy, in words, for the messages about expired jobs."""
        return f"{self.options.web_job_retention_days:g} days, at most {self.options.web_max_jobs} jobs"

    def page(self, name: str, request: Request, status: int = 200, **context: Any) -> HTMLResponse:
        html = self.env.get_template(name).render(nonce=request.state.csp_nonce, **context)
        return HTMLResponse(html, status_code=status)

    def check_count(self, n: int) -> None:
        cap = self.options.web_max_articles
        if n > cap:
            raise ApiError(422, "E142", f"{n} articles, over the limit of {cap}", "TooManyArticles")

    def job(self, job_id: str) -> Job:
        job = self.jobs.get(job_id)
        if job is None:
            msg = f"no job {job_id[:64]}: it never existed or has expired (jobs are kept {self.keep})"
            raise ApiError(404, "E143", msg, "NotFound")
        return job

    def result(self, job_id: str) -> tuple[Job, list[Article], Comparison | None]:
        job = self.job(job_id)
        if job.status != "done":
            raise ApiError(409, "E144", f"job {job_id} is {job.status}", "NotReady")
        data = self.jobs.result(job_id)
        if data is None:
            raise ApiError(404, "E143", f"the result of job {job_id} is gone (jobs are kept {self.keep})", "NotFound")
        articles = [Article.model_validate(a) for a in data["articles"]]
        comparison = Comparison.model_validate(data["comparison"]) if data.get("comparison") else None
        return job, articles, comparison


def web(request: Request) -> Web:
    state: Web = request.app.state.web
    return state
