"""Background analysis jobs with progress, streamed to the pages as Server-Sent Events (or polled)."""

from __future__ import annotations

import asyncio
import json
import threading
import uuid
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

MAX_JOBS = 200  # finished jobs kept in memory, oldest dropped first
EVENT_INTERVAL = 0.2  # seconds between checks of a job's progress
HEARTBEAT = 15.0  # seconds: an SSE comment line keeps proxies from closing an idle stream


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
