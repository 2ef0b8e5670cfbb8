"""Ingest throughput and store parity on real AllSides articles (no accuracy metric: a systems benchmark).

Input: a seeded sample of N records of ``allsides/media_train_valid.jsonl`` (N = 2,000, quick: 30),
written to a temporary JSONL file and ingested three times into fresh stores: 1 worker (in process),
2 worker processes, and a 2-worker Dask LocalCluster. Rates are end to end (model loading included).
Stages: ``ctx.extra["stages"]`` (comma-separated) if given, else ``nlp`` in quick mode and the
configured default stages otherwise. Every run gives each worker process the same number of CPU threads
(``ctx.extra["threads"]``, default cores // 2), so the 2-worker/1-worker ratio measures how throughput grows
with workers at fixed resources per worker (a single worker given all cores is a different experiment).
``dask_identical`` is 1.0 when the Dask store has the same sorted ids and key fields as the 1-worker store.
Each run's seconds per stage (summed over its workers; ``store`` and ``stories`` are the shard writes and the
story vectors) are printed on stderr, and the 1-worker shares are noted on its rate.
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
from pathlib import Path

from newsprism.batch import IngestResult, ingest
from newsprism.bench.registry import BenchContext, Metric, evaluator, hash_files
from newsprism.errors import BenchError
from newsprism.options import load_options
from newsprism.store import Store
from newsprism.store.catalog import connect

TASK = "ingest"
KEY_SQL = "SELECT id, key, content_hash, n_sentences, n_quotes, n_claims, n_techniques, slant_label FROM articles"


def _snapshot(root: Path) -> list[tuple[object, ...]]:
    return sorted(connect(Store(root)).execute(KEY_SQL).fetchall(), key=str)


def _store_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in (root / "shards").rglob("*.parquet"))


@evaluator(TASK, datasets=("allsides",))
def evaluate(ctx: BenchContext) -> list[Metric]:
    """Articles/s with 1 and 2 workers, scaling, RSS per worker, store size, Dask LocalCluster parity."""
    src = ctx.path("allsides", "media_train_valid.jsonl")
    if not src.exists():
        raise BenchError("E050", task=TASK, path=str(src))
    n = int(str(ctx.extra.get("n", 30 if ctx.quick else 2000)))
    lines = [x for x in src.read_text(encoding="utf-8").splitlines() if x.strip()]
    sample = sorted(random.Random(ctx.seed).sample(range(len(lines)), min(n, len(lines))))
    stages_opt = ctx.extra.get("stages") or ("nlp" if ctx.quick else None)
    stages = tuple(str(stages_opt).split(",")) if stages_opt else None
    threads = int(str(ctx.extra.get("threads", max(1, (os.cpu_count() or 2) // 2))))
    options = load_options(stages=stages, threads=threads)
    batch = max(5, n // 20)
    with tempfile.TemporaryDirectory(prefix="newsprism-bench-ingest-") as tmp:
        inp = Path(tmp) / "in.jsonl"
        with open(inp, "w", encoding="utf-8") as fh:
            for i in sample:
                rec = json.loads(lines[i])
                rec.setdefault("id", f"allsides-{i}")
                fh.write(json.dumps(rec) + "\n")
        runs: dict[str, IngestResult] = {}
        for name, workers, sched in (("1w", 1, None), ("2w", 2, None), ("dask", 2, "local")):
            runs[name] = ingest([str(inp)], str(Path(tmp) / name), options, workers, sched, batch)
        identical = _snapshot(Path(tmp) / "1w") == _snapshot(Path(tmp) / "dask")
        same_2w = _snapshot(Path(tmp) / "1w") == _snapshot(Path(tmp) / "2w")
        size = _store_bytes(Path(tmp) / "1w")
    arts = runs["1w"].articles
    h = hash_files([src])
    note = f"N={arts}, stages={','.join(options.stages)}, batch={batch}, threads/worker={threads}"
    for name, run in runs.items():  # stderr: stdout may carry the --json report
        times = run.stage_seconds
        print(f"ingest {name}: seconds per stage, summed over workers\n{times.table()}", file=sys.stderr)
    one = runs["1w"].stage_seconds
    shares = ", ".join(f"{s} {share:.0%}" for s, _, share, _ in one.rows() if s != "total")

    def m(name: str, value: float) -> Metric:
        return Metric(TASK, name, round(value, 4), n=arts, split=ctx.split, data_hash=h, reference_note=note)

    return [
        Metric(
            TASK,
            "rate_1w_articles_per_s",
            round(runs["1w"].rate, 4),
            n=arts,
            split=ctx.split,
            data_hash=h,
            reference_note=f"{note}; per stage: {shares}",
        ),
        m("rate_2w_articles_per_s", runs["2w"].rate),
        m("scaling_2w_over_1w", runs["2w"].rate / runs["1w"].rate if runs["1w"].rate else 0.0),
        m("rate_dask_2w_articles_per_s", runs["dask"].rate),
        m("peak_rss_mb_per_worker", max(runs["2w"].peak_rss_mb or [0.0])),
        m("store_mb_per_1000_articles", size / 1e6 * 1000 / max(1, arts)),
        m("dask_identical", 1.0 if identical else 0.0),
        m("two_workers_identical", 1.0 if same_2w else 0.0),
        m("rejects", float(runs["1w"].rejects)),
        m("duplicates_recorded", float(runs["1w"].duplicates)),
    ]
