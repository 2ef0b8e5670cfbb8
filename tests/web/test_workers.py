"""The analysis pool behind `serve --workers N`: work runs in other processes, pages stay served meanwhile."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism.options import load_options
from newsprism.web.errors import ApiError

TEXT = "The senator said on Monday that the plan would cost $5 million, according to officials."


@pytest.fixture(scope="module")
def pooled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from newsprism.web import create_app

    opts = load_options(stages=("nlp", "quotes"), web_workers=1, web_jobs_dir=str(tmp_path_factory.mktemp("jobs")))
    with TestClient(create_app(opts), base_url="http://localhost") as c:
        yield c


@pytest.mark.slow
def test_analysis_runs_in_a_worker_process(pooled: TestClient) -> None:
    engine = pooled.app.state.engine  # type: ignore[attr-defined]
    assert engine.result(engine.submit(os.getpid)) != os.getpid()
    resp = pooled.post("/api/analyze", json={"text": TEXT})
    assert resp.status_code == 200 and resp.json()["sentences"]
    bad = pooled.post("/api/analyze", json={"text": "  "})  # errors raised in the worker keep their code
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "E002"


def test_pages_are_served_while_a_job_runs(pooled: TestClient) -> None:
    job = pooled.post("/api/jobs", json={"articles": [{"text": TEXT * 40}] * 4}).json()
    served_during = 0
    while pooled.get(f"/api/jobs/{job['id']}").json()["status"] == "running":
        page = pooled.get("/")
        if page.status_code == 200 and pooled.app.state.jobs.get(job["id"]).status == "running":  # type: ignore[attr-defined]
            served_during += 1
        time.sleep(0.05)
    assert pooled.get(f"/api/jobs/{job['id']}").json()["status"] == "done"
    assert served_during > 0


@pytest.mark.slow
def test_a_dead_worker_is_a_503_then_replaced(pooled: TestClient) -> None:
    engine = pooled.app.state.engine  # type: ignore[attr-defined]
    with pytest.raises(ApiError) as err:
        engine.result(engine.submit(os._exit, 1))
    assert err.value.status == 503 and err.value.code == "E148"
    resp = pooled.post("/api/analyze", json={"text": TEXT})
    assert resp.status_code == 200


def test_workers_option_and_serve_flags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    import uvicorn

    from newsprism.cli.app import main
    from newsprism.errors import ConfigError

    assert load_options().web_workers == 1
    with pytest.raises(ConfigError):
        load_options(web_workers=-1)
    served: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: served.update(app=app, **kw))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    args = ["serve", "--workers", "0", "--allow-host", "News.LAN", "--host", "192.168.1.5", "--port", "8123"]
    monkeypatch.setattr(sys, "argv", ["newsprism", *args])
    try:
        main()
    except SystemExit as exc:
        assert exc.code in (0, None)
    assert "with 0 analysis worker(s)" in capsys.readouterr().err
    app = served["app"]
    assert served["port"] == 8123 and app.state.engine.workers == 0  # type: ignore[attr-defined]
    with TestClient(app, base_url="http://news.lan:8123") as c:  # type: ignore[arg-type]
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"host": "192.168.1.5:8123"}).status_code == 200
        assert c.get("/", headers={"host": "localhost"}).status_code == 200
        assert c.get("/", headers={"host": "evil.example"}).status_code == 400
    assert (tmp_path / "newsprism" / "web-jobs").is_dir()
