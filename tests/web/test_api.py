from __future__ import annotations

import json
import time
from pathlib import Path

import jsonschema
import pytest
from fastapi.testclient import TestClient

from newsprism.model import Article, validate_offsets
from newsprism.web.app import schema_file

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
JSON = {"content-type": "application/json"}
SHORT = "The senator said the plan costs $5 million."


def wait_job(client: TestClient, job_id: str) -> dict[str, object]:
    for _ in range(600):
        status: dict[str, object] = client.get(f"/api/jobs/{job_id}").json()
        if status["status"] != "running":
            return status
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish")


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
    assert resp.json()["error"]["code"] == "E142"


def test_chunked_body_over_the_limit_is_413(client: TestClient) -> None:
    def chunks():  # no Content-Length: the body arrives chunked and is counted as it comes
        yield b'{"text": "'
        for _ in range(40):
            yield b"x" * 10_000
        yield b'"}'

    resp = client.post("/api/analyze", content=chunks(), headers=JSON)
    assert resp.status_code == 413
    assert resp.json()["error"]["code"] == "E130"


def test_text_over_max_bytes_is_413_e004(jobs_dir: str) -> None:
    from newsprism.options import load_options
    from newsprism.web import create_app

    opts = load_options(stages=("nlp",), max_bytes=1000, web_workers=0, web_jobs_dir=jobs_dir)
    with TestClient(create_app(opts), base_url="http://localhost") as small:
        resp = small.post("/api/analyze", json={"text": "word " * 300})
    assert resp.status_code == 413
    assert resp.json()["error"]["code"] == "E004"


@pytest.mark.slow
def test_text_over_spacy_max_length_is_analysed_in_pieces(jobs_dir: str) -> None:
    from newsprism.options import load_options
    from newsprism.web import create_app

    sentence = "The minister said on Tuesday that the budget would cost 12 million dollars. "
    text = (sentence * (1_200_000 // len(sentence) + 1))[:1_200_000]
    opts = load_options(stages=("nlp",), web_workers=0, web_jobs_dir=jobs_dir)  # later stages: the nlp stage's care
    with TestClient(create_app(opts), base_url="http://localhost") as c:
        resp = c.post("/api/analyze", json={"text": text})
    assert resp.status_code == 200, resp.text[:300]
    art = Article.model_validate(resp.json())
    assert art.text == text and validate_offsets(art) == []
    assert art.sentences[-1].end > 1_199_000  # the last piece was parsed too


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ('{"text": "bad \\ud800 text"}', "text"),
        ('{"text": "fine", "title": "\\udfff"}', "title"),
        ('{"text": "fine", "outlet": "x\\udfffy"}', "outlet"),
    ],
)
def test_lone_surrogates_are_refused(client: TestClient, body: str, field: str) -> None:
    resp = client.post("/api/analyze", content=body, headers=JSON)
    assert resp.status_code == 422
    err = resp.json()["error"]
    assert err["code"] == "E141" and field in err["message"] and "surrogate" in err["message"]
    jobs = client.post("/api/jobs", content='{"articles": [' + body + "]}", headers=JSON)
    assert jobs.status_code == 422  # refused up front, never a job that is "done" and then breaks


def test_refused_urls_are_client_errors(client: TestClient) -> None:
    for url in ("http://127.0.0.1:9/x.html", "file:///etc/passwd", "javascript:alert(1)", "http://[::1]/"):
        resp = client.post("/api/analyze", json={"url": url})
        assert resp.status_code == 422, (url, resp.text)
        assert resp.json()["error"]["code"] == "E010"


def test_upstream_failure_is_502(jobs_dir: str) -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from newsprism.options import load_options
    from newsprism.web import create_app

    class Broken(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(500)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    upstream = ThreadingHTTPServer(("127.0.0.1", 0), Broken)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    opts = load_options(stages=("nlp",), web_workers=0, web_jobs_dir=jobs_dir, allow_private_urls=True)
    try:
        with TestClient(create_app(opts), base_url="http://localhost") as c:
            resp = c.post("/api/analyze", json={"url": f"http://127.0.0.1:{upstream.server_port}/story.html"})
    finally:
        upstream.shutdown()
    assert resp.status_code == 502
    assert resp.json()["error"]["code"] == "E011" and "500" in resp.json()["error"]["message"]


def test_non_json_bodies_are_told_to_send_json(client: TestClient) -> None:
    resp = client.post("/api/analyze", data={"text": SHORT})
    assert resp.status_code == 415
    assert "application/json" in resp.json()["error"]["message"]
    assert resp.json()["error"]["code"] == "E147"
    plain = client.post(
        "/api/jobs", content=json.dumps({"articles": [{"text": SHORT}]}), headers={"content-type": "text/plain"}
    )
    assert plain.status_code == 415
    bad = client.post("/api/analyze", content=b"{not json", headers=JSON)
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "E141"


def test_cross_origin_writes_are_refused(client: TestClient) -> None:
    body = json.dumps({"articles": [{"text": SHORT}]})
    for headers in (
        {"origin": "http://evil.example", "content-type": "application/x-www-form-urlencoded"},
        {"origin": "http://evil.example", "content-type": "text/plain"},
        {"origin": "http://localhost:3000", **JSON},  # another local app is another origin
        {"origin": "null", **JSON},
        {"sec-fetch-site": "cross-site", **JSON},
    ):
        resp = client.post("/api/jobs", content=body, headers=headers)
        assert resp.status_code == 403, headers
        assert resp.json()["error"]["code"] == "E146"
    same = client.post("/api/jobs", content=body, headers={"origin": "http://localhost", **JSON})
    assert same.status_code == 202


def test_host_allow_list(client: TestClient) -> None:
    for host in ("attacker.example", "localhost.attacker.example", "127.0.0.2"):
        resp = client.get("/", headers={"host": host})
        assert resp.status_code == 400 and resp.json()["error"]["code"] == "E145"
        assert client.get("/api/jobs/x", headers={"host": host}).status_code == 400
    for host in ("localhost:8000", "127.0.0.1", "[::1]:8000", "LOCALHOST"):
        assert client.get("/", headers={"host": host}).status_code == 200, host


def test_allowed_hosts_are_configurable(jobs_dir: str) -> None:
    from newsprism.options import load_options
    from newsprism.web import create_app

    opts = load_options(stages=("nlp",), web_workers=0, web_jobs_dir=jobs_dir, web_allowed_hosts=["news.lan"])
    with TestClient(create_app(opts), base_url="http://news.lan") as c:
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"host": "localhost"}).status_code == 400


def test_security_headers(client: TestClient) -> None:
    for path in ("/", "/docs", "/api/schema/article", "/static/app.js", "/api/jobs/nope"):
        headers = client.get(path).headers
        assert "frame-ancestors 'none'" in headers["content-security-policy"], path
        assert "script-src 'self' 'nonce-" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
    assert client.get("/", headers={"host": "evil.example"}).headers["x-content-type-options"] == "nosniff"


def test_job_progress_and_xss_escaped(client: TestClient) -> None:
    text = f"“{XSS} is fine,” said {XSS}. The senator said the plan costs $5 million."
    resp = client.post("/api/jobs", json={"mode": "analyze", "articles": [{"text": text, "title": XSS}]})
    assert resp.status_code == 202
    job_id = resp.json()["id"]
    status = wait_job(client, job_id)
    assert status["status"] == "done", status
    page = client.get(f"/jobs/{job_id}")
    nonce = page.headers["content-security-policy"].split("'nonce-")[1].split("'")[0]
    html = page.text
    assert "<script>alert" not in html
    assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    assert "&lt;script&gt;" in html
    # every inline script is the report's own, blessed with this response's nonce
    assert html.count("<script") == html.count(f'<script nonce="{nonce}"') + html.count('<script src="/static/')
    assert client.get("/api/jobs/nope").status_code == 404


def test_result_page_has_way_home_downloads_and_version(client: TestClient) -> None:
    job = client.post("/api/jobs", json={"articles": [{"text": SHORT, "source": "story.txt"}]}).json()
    assert job["labels"] == ["story.txt"]
    assert wait_job(client, job["id"])["status"] == "done"
    html = client.get(f"/jobs/{job['id']}").text
    from newsprism import __version__

    assert 'href="/"' in html and f"v{__version__}" in html
    for fmt, ctype in (("json", "application/json"), ("html", "text/html"), ("md", "text/markdown")):
        assert f"/jobs/{job['id']}/download/{fmt}" in html
        resp = client.get(f"/jobs/{job['id']}/download/{fmt}")
        assert resp.status_code == 200 and resp.headers["content-type"].startswith(ctype)
        assert "attachment" in resp.headers["content-disposition"]
    assert json.loads(client.get(f"/jobs/{job['id']}/download/json").text)["source"] == "story.txt"
    assert client.get(f"/jobs/{job['id']}/download/exe").status_code == 404


def test_comparison_links_each_article_report(client: TestClient) -> None:
    arts = [{"text": SHORT, "source": "a.txt"}, {"text": "“It works,” said Bob Smith on Monday.", "outlet": "B News"}]
    job = client.post("/api/jobs", json={"mode": "compare", "articles": arts}).json()
    assert wait_job(client, job["id"])["status"] == "done"
    html = client.get(f"/jobs/{job['id']}").text
    assert "http-equiv" not in html.lower()  # the report's own CSP meta would block the app's nav style and script
    assert f'href="/jobs/{job["id"]}/articles/1">a.txt</a>' in html
    assert f'href="/jobs/{job["id"]}/articles/2">B News</a>' in html
    one = client.get(f"/jobs/{job['id']}/articles/2")
    assert one.status_code == 200 and "Bob Smith" in one.text and f'href="/jobs/{job["id"]}"' in one.text
    assert client.get(f"/jobs/{job['id']}/articles/3").status_code == 404


def test_jobs_survive_a_restart_and_expire(client: TestClient, jobs_dir: str) -> None:
    from newsprism.options import load_options
    from newsprism.web import create_app

    job = client.post("/api/jobs", json={"articles": [{"text": SHORT}]}).json()
    assert wait_job(client, job["id"])["status"] == "done"
    assert (Path(jobs_dir) / job["id"] / "result.json").is_file()
    assert oct((Path(jobs_dir) / job["id"]).stat().st_mode & 0o777) == "0o700"  # other accounts cannot read it
    opts = load_options(stages=("nlp",), web_workers=0, web_jobs_dir=jobs_dir)
    with TestClient(create_app(opts), base_url="http://localhost") as again:  # a new server, same directory
        assert again.get(f"/api/jobs/{job['id']}").json()["status"] == "done"
        assert again.get(f"/api/jobs/{job['id']}/result").json()[0]["text"] == SHORT
    meta = Path(jobs_dir) / job["id"] / "job.json"
    state = json.loads(meta.read_text(encoding="utf-8"))
    meta.write_text(json.dumps(state | {"created": time.time() - 30 * 86400}), encoding="utf-8")
    with TestClient(create_app(opts), base_url="http://localhost") as later:  # start-up prunes expired jobs
        assert not (Path(jobs_dir) / job["id"]).exists()
        gone = later.get(f"/jobs/{job['id']}")
        assert gone.status_code == 404 and "expired" in gone.text and "<html" in gone.text
        assert later.get(f"/api/jobs/{job['id']}").json()["error"]["code"] == "E143"


def test_job_retention_keeps_newest(tmp_path: Path) -> None:
    from newsprism.web.jobs import JobManager

    mgr = JobManager(tmp_path, retention_days=7, max_jobs=2)
    ids = []
    for i in range(4):
        folder = tmp_path / f"{i:032x}"
        folder.mkdir()
        (folder / "job.json").write_text(json.dumps({"created": time.time() - 100 + i}), encoding="utf-8")
        ids.append(folder.name)
    assert mgr.prune() == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ids[2:]
    assert mgr.get("../../etc/passwd") is None and mgr.get(ids[0]) is None
    fresh = JobManager(tmp_path / "new" / "jobs", retention_days=7, max_jobs=2)
    assert oct(fresh.root.stat().st_mode & 0o777) == "0o700"


def test_interrupted_job_says_so(client: TestClient, jobs_dir: str) -> None:
    job_id = "f" * 32
    folder = Path(jobs_dir) / job_id
    folder.mkdir()
    state = {"id": job_id, "kind": "analyze", "total": 1, "status": "running", "created": time.time()}
    (folder / "job.json").write_text(json.dumps(state), encoding="utf-8")
    status = client.get(f"/api/jobs/{job_id}").json()
    assert status["status"] == "error" and "submit it again" in status["error"]["message"]
    assert "submit it again" in client.get(f"/jobs/{job_id}").text


def test_schemas_and_openapi(client: TestClient) -> None:
    assert client.get("/api/schema/article").json()["properties"]["schema"]
    assert client.get("/api/schema/comparison").status_code == 200
    assert client.get("/api/schema/nope").json()["error"]["code"] == "E143"
    spec = client.get("/openapi.json").json()
    assert "Analyse or compare" in client.get("/").text
    schemas = spec["components"]["schemas"]
    assert "HTTPValidationError" not in schemas and "ErrorBody" in schemas
    for path, status in (("/api/analyze", "200"), ("/api/compare", "200"), ("/api/jobs", "202")):
        op = spec["paths"][path]["post"]
        assert op["responses"][status]["content"]["application/json"]["schema"], path
        for code in ("413", "422"):
            assert op["responses"][code]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
    assert {"400", "403", "413", "415", "422", "502"} <= set(spec["paths"]["/api/analyze"]["post"]["responses"])
    assert {"404", "409"} <= set(spec["paths"]["/api/jobs/{job_id}/result"]["get"]["responses"])
    assert spec["paths"]["/api/jobs/{job_id}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert "properties" in schemas["Article"] and "text" in schemas["Article"]["properties"]


def test_docs_work_offline(client: TestClient) -> None:
    html = client.get("/docs").text
    assert 'href="/openapi.json"' in html and "POST /api/analyze" in html
    assert "cdn" not in html.lower() and "https://" not in html
    assert client.get("/redoc").status_code == 404


def test_pages_show_version_favicon_and_friendly_404(client: TestClient) -> None:
    from newsprism import __version__

    for path in ("/", "/docs", f"/jobs/{'0' * 32}", "/no-such-page"):
        html = client.get(path).text
        assert f"v{__version__}" in html and 'rel="icon"' in html, path
    assert client.get("/favicon.ico").headers["content-type"].startswith("image/svg+xml")
    assert client.get("/no-such-page").status_code == 404


def test_job_progress_streams_as_server_sent_events(client: TestClient) -> None:
    body = {"mode": "analyze", "articles": [{"text": SHORT}] * 2}
    job_id = client.post("/api/jobs", json=body).json()["id"]
    with client.stream("GET", f"/api/jobs/{job_id}/events") as resp:
        assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/event-stream")
        frames = [json.loads(line[len("data: ") :]) for line in resp.iter_lines() if line.startswith("data: ")]
    assert frames and frames[-1]["status"] == "done" and frames[-1]["done"] == 2
    assert [f["done"] for f in frames] == sorted(f["done"] for f in frames)  # progress never goes back
    assert client.get("/api/jobs/nope/events").status_code == 404
    page = client.get(f"/jobs/{job_id}").text
    assert "progress.js" not in page  # a finished job shows its result, not the progress page


def test_single_article_job_reports_stage_progress(client: TestClient) -> None:
    engine, jobs = client.app.state.engine, client.app.state.jobs  # type: ignore[attr-defined]
    seen: list[tuple[float, str | None]] = []
    original = engine._on_progress

    def spy(job_id: str, index: int, done: int, total: int, name: str) -> None:  # each stage's report, as it comes
        original(job_id, index, done, total, name)
        job = jobs.get(job_id)
        seen.append((job.progress, job.stage))

    engine._on_progress = spy
    try:
        job_id = client.post("/api/jobs", json={"articles": [{"text": SHORT}]}).json()["id"]
        final = wait_job(client, job_id)
    finally:
        engine._on_progress = original
    assert final["status"] == "done" and final["progress"] == 1.0
    names = [s.name for s in engine._local["pipeline"].stages]
    assert [stage for _, stage in seen[: len(names)]] == names  # every stage named as it starts
    progress = [p for p, _ in seen]
    assert progress == sorted(progress) and any(0 < p < 1 for p in progress)


def test_progress_page_follows_the_event_stream(client: TestClient) -> None:
    from newsprism.web.context import templates as _templates
    from newsprism.web.jobs import Job

    job = Job(id="abc123", kind="analyze", total=4, done=1, labels=["a"] * 4)
    job.parts = {0: 1.0}
    html = _templates().get_template("progress.html").render(job=job.public(), nonce="n")
    assert 'data-job-id="abc123"' in html and "width:25%" in html and "/static/progress.js" in html
    assert "1 of 4 articles" in html.replace('<span id="job-done">1</span>', "1")
    js = client.get("/static/progress.js").text
    assert "new EventSource(" in js and "/events" in js


def test_untitled_job_is_labelled_and_headed_by_its_headline_line(client: TestClient) -> None:
    text = "By Staff\nStorm Hits Harbor Town\nA storm hit the harbor town on Monday, officials said."
    job = client.post("/api/jobs", json={"articles": [{"text": text}]}).json()
    assert job["labels"] == ["article 1"]
    assert wait_job(client, job["id"])["status"] == "done"
    assert client.get(f"/api/jobs/{job['id']}").json()["labels"] == ["Storm Hits Harbor Town"]
    assert "<h2>Storm Hits Harbor Town</h2>" in client.get(f"/jobs/{job['id']}").text
