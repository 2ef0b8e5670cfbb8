"""Background analysis jobs with progress, polled by the pages (no frozen page on long work)."""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

MAX_JOBS = 200  # finished jobs kept in memory, oldest dropped first


@dataclass
class Job:
    id: str
    kind: str
    total: int
    done: int = 0
    status: str = "running"  # running | done | error
    error: dict[str, Any] | None = None
    result: Any = None
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def public(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "status": self.status,
            "done": self.done,
            "total": self.total,
            "error": self.error,
        }


class JobManager:
    def __init__(self) -> None:
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()

    def start(
        self, kind: str, total: int, work: Callable[[Job], Any], on_error: Callable[[Exception], dict[str, Any]]
    ) -> Job:
        job = Job(id=uuid.uuid4().hex[:16], kind=kind, total=total)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > MAX_JOBS:
                self._jobs.popitem(last=False)

        def run() -> None:
            try:
                job.result = work(job)
                job.status = "done"
            except Exception as exc:  # reported to the page through the job's error shape
                job.error = on_error(exc)
                job.status = "error"

        threading.Thread(target=run, daemon=True, name=f"job-{job.id}").start()
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)
