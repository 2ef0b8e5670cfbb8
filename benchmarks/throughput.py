"""Throughput benchmark: ``analyze`` vs bare spaCy ``nlp.pipe`` on the same texts, in one run.

    .venv/bin/python benchmarks/throughput.py [--n 240] [--stages nlp,quotes,...] [--json]

Same measurement as ``newsprism bench speed`` (src/newsprism/bench/task_speed.py): each side runs in
its own subprocess after a warm-up, so peak RSS is per side.
"""

from __future__ import annotations

import argparse
import json

from newsprism.bench.registry import default_data_dir
from newsprism.bench.task_speed import default_stages, measure, sample_texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=240, help="number of articles")
    ap.add_argument("--stages", default=None, help="comma-separated stages (default: all registered defaults)")
    ap.add_argument("--data", default=None, help="data directory (default ../shared/data)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from pathlib import Path

    texts = sample_texts(Path(args.data) if args.data else default_data_dir(), args.n)
    stages = args.stages.split(",") if args.stages else default_stages()
    res = measure(texts, stages)
    a, s = res["analyze"], res["spacy"]
    res["ratio"] = {"speed": a["rate"] / s["rate"], "rss": a["rss_mb"] / s["rss_mb"]}
    if args.json:
        print(json.dumps(res, indent=2))
        return
    print(f"{len(texts)} articles, stages: {a['stages']}")
    for mode in ("analyze", "spacy"):
        r = res[mode]
        print(f"{mode:8} {r['rate']:8.2f} articles/s  peak RSS {r['rss_mb']:7.0f} MB  ({r['seconds']:.1f}s)")
    print(f"ratio    speed {res['ratio']['speed']:.3f} (analyze/spaCy)  RSS {res['ratio']['rss']:.2f}")


if __name__ == "__main__":
    main()
