"""Adversarial text in bounded time: each hostile family's cost per 10,000 characters, stage by stage.

    nice -n 10 .venv/bin/python benchmarks/adversarial.py [--size 20000] [--stages nlp,quotes] [--family NAME]
        [--repeats 1] [--timeout 300] [--json]

Each family (only quotation marks, alternating marks, an unclosed quote, exclamation marks, one long line,
nested HTML, tiny paragraphs, one repeated word, zero-width and combining runs) is built at ``--size / 4`` and
``--size`` characters; every stage (``ingest`` = decoding, cleaning, boilerplate, HTML extraction; then each
registered stage) is timed on its own, and the table shows the large size's seconds per 10,000 characters,
the growth from the small to the large size (linear work gives ~4) and the cost per character relative to a
normal news article (the longest seed in ``../shared/seeds``). ``tests/test_adversarial_scaling.py`` imports
the family builders from here.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
# A plain newswire sentence (written here, not copied from anywhere) for the families that need words.
SENTENCE = "The council met on Tuesday and voted to approve the new budget for the city"


def _fill(unit: str, size: int) -> str:
    """``unit`` repeated to exactly ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def quote_marks(size: int) -> str:
    """Only quotation marks of every kind, no words."""
    return _fill("“”\"'‘’", size)


def alternating_marks(size: int) -> str:
    """Open and close marks alternating around one-letter words: thousands of tiny quotations."""
    return _fill('“a” ‘b’ "c" ', size)


def apostrophes(size: int) -> str:
    """Single opening marks that never close (each looks like the start of a ‘quotation)."""
    return _fill("'a ", size)


def unclosed_quote(size: int) -> str:
    """One opening mark followed by words and no closing mark, no full stop, one paragraph."""
    return "He said: “" + _fill(SENTENCE.replace(" and", ",") + " ", size - 10).rstrip()


def exclamations(size: int) -> str:
    """Exclamation marks after one word."""
    return "Stop" + "!" * (size - 4)


def one_line(size: int) -> str:
    """Ordinary sentences on a single line with no line break."""
    return _fill(SENTENCE + ". ", size).rstrip()


def nested_html(size: int) -> str:
    """One sentence under as many nested ``<div>`` elements as fit in ``size`` characters."""
    body = f"<p>{SENTENCE}.</p>"
    depth = max(1, (size - len(body) - 60) // 11)
    return f"<!DOCTYPE html><html><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>"


def tiny_paragraphs(size: int) -> str:
    """Paragraphs of one short sentence each."""
    return _fill("Yes.\n", size).rstrip()


def repeated_word(size: int) -> str:
    """One word repeated, no punctuation."""
    return _fill("buffalo ", size).rstrip()


def transcript(size: int) -> str:
    """Interview lines: questions and answers, and speakers' names in capitals before a colon."""
    return _fill("Q: Why?\nA: Because.\nTRUMP: Yes.\nBIDEN: No.\n", size).rstrip()


def invisible_runs(size: int) -> str:
    """Words separated by long runs of zero-width and combining characters."""
    return _fill("Harris" + "\u200b" * 200 + " said" + "\u0301" * 200 + " more ", size)


FAMILIES: dict[str, Callable[[int], str]] = {
    "quote_marks": quote_marks,
    "alternating_marks": alternating_marks,
    "apostrophes": apostrophes,
    "unclosed_quote": unclosed_quote,
    "exclamations": exclamations,
    "one_line": one_line,
    "nested_html": nested_html,
    "tiny_paragraphs": tiny_paragraphs,
    "repeated_word": repeated_word,
    "transcript": transcript,
    "invisible_runs": invisible_runs,
}
HTML_FAMILIES = frozenset(["nested_html"])


class StageTimeout(Exception):
    pass


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise StageTimeout when the block runs longer than ``seconds`` (SIGALRM; main thread only)."""

    def _alarm(signum: int, frame: FrameType | None) -> None:
        raise StageTimeout

    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def stage_times(
    text: str,
    stages: list[str],
    *,
    html: bool = False,
    timeout: float = 300.0,
    clock: Callable[[], float] = time.perf_counter,
) -> dict[str, float]:
    """Seconds per stage for one text: ``ingest`` (text or HTML to Article), then each stage on its own
    (``clock``: wall time by default; the scaling test passes ``time.process_time``)."""
    from newsprism.ingest.loaders import article_from_html, article_from_text
    from newsprism.nlp.blas import one_blas_thread
    from newsprism.options import load_options
    from newsprism.registry import Work, resolve

    options = load_options(stages=stages)
    out: dict[str, float] = {}
    with one_blas_thread():  # as Pipeline.run_batch runs its stages
        t0 = clock()
        with deadline(timeout):
            article = article_from_html(text, options=options) if html else article_from_text(text, options=options)
        out["ingest"] = clock() - t0
        batch = [Work(article=article)]
        for info in resolve(stages):
            t0 = clock()
            try:
                with deadline(timeout):
                    info.fn(batch, options)
            except StageTimeout:
                out[info.name] = float("inf")
                break
            out[info.name] = clock() - t0
    return out


def best_times(text: str, stages: list[str], *, html: bool, repeats: int, timeout: float) -> dict[str, float]:
    """The minimum over ``repeats`` runs of each stage's CPU time in this process (other processes' load on a
    shared machine does not count; the least disturbed run is kept)."""
    runs = [stage_times(text, stages, html=html, timeout=timeout, clock=time.process_time) for _ in range(repeats)]
    return {k: min(r.get(k, float("inf")) for r in runs) for k in runs[0]}


def normal_article() -> str:
    seeds = sorted(SEEDS.glob("*.txt"), key=lambda p: p.stat().st_size)
    if not seeds:
        sys.exit(f"no seed articles in {SEEDS}")
    return seeds[-1].read_text(encoding="utf-8")


def measure(size: int, stages: list[str], families: list[str], repeats: int, timeout: float) -> dict[str, Any]:
    normal = normal_article()
    stage_times(normal, stages)  # warm-up: models load once
    base = best_times(normal, stages, html=False, repeats=max(repeats, 3), timeout=timeout)
    result: dict[str, Any] = {
        "size": size,
        "stages": ["ingest", *stages],
        "normal": {"chars": len(normal), "seconds": base},
        "families": {},
    }
    for name in families:
        build = FAMILIES[name]
        row: dict[str, Any] = {}
        for label, n in (("small", size // 4), ("large", size)):
            text = build(n)
            row[label] = {
                "chars": len(text),
                "seconds": best_times(text, stages, html=name in HTML_FAMILIES, repeats=repeats, timeout=timeout),
            }
        result["families"][name] = row
        small_s, large_s = sum(row["small"]["seconds"].values()), sum(row["large"]["seconds"].values())
        stages_s = " ".join(f"{k}={v:.2f}" for k, v in row["large"]["seconds"].items())
        print(f"{name}: {small_s:.2f}s -> {large_s:.2f}s ({stages_s})", file=sys.stderr, flush=True)
    return result


def per_10k(seconds: float, chars: int) -> float:
    return seconds * 10_000 / chars


def table(res: dict[str, Any]) -> tuple[str, float]:
    """A Markdown table (total and per-stage seconds per 10,000 chars, growth, ratio to normal) and the worst ratio."""
    stages = res["stages"]
    base = res["normal"]
    base_total = per_10k(sum(base["seconds"].values()), base["chars"])
    head = ["family", "CPU s/10k chars", "× normal", "growth (×4 input)", *[f"{s} s/10k" for s in stages]]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    cells = ["normal article", f"{base_total:.3f}", "1.0", "–"]
    cells += [f"{per_10k(base['seconds'][s], base['chars']):.3f}" for s in stages]
    lines.append("| " + " | ".join(cells) + " |")
    worst = 0.0
    for name, row in res["families"].items():
        small, large = row["small"], row["large"]
        total = per_10k(sum(large["seconds"].values()), large["chars"])
        growth = sum(large["seconds"].values()) / max(sum(small["seconds"].values()), 1e-9)
        ratio = total / base_total
        worst = max(worst, ratio)
        cells = [name, f"{total:.3f}", f"{ratio:.1f}", f"{growth:.1f}"]
        cells += [f"{per_10k(large['seconds'].get(s, float('nan')), large['chars']):.3f}" for s in stages]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines), worst


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--size", type=int, default=20_000, help="large size in characters (small = size / 4)")
    ap.add_argument("--stages", default=None, help="comma-separated stages (default: the shipped stage list)")
    ap.add_argument("--family", action="append", choices=sorted(FAMILIES), help="only these families")
    ap.add_argument("--repeats", type=int, default=1, help="runs per text; the minimum is kept")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds before one stage is given up (inf)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from newsprism.options import load_options

    stages = args.stages.split(",") if args.stages else list(load_options().stages)
    res = measure(args.size, stages, args.family or list(FAMILIES), args.repeats, args.timeout)
    text, worst = table(res)
    res["worst_ratio"] = worst
    if args.json:
        print(json.dumps(res, indent=2))
        return
    print(
        f"large size {args.size:,} chars (small {args.size // 4:,}); normal article: {res['normal']['chars']:,} chars"
    )
    print(text)
    print(f"worst ratio to a normal article per character: {worst:.1f}x")


if __name__ == "__main__":
    main()
