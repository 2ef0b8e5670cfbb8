"""Load test of the web API on localhost: 1 vs 2 analysis workers side by side, with page loads during the load.

    .venv/bin/python benchmarks/load_web.py [--requests 40] [--concurrency 20] [--workers 1,2]

For each worker count it starts its own server on 127.0.0.1 (a free port, `web_workers = N`, models warmed
first), sends a bounded number of concurrent POST /api/analyze (the seed articles in turn) while fetching the
start page every 0.25 s, prints one row per worker count (throughput, latency percentiles, page-load p95,
errors) and the throughput ratio, then stops by itself. Exit 1 on any error.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import uvicorn

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, workers: int, jobs_dir: str) -> uvicorn.Server:
    from newsprism.options import load_options
    from newsprism.web import create_app

    app = create_app(load_options(web_workers=workers, web_jobs_dir=jobs_dir))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.time() + 120
    while not server.started:
        if time.time() > deadline:
            sys.exit("server did not start")
        time.sleep(0.05)
    return server


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


async def fire(base: str, texts: list[str], n: int, concurrency: int) -> dict[str, Any]:
    sem = asyncio.Semaphore(concurrency)
    latencies: list[float] = []
    pages: list[float] = []
    errors: list[str] = []
    done = asyncio.Event()
    async with httpx.AsyncClient(base_url=base, timeout=900) as client:

        async def one(i: int) -> None:
            async with sem:
                t0 = time.perf_counter()
                resp = await client.post("/api/analyze", json={"text": texts[i % len(texts)]})
                latencies.append(time.perf_counter() - t0)
                if resp.status_code != 200:
                    errors.append(f"{resp.status_code}: {resp.text[:100]}")

        async def page_loads() -> None:
            while not done.is_set():
                t0 = time.perf_counter()
                resp = await client.get("/")
                pages.append(time.perf_counter() - t0)
                if resp.status_code != 200:
                    errors.append(f"page {resp.status_code}")
                await asyncio.sleep(0.25)

        watcher = asyncio.create_task(page_loads())
        t0 = time.perf_counter()
        await asyncio.gather(*(one(i) for i in range(n)))
        wall = time.perf_counter() - t0
        done.set()
        await watcher
    return {"lat": latencies, "pages": pages, "errors": errors, "wall": wall}


def measure(workers: int, texts: list[str], n: int, concurrency: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as jobs:
        port = free_port()
        server = start_server(port, workers, jobs)
        base = f"http://127.0.0.1:{port}"
        asyncio.run(fire(base, texts[:1], 2 * workers, 2 * workers))  # warm every worker's models
        result = asyncio.run(fire(base, texts, n, concurrency))
        server.should_exit = True
        time.sleep(1.0)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--requests", type=int, default=40)
    ap.add_argument("--concurrency", type=int, default=20)
    ap.add_argument("--workers", default="1,2", help="worker counts to compare (comma-separated)")
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}  cores: {os.cpu_count()}")
    rows = {}
    for w in (int(x) for x in args.workers.split(",")):
        rows[w] = measure(w, texts, args.requests, args.concurrency)
    print(f"requests {args.requests}  concurrency {args.concurrency}")
    print("workers  throughput  p50      p95      max      page p95  errors")
    for w, r in rows.items():
        lat = r["lat"]
        print(
            f"{w:>7}  {len(lat) / r['wall']:>6.2f}/s  {statistics.median(lat):>6.2f}s  {pct(lat, 0.95):>6.2f}s  "
            f"{max(lat):>6.2f}s  {pct(r['pages'], 0.95):>7.3f}s  {len(r['errors'])}"
        )
    if len(rows) >= 2:
        first, last = min(rows), max(rows)
        speed = [len(rows[w]["lat"]) / rows[w]["wall"] for w in (first, last)]
        print(f"throughput {last} vs {first} workers: {speed[1] / speed[0]:.2f}x")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    errors = [e for r in rows.values() for e in r["errors"]]
    for e in errors[:5]:
        print("error:", e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
