"""Background analysis jobs: progress in memory while they run, state and results kept on disk.

Layout: ``<jobs dir>/<id>/job.json`` (the public state) and ``result.json`` (``{"articles": [...],
"comparison": ... | null}``). Retention: jobs older than ``web_job_retention_days`` are deleted and only the
newest ``web_max_jobs`` are kept, checked at start-up and whenever a job starts. Each job's directory is private
to the user (mode 700), and so is the jobs directory when the app creates it: other accounts cannot read results.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.report.output import write_atomic

EVENT_INTERVAL = 0.2  # seconds between checks of a job's progress
HEARTBEAT = 15.0  # seconds: an SSE comment line keeps proxies from closing an idle stream
JOB_ID = re.compile(r"^[0-9a-f]{32}$")  # uuid4 hex: unguessable, and safe as a directory name


def default_jobs_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsprism" / "web-jobs"


@dataclass
class Job:
    id: str
    kind: str
    total: int
    labels: list[str] = field(default_factory=list)
    created: float = field(default_factory=time.time)
    done: int = 0
    status: str = "running"  # running | done | error
    error: dict[str, Any] | None = None
    stage: str | None = None
    parts: dict[int, float] = field(default_factory=dict, repr=False)  # article index -> share of its stages

    @property
    def progress(self) -> float:
        if self.status == "done":
            return 1.0
        steps = self.total + (1 if self.kind == "compare" else 0)
        return round(min(1.0, sum(self.parts.values()) / max(steps, 1)), 3)

    def public(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "status": self.status,
            "done": self.done,
            "total": self.total,
            "progress": self.progress,
            "stage": self.stage,
            "labels": self.labels,
            "created": self.created,
            "error": self.error,
        }

    @classmethod
    def from_public(cls, data: dict[str, Any]) -> Job:
        return cls(
            id=str(data["id"]),
            kind=str(data["kind"]),
            total=int(data["total"]),
            labels=[str(x) for x in data.get("labels") or []],
            created=float(data.get("created") or 0.0),
            done=int(data.get("done") or 0),
            status=str(data.get("status") or "error"),
            error=data.get("error"),
            stage=data.get("stage"),
        )


Work = Callable[[Job], tuple[list[dict[str, Any]], dict[str, Any] | None]]


class JobManager:
    """Starts jobs on threads (the heavy work runs in the analysis workers), persists and prunes them."""

    def __init__(self, root: Path, retention_days: float, max_jobs: int) -> None:
        self.root = root
        self.retention = retention_days * 86400.0
        self.max_jobs = max_jobs
        self._live: dict[str, Job] = {}
        self._lock = threading.Lock()
        if not self.root.is_dir():  # created private; an existing directory keeps its mode (each job's is 700)
            self.root.mkdir(parents=True, exist_ok=True)
            os.chmod(self.root, 0o700)
        self.prune()

    def _dir(self, job_id: str) -> Path:
        return self.root / job_id

    def _save(self, job: Job, result: dict[str, Any] | None = None) -> None:
        folder = self._dir(job.id)
        folder.mkdir(mode=0o700, exist_ok=True)
        if result is not None:
            write_atomic(folder / "result.json", json.dumps(result, ensure_ascii=False))
        write_atomic(folder / "job.json", json.dumps(job.public(), ensure_ascii=False))

    def start(self, kind: str, labels: list[str], work: Work, on_error: Callable[[Exception], dict[str, Any]]) -> Job:
        job = Job(id=uuid.uuid4().hex, kind=kind, total=len(labels), labels=labels)
        self.prune()
        self._save(job)
        with self._lock:
            self._live[job.id] = job

        def run() -> None:
            try:
                articles, comparison = work(job)
                job.done = job.total
                job.status = "done"
                self._save(job, {"articles": articles, "comparison": comparison})
            except Exception as exc:  # reported to the page through the job's error shape
                job.error = on_error(exc)
                job.status = "error"
                self._save(job)
            finally:
                with self._lock:
                    self._live.pop(job.id, None)

        threading.Thread(target=run, daemon=True, name=f"job-{job.id}").start()
        return job

    def get(self, job_id: str) -> Job | None:
        if not JOB_ID.match(job_id):
            return None
        with self._lock:
            live = self._live.get(job_id)
        if live is not None:
            return live
        try:
            job = Job.from_public(json.loads((self._dir(job_id) / "job.json").read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if time.time() - job.created > self.retention:
            return None
        if job.status == "running":  # no thread runs it: the server stopped while it ran
            job.status = "error"
            job.error = {
                "code": "E149",
                "type": "Interrupted",
                "message": "the server stopped before this job finished; submit it again",
            }
        return job

    def result(self, job_id: str) -> dict[str, Any] | None:
        try:
            data: dict[str, Any] = json.loads((self._dir(job_id) / "result.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data

    def prune(self) -> int:
        """Delete expired jobs and all but the newest ``max_jobs``; returns how many were deleted."""
        now = time.time()
        entries = []
        for folder in self.root.iterdir() if self.root.is_dir() else []:
            if not JOB_ID.match(folder.name) or folder.name in self._live:
                continue
            try:
                created = float(json.loads((folder / "job.json").read_text(encoding="utf-8"))["created"])
            except (OSError, ValueError, KeyError, TypeError):
                created = folder.stat().st_mtime
            entries.append((created, folder))
        entries.sort(reverse=True)
        gone = [f for i, (c, f) in enumerate(entries) if now - c > self.retention or i >= self.max_jobs]
        for folder in gone:
            shutil.rmtree(folder, ignore_errors=True)
        return len(gone)


async def job_events(job: Job, interval: float = EVENT_INTERVAL) -> AsyncIterator[str]:
    """SSE frames: ``event: progress`` with the job's public state on each change; the last one ends the stream."""
    last: dict[str, Any] | None = None
    quiet = 0.0
    while True:
        state = job.public()
        if state != last:
            last, quiet = state, 0.0
            yield f"event: progress\ndata: {json.dumps(state)}\n\n"
            if state["status"] != "running":
                return
        elif quiet >= HEARTBEAT:
            quiet = 0.0
            yield ": keep-alive\n\n"
        await asyncio.sleep(interval)
        quiet += interval
