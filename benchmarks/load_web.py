"""Load test of the web API on localhost: N concurrent POST /api/analyze, errors and latency percentiles.

    .venv/bin/python benchmarks/load_web.py [--requests 50] [--concurrency 50]

Starts its own server on 127.0.0.1 (a free port), sends a bounded number of requests, stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import sys
import threading
import time
from pathlib import Path

import httpx
import uvicorn

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int) -> uvicorn.Server:
    from newsprism.web import create_app

    server = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="error"))
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.time() + 60
    while not server.started:
        if time.time() > deadline:
            sys.exit("server did not start")
        time.sleep(0.05)
    return server


async def fire(url: str, texts: list[str], n: int, concurrency: int) -> tuple[list[float], list[str]]:
    sem = asyncio.Semaphore(concurrency)
    latencies: list[float] = []
    errors: list[str] = []
    async with httpx.AsyncClient(timeout=600) as client:

        async def one(i: int) -> None:
            async with sem:
                t0 = time.perf_counter()
                resp = await client.post(url, json={"text": texts[i % len(texts)]})
                latencies.append(time.perf_counter() - t0)
                if resp.status_code != 200:
                    errors.append(f"{resp.status_code}: {resp.text[:100]}")

        await asyncio.gather(*(one(i) for i in range(n)))
    return latencies, errors


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--requests", type=int, default=50)
    ap.add_argument("--concurrency", type=int, default=50)
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    port = free_port()
    server = start_server(port)
    url = f"http://127.0.0.1:{port}/api/analyze"
    asyncio.run(fire(url, texts[:1], 1, 1))  # warm up: load models once
    t0 = time.perf_counter()
    lat, errors = asyncio.run(fire(url, texts, args.requests, args.concurrency))
    wall = time.perf_counter() - t0
    server.should_exit = True
    lat.sort()
    p95 = lat[min(len(lat) - 1, int(0.95 * len(lat)))]
    print(f"requests {len(lat)}  concurrency {args.concurrency}  errors {len(errors)}  wall {wall:.1f}s  "
          f"throughput {len(lat) / wall:.2f} req/s  p50 {statistics.median(lat):.2f}s  p95 {p95:.2f}s  "
          f"max {lat[-1]:.2f}s")
    for e in errors[:5]:
        print("error:", e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
