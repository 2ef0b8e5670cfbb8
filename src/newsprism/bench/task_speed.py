"""Throughput: articles/s and peak RSS of the full ``analyze`` pipeline against bare spaCy ``nlp.pipe``.

Both run on the same texts (the seed articles repeated, plus a seeded sample of AllSides articles),
each in its own subprocess so that peak RSS (``VmHWM``, else ``getrusage``) is separable. Models are loaded and
warmed on one text before the clock starts. Reported as rates and as ratios; no test asserts on them.
"""

from __future__ import annotations

import hashlib
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from newsprism.bench.registry import BenchContext, Metric, evaluator
from newsprism.errors import BenchError
from newsprism.procmem import peak_rss_mb
from newsprism.profiling import StageTimes

MODES = ("analyze", "spacy")


def sample_texts(data_dir: Path, n: int, seed: int = 13) -> list[str]:
    """The seeds (repeated up to a third of ``n``) plus AllSides bodies, seeded; in a fixed order."""
    seeds_dir = data_dir.parent / "seeds"
    seeds = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))] if seeds_dir.is_dir() else []
    texts = [seeds[i % len(seeds)] for i in range(n // 3)] if seeds else []
    allsides = data_dir / "allsides" / "media_train_valid.jsonl"
    if allsides.exists():
        lines = allsides.read_text(encoding="utf-8").splitlines()
        rng = random.Random(seed)
        for line in rng.sample(lines, min(len(lines), 4 * n)):
            body = json.loads(line).get("content_original") or ""
            if len(body) > 300:
                texts.append(body)
            if len(texts) >= n:
                break
    if not texts:
        raise BenchError("E050", task="speed", path=f"{seeds_dir} or {allsides}")
    return texts[:n]


def _worker(mode: str, path: str, stages: str, budget: float) -> dict[str, Any]:
    """Run in a subprocess: time one mode over the texts in ``path``; return rate, peak RSS and (analyze) the
    seconds per stage (:meth:`newsprism.profiling.StageTimes.to_dict`)."""
    texts: list[str] = json.loads(Path(path).read_text(encoding="utf-8"))
    times = StageTimes()
    if mode == "spacy":
        from newsprism.nlp.spacy_loader import load_spacy
        from newsprism.options import load_options

        nlp = load_spacy(load_options().spacy_model)
        list(nlp.pipe(texts[:1]))  # warm-up

        def run(batch: list[str]) -> int:
            return sum(1 for _ in nlp.pipe(batch, batch_size=32))
    else:
        from newsprism.ingest import article_from_text
        from newsprism.options import load_options
        from newsprism.pipeline import Pipeline

        opts = load_options(stages=tuple(s for s in stages.split(",") if s))
        pipeline = Pipeline(opts)
        list(pipeline.pipe([article_from_text(texts[0], options=opts)]))  # warm-up: loads every stage's models
        pipeline.on_stage = times

        def run(batch: list[str]) -> int:
            arts = (article_from_text(t, options=opts) for t in batch)
            return sum(1 for _ in pipeline.pipe(arts))

    done, t0 = 0, time.perf_counter()
    for i in range(0, len(texts), 32):  # chunks, so a time budget can stop between them
        done += run(texts[i : i + 32])
        if budget and time.perf_counter() - t0 > budget:
            break
    took = time.perf_counter() - t0
    times.close()
    rate = done / took if took else 0.0
    return {"articles": done, "seconds": took, "rate": rate, "rss_mb": peak_rss_mb(), "per_stage": times.to_dict()}


def stage_table(result: dict[str, Any]) -> StageTimes:
    """The analyze worker's seconds per stage as a :class:`StageTimes` (for its table and shares)."""
    times = StageTimes()
    times.close()
    times.merge(result.get("per_stage") or {})
    return times


def stage_note(times: StageTimes) -> str:
    """``nlp 3.1s 24%, encoder …``: each stage's seconds and share of the total, in run order."""
    return ", ".join(f"{s} {sec:.1f}s {share:.0%}" for s, sec, share, _ in times.rows() if s != "total")


def measure(texts: list[str], stages: list[str], budget: float | None = None) -> dict[str, dict[str, Any]]:
    """Run each mode in a fresh subprocess on ``texts``; return {mode: {articles, seconds, rate, rss_mb}}."""
    out: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "texts.json"
        path.write_text(json.dumps(texts), encoding="utf-8")
        for mode in MODES:
            while True:
                cmd = [sys.executable, "-m", "newsprism.bench.task_speed", mode, str(path), ",".join(stages)]
                proc = subprocess.run([*cmd, str(budget or 0)], capture_output=True, text=True, check=False)
                tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
                # a stage whose trained model is missing in this checkout (ModelError names it) is left out
                dropped = [s for s in stages if s != "nlp" and "ModelError" in tail and s in tail]
                if proc.returncode == 0 or not dropped:
                    break
                stages = [s for s in stages if s not in dropped]
            if proc.returncode != 0:
                raise BenchError("E054", task="speed", reason=f"{mode} worker: {tail}")
            out[mode] = json.loads(proc.stdout.strip().splitlines()[-1])
        out["analyze"]["stages"] = ",".join(stages)
    return out


def default_stages() -> list[str]:
    from newsprism.options import load_options
    from newsprism.registry import registered

    return [s for s in load_options().stages if s in registered()]


@evaluator("speed", datasets=("seeds", "allsides"))
def evaluate(ctx: BenchContext) -> list[Metric]:
    """Articles/s and peak RSS of analyze (all stages) vs bare spaCy nlp.pipe, and their ratios."""
    texts = sample_texts(ctx.data_dir, 24 if ctx.quick else 240, ctx.seed)
    data_hash = hashlib.sha256("\x00".join(texts).encode()).hexdigest()[:12]
    res = measure(texts, default_stages(), ctx.time_budget)
    a, s = res["analyze"], res["spacy"]
    times = stage_table(a)
    # the table goes to stderr: stdout may carry the --json report
    print(f"speed: analyze per stage ({int(a['articles'])} articles)\n{times.table()}", file=sys.stderr)

    def m(name: str, value: float, n: int, note: str = "") -> Metric:
        return Metric("speed", name, round(value, 3), None, note, n, ctx.split, data_hash)

    return [
        m("analyze_articles_per_s", a["rate"], int(a["articles"]), f"per stage: {stage_note(times)}"),
        m("spacy_articles_per_s", s["rate"], int(s["articles"])),
        m("speed_ratio", a["rate"] / s["rate"] if s["rate"] else 0.0, int(a["articles"]), "analyze / spaCy"),
        m("analyze_peak_rss_mb", a["rss_mb"], int(a["articles"])),
        m("spacy_peak_rss_mb", s["rss_mb"], int(s["articles"])),
        m("rss_ratio", a["rss_mb"] / s["rss_mb"] if s["rss_mb"] else 0.0, int(a["articles"]), "analyze / spaCy"),
    ]


if __name__ == "__main__":  # subprocess entry: MODE TEXTS_JSON STAGES BUDGET
    print(json.dumps(_worker(sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]))))
