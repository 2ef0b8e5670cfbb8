from __future__ import annotations

import json
import time

import jsonschema
from fastapi.testclient import TestClient

from newsprism.model import Article, validate_offsets
from newsprism.web.app import schema_file

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_analyze_returns_contract(client: TestClient, seed_texts: dict[str, str]) -> None:
    resp = client.post("/api/analyze", json={"text": seed_texts["002"], "outlet": "Example"})
    assert resp.status_code == 200, resp.text
    data = resp.json()
    assert data["schema"] == "newsprism.article/1"
    assert data["outlet"] == "Example"
    jsonschema.validate(data, schema_file("article"))
    assert validate_offsets(Article.model_validate(data)) == []


def test_error_shape_for_bad_requests(client: TestClient) -> None:
    for body in ({}, {"text": "a", "url": "http://x"}, {"text": "a", "nonsense": 1}):
        resp = client.post("/api/analyze", json=body)
        assert resp.status_code == 422
        assert set(resp.json()["error"]) == {"code", "type", "message"}
    resp = client.post("/api/analyze", json={"text": "   \n  "})
    assert resp.status_code == 422
    assert resp.json()["error"]["code"] == "E002"


def test_limits(client: TestClient) -> None:
    resp = client.post("/api/analyze", json={"text": "word " * 60_000})
    assert resp.status_code == 413
    assert resp.json()["error"]["code"] == "E130"
    resp = client.post("/api/compare", json={"articles": [{"text": f"Article {i} text."} for i in range(6)]})
    assert resp.status_code == 422
    assert resp.json()["error"]["code"] == "E132"


def test_private_urls_refused(client: TestClient) -> None:
    resp = client.post("/api/analyze", json={"url": "http://127.0.0.1:9/x.html"})
    assert resp.status_code in (422, 502)
    assert "127.0.0.1" in resp.json()["error"]["message"]


def test_job_progress_and_xss_escaped(client: TestClient) -> None:
    text = f"“{XSS} is fine,” said {XSS}. The senator said the plan costs $5 million."
    resp = client.post("/api/jobs", json={"mode": "analyze", "articles": [{"text": text, "title": XSS}]})
    assert resp.status_code == 202
    job_id = resp.json()["id"]
    for _ in range(300):
        status = client.get(f"/api/jobs/{job_id}").json()
        if status["status"] != "running":
            break
        time.sleep(0.1)
    assert status["status"] == "done", status
    page = client.get(f"/jobs/{job_id}").text
    assert "<script>alert" not in page
    assert "onerror=alert" not in page.replace("onerror=alert(1)&gt;", "")
    assert "&lt;script&gt;" in page
    assert client.get("/api/jobs/nope").status_code == 404


def test_schemas_and_openapi(client: TestClient) -> None:
    assert client.get("/api/schema/article").json()["properties"]["schema"]
    assert client.get("/api/schema/comparison").status_code == 200
    assert "/api/analyze" in client.get("/openapi.json").json()["paths"]
    assert "Analyse or compare" in client.get("/").text


def test_job_progress_streams_as_server_sent_events(client: TestClient) -> None:
    body = {"mode": "analyze", "articles": [{"text": "The senator said the plan costs $5 million."}] * 2}
    job_id = client.post("/api/jobs", json=body).json()["id"]
    with client.stream("GET", f"/api/jobs/{job_id}/events") as resp:
        assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/event-stream")
        frames = [json.loads(line[len("data: ") :]) for line in resp.iter_lines() if line.startswith("data: ")]
    assert frames and frames[-1]["status"] == "done" and frames[-1]["done"] == 2
    assert [f["done"] for f in frames] == sorted(f["done"] for f in frames)  # progress never goes back
    assert client.get("/api/jobs/nope/events").status_code == 404
    page = client.get(f"/jobs/{job_id}").text
    assert "EventSource" not in page  # a finished job shows its result, not the progress page


def test_progress_page_listens_to_the_event_stream() -> None:
    from newsprism.web.app import _templates
    from newsprism.web.jobs import Job

    html = (
        _templates()
        .get_template("progress.html")
        .render(job=Job(id="abc123", kind="analyze", total=4, done=1).public())
    )
    assert 'new EventSource("/api/jobs/"' in html and '"abc123"' in html and "width:25%" in html
