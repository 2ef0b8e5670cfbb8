"""Draw the blind claim-pair samples: candidate cross-article sentence pairs from BASIL triplets (issue 21).

    .venv/bin/python scripts/draw_claim_pairs.py                 # writes claim_pairs_train.jsonl and _val.jsonl
    .venv/bin/python scripts/draw_claim_pairs.py --check         # redraws and compares with the committed files
    .venv/bin/python scripts/draw_claim_pairs.py --stats         # stratum sizes only, writes nothing
    .venv/bin/python scripts/draw_claim_pairs.py --round2        # writes claim_pairs_val2.jsonl (round 2, below)

The committed samples were drawn from a clean worktree of commit e2e8144 (``git worktree add /tmp/h21 HEAD
--detach``; ``PYTHONPATH=/tmp/h21/src``), so nothing uncommitted could shape them.

Triplets: the two halves of ``bench stories`` (``split_triplets`` with seed ``SPLIT_SEED``): the tuning half gives
``claim_pairs_train.jsonl`` (training data for the pair scorer), the validation half ``claim_pairs_val.jsonl`` (the
evaluation; never used to fit or choose anything). The test split is never read.

Units: the comparison's sentence units (``newsprism.compare.align.split_sentences`` over the body as ``bench
stories`` builds it, whitespace-stripped, at least ``MIN_WORDS`` words, no questions). Sentences, not the claims
stage's spans, because the claims stage over ~200 articles is too slow for a draw on a shared 2-core machine;
claims are spans inside sentences, so a sentence pair bounds the claim pairs the comparison sees.

Candidates: every pair of units from two different articles of one triplet, scored by MiniLM cosine (the shared
encoder). The sample is stratified on that cosine so that what a scorer must find and must reject are both in it:
``QUOTAS`` pairs from each cosine band (all pairs above the LOW bar ``LOW`` are candidates; a band short of its
quota passes the rest down), plus random pairs below ``LOW``. Pairs are drawn by
``numpy.random.default_rng(DRAW_SEED)`` with at most ``PER_STORY`` pairs a triplet, and numbered in a seeded
shuffled order, so the band of a pair cannot be read from its position. Precision/recall on the sample are
therefore sample-weighted (high-cosine pairs over-represented), which is stated wherever they are printed.

Each row holds references only (article text is never copied into the repo): ``record`` (the BASIL file relative to
the data dir), ``start``/``end`` (character offsets of the sentence in the body) and ``sha`` (first 12 hex digits of
the SHA-256 of the body). No cosine, band, score or prediction is stored. Guide: docs/claims_pairs_judging.md;
viewer: scripts/show_claim_pairs.py.

Round 2 (``--round2``, session 10): a second blind validation sample ``claim_pairs_val2.jsonl`` by the same design
(same units, bands, quotas and per-triplet cap) from the validation triplets, with its own seed ``ROUND2_SEED``,
leaving out every pair of round 1 (``claim_pairs_val.jsonl``, whose labels became tuning data for the scorer).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

from newsprism.bench.registry import default_data_dir
from newsprism.bench.task_stories import basil_article, basil_files, split_triplets
from newsprism.compare.align import split_sentences
from newsprism.model import Article
from newsprism.offsets import strip_space

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "benchmarks" / "samples"
SPLIT_SEED = 13  # bench stories' seed: tuning half = train, validation half = val
DRAW_SEED = 21  # this draw's own seed (issue 21)
ROUND2_SEED = 2110  # round 2 of the val sample (session 10)
LOW = 0.35
MIN_WORDS = 6
PER_STORY = 14
# (lower cosine bound, pairs): bands from the top; the last band (-1.0) is the random pairs below LOW
QUOTAS = ((0.65, 110), (0.5, 90), (0.42, 45), (LOW, 30), (-1.0, 25))

Side = tuple[str, int, int]


def body_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def units(art: Article) -> list[tuple[int, int]]:
    """Sentence spans of one article that can carry a claim."""
    out = []
    for s, e in split_sentences(art.text):
        s, e = strip_space(art.text, s, e)
        chunk = art.text[s:e]
        if len(chunk.split()) >= MIN_WORDS and not chunk.endswith("?"):
            out.append((s, e))
    return out


def candidates(arts: list[Article]) -> list[tuple[float, Side, Side]]:
    """(cosine, side a, side b) of every cross-article unit pair of one triplet."""
    from newsprism.nlp import embed

    items = [(a.id, s, e, a.text[s:e]) for a in sorted(arts, key=lambda a: a.id) for s, e in units(a)]
    if not items:
        return []
    vec = embed([t for *_, t in items], name="minilm")
    cos = vec @ vec.T
    out = []
    for i, x in enumerate(items):
        for j in range(i + 1, len(items)):
            y = items[j]
            if x[0] != y[0]:
                out.append((float(cos[i, j]), (x[0], x[1], x[2]), (y[0], y[1], y[2])))
    return out


def _pick(rng: np.random.Generator, pool: list[tuple[str, Side, Side]], n: int, per: dict[str, int]) -> list:
    got: list[tuple[str, Side, Side]] = []
    for k in rng.permutation(len(pool)):
        if len(got) >= n:
            break
        g = pool[int(k)][0]
        if per.get(g, 0) >= PER_STORY:
            continue
        per[g] = per.get(g, 0) + 1
        got.append(pool[int(k)])
    return got


def stratified(cands: dict[str, list[tuple[float, Side, Side]]], seed: int) -> list[tuple[str, Side, Side]]:
    """The seeded stratified draw over every triplet's candidate pairs (module docstring)."""
    rng = np.random.default_rng(seed)
    per: dict[str, int] = {}
    chosen: list[tuple[str, Side, Side]] = []
    upper, carry = 2.0, 0
    for lower, quota in QUOTAS:
        pool = [(g, a, b) for g in sorted(cands) for c, a, b in cands[g] if lower <= c < upper]
        got = _pick(rng, pool, quota + carry, per)
        carry = quota + carry - len(got) if lower > -1.0 else 0
        chosen += got
        upper = lower
    return [chosen[int(k)] for k in rng.permutation(len(chosen))]


def pair_key(rec_a: str, a: Side, rec_b: str, b: Side) -> frozenset[tuple[str, int, int]]:
    """One unordered pair of sentences, by record and offsets (the sample rows' identity)."""
    return frozenset({(rec_a, a[1], a[2]), (rec_b, b[1], b[2])})


def drawn_keys(sample: Path) -> set[frozenset[tuple[str, int, int]]]:
    """The pairs of a committed sample file (to leave them out of a later round)."""
    out = set()
    for line in sample.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        a, b = row["a"], row["b"]
        out.add(frozenset({(a["record"], a["start"], a["end"]), (b["record"], b["start"], b["end"])}))
    return out


def without(cands: dict[str, list], keys: set, paths: dict[str, Path], data_dir: Path) -> dict[str, list]:
    """``cands`` less the pairs in ``keys``."""

    def rec(x: Side) -> str:
        return paths[x[0]].relative_to(data_dir).as_posix()

    return {g: [(c, a, b) for c, a, b in v if pair_key(rec(a), a, rec(b), b) not in keys] for g, v in cands.items()}


def band_sizes(cands: dict[str, list[tuple[float, Side, Side]]]) -> list[tuple[float, int]]:
    upper, out = 2.0, []
    for lower, _ in QUOTAS:
        out.append((lower, sum(lower <= c < upper for g in cands for c, _, _ in cands[g])))
        upper = lower
    return out


def load(data_dir: Path) -> tuple[dict[str, dict[str, list[Article]]], dict[str, Path], dict[str, Article]]:
    """{split: {triplet: articles}}, article id -> path, article id -> article."""
    files = basil_files(data_dir)
    rows = [(basil_article(p), p) for p in files]
    train, val = split_triplets(sorted({g for (_, g), _ in rows}), SPLIT_SEED)
    which = {g: "train" for g in train} | {g: "val" for g in val}
    out: dict[str, dict[str, list[Article]]] = {"train": {}, "val": {}}
    paths, by_id = {}, {}
    for (art, g), p in rows:
        out[which[g]].setdefault(g, []).append(art)
        paths[art.id], by_id[art.id] = p, art
    return out, paths, by_id


def rows_for(chosen: list[tuple[str, Side, Side]], paths: dict[str, Path], by_id: dict[str, Article], data_dir: Path):
    def side(x: Side) -> dict[str, object]:
        art = by_id[x[0]]
        rec = paths[x[0]].relative_to(data_dir).as_posix()
        return {"record": rec, "start": x[1], "end": x[2], "sha": body_sha(art.text)}

    return [{"pair": n, "story": g, "a": side(a), "b": side(b)} for n, (g, a, b) in enumerate(chosen, 1)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=None, help="benchmark data (default: ../shared/data)")
    ap.add_argument("--check", action="store_true", help="redraw and compare with the committed samples")
    ap.add_argument("--stats", action="store_true", help="print candidate counts per cosine band; write nothing")
    ap.add_argument("--round2", action="store_true", help="draw claim_pairs_val2.jsonl (round 2, round 1 left out)")
    args = ap.parse_args()
    data_dir = args.data_dir or default_data_dir()
    if not (data_dir / "basil" / "articles").is_dir():
        print(f"error: {data_dir / 'basil' / 'articles'} not found", file=sys.stderr)
        return 2
    splits, paths, by_id = load(data_dir)
    status = 0
    plan = (
        (("val2", "val", ROUND2_SEED),)
        if args.round2
        else (("train", "train", DRAW_SEED), ("val", "val", DRAW_SEED + 1))
    )
    for name, split, seed in plan:
        cands = {g: candidates(arts) for g, arts in splits[split].items()}
        if name == "val2":
            cands = without(cands, drawn_keys(SAMPLES / "claim_pairs_val.jsonl"), paths, data_dir)
        if args.stats:
            print(name, len(cands), "triplets", band_sizes(cands))
            continue
        rows = rows_for(stratified(cands, seed), paths, by_id, data_dir)
        out = SAMPLES / f"claim_pairs_{name}.jsonl"
        text = "".join(json.dumps(r) + "\n" for r in rows)
        if args.check:
            same = out.is_file() and out.read_text(encoding="utf-8") == text
            print(f"{out.name}: " + ("same as committed" if same else "DIFFERS from committed sample"))
            status |= not same
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(out)  # never a half-written sample
        print(f"wrote {len(rows)} rows to {out.relative_to(ROOT)}")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
