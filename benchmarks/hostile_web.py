"""Hostile inputs against the web API: every case must get a clear answer below 500, and the server must still serve.

    .venv/bin/python benchmarks/hostile_web.py [--stages nlp] [--cases benchmarks/hostile_web_cases.json]

Starts its own server on 127.0.0.1 (a free port), sends each case of the list once (malformed JSON, lone
surrogates, huge and chunked bodies, refused URLs, foreign hosts and origins, path tricks...), prints one line per
case, and exits 1 if any answer is 5xx or the start page no longer loads at the end.
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import uvicorn

CASES = Path(__file__).with_name("hostile_web_cases.json")
SENTENCE = "The minister said on Tuesday that the new budget would cost 12 million dollars over five years. "


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, stages: tuple[str, ...], jobs_dir: str, workers: int) -> uvicorn.Server:
    from newsprism.options import load_options
    from newsprism.web import create_app

    opts = load_options(stages=stages, web_jobs_dir=jobs_dir, web_workers=workers)
    server = uvicorn.Server(uvicorn.Config(create_app(opts), host="127.0.0.1", port=port, log_level="critical"))
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.time() + 120
    while not server.started:
        if time.time() > deadline:
            sys.exit("hostile_web: server did not start")
        time.sleep(0.05)
    return server


def _chunks(total: int) -> Iterator[bytes]:
    yield b'{"text": "'
    block = b"x" * 65536
    for _ in range(total // len(block) + 1):  # a little over ``total`` bytes in all
        yield block
    yield b'"}'


def request_of(case: dict[str, Any]) -> dict[str, Any]:
    """The httpx.request keyword arguments of one case (generated bodies built here, not stored in the list)."""
    headers = {str(k): str(v) for k, v in (case.get("headers") or {}).items()}
    kw: dict[str, Any] = {"method": case.get("method", "POST"), "url": case.get("path", "/"), "headers": headers}
    gen, times = case.get("gen"), int(case.get("times", 0))
    content: Any = None
    if "json" in case and gen is None:
        content = json.dumps(case["json"]).encode()
        headers.setdefault("Content-Type", "application/json")
    elif "raw" in case:
        content = case["raw"].encode("utf-8", "surrogatepass")
    elif "raw_hex" in case:
        content = bytes.fromhex(case["raw_hex"].replace(" ", ""))
    elif gen == "nested":
        content = b"[" * times + b"]" * times
    elif gen == "long_url":
        content = json.dumps({"url": "http://example.invalid/" + "a" * 5000}).encode()
    elif gen == "long_title":
        content = json.dumps({"text": SENTENCE, "title": "T" * 5000}).encode()
    elif gen == "many_articles":
        content = json.dumps({"articles": [{"text": SENTENCE}] * times}).encode()
    elif gen == "binary_text":
        content = json.dumps({"text": "".join(chr(i % 32) for i in range(4000))}).encode()
    elif gen == "chunked":
        content = _chunks(times)
    elif gen == "big_text":
        content = json.dumps({"text": "word " * (times // 5)}).encode()
    elif gen == "long_text":
        content = json.dumps({"text": (SENTENCE * (times // len(SENTENCE) + 1))[:times]}).encode()
    elif gen == "long_path":
        kw["url"] = "/jobs/" + "a" * times
    if "type" in case:
        if case["type"]:
            headers["Content-Type"] = case["type"]
    elif content is not None:
        headers.setdefault("Content-Type", "application/json")
    if content is not None:
        kw["content"] = content
    return kw


def declared_huge(base: str, path: str) -> tuple[int, str]:
    """POST announcing a terabyte body, over a plain socket; the answer must come before any body is sent."""
    host, port = base.removeprefix("http://").split(":")
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {10**12}\r\n\r\n"
    )
    with socket.create_connection((host, int(port)), timeout=60) as sock:
        sock.sendall(head.encode())
        reply = ""
        while not reply.rstrip().endswith("}"):  # the JSON error body ends the answer
            chunk = sock.recv(65536).decode("latin-1")
            if not chunk:
                break
            reply += chunk
    status = int(reply.split(" ", 2)[1]) if reply.startswith("HTTP/") else 599
    body = reply.split("\r\n\r\n", 1)[-1]
    try:
        code = str(json.loads(body)["error"]["code"])
    except (ValueError, KeyError, TypeError):
        code = "-"
    return status, code


def run(base: str, cases: list[dict[str, Any]]) -> tuple[list[tuple[str, int, str]], bool]:
    """Send every case; (name, status, error code) per case, and whether the start page still loads."""
    out = []
    with httpx.Client(base_url=base, timeout=900) as client:
        for case in cases:
            if case.get("gen") == "declared_huge":  # a client library will not send a lying Content-Length
                out.append((str(case["name"]), *declared_huge(base, str(case["path"]))))
                continue
            try:
                resp = client.request(**request_of(case))
                status = resp.status_code
                try:
                    code = str(resp.json()["error"]["code"])
                except (ValueError, KeyError, TypeError):
                    code = "-"
            except httpx.HTTPError as exc:  # the server closed the connection: counted as a failure
                status, code = 599, type(exc).__name__
            out.append((str(case["name"]), status, code))
        alive = client.get("/").status_code == 200
    return out, alive


def main() -> None:
    import tempfile

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--stages", default="nlp", help="stages the server runs (comma-separated; default: nlp)")
    ap.add_argument("--workers", type=int, default=1, help="analysis worker processes (default 1)")
    ap.add_argument("--cases", type=Path, default=CASES)
    args = ap.parse_args()
    cases = json.loads(args.cases.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as jobs:
        port = free_port()
        server = start_server(port, tuple(args.stages.split(",")), jobs, args.workers)
        results, alive = run(f"http://127.0.0.1:{port}", cases)
        server.should_exit = True
    width = max(len(n) for n, _, _ in results)
    for name, status, code in results:
        print(f"{name:<{width}}  {status}  {code}")
    bad = [r for r in results if r[1] >= 500]
    print(f"cases {len(results)}  5xx {len(bad)}  still serving {'yes' if alive else 'NO'}")
    sys.exit(1 if bad or not alive else 0)


if __name__ == "__main__":
    main()
