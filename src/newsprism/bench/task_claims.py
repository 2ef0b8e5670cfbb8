"""``newsprism bench claims``: ClaimBuster F1, CLEF 2019 MAP over debates and subjectivity macro-F1 of the
shipped claims model (validation = the trainer's seeded split; test = every row of the given files)."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np

from newsprism.bench.registry import BenchContext, Metric, evaluator, hash_files
from newsprism.datasets.claims import Example

PUBLISHED: dict[str, tuple[float | None, str]] = {
    "claimbuster_f1": (None, "no published number in data/README.md; issue goal 0.85"),
    "clef2019_map": (0.166, "CLEF CheckThat! 2019 Task 1 best MAP (test debates)"),
    "subjectivity_macro_f1": (0.77, "CheckThat! subjectivity English macro-F1 (2023 test); issue goal 0.80"),
}
QUICK_ROWS = {"claimbuster": 300, "clef": 500, "subjectivity": 200}


def _sample(rows: list[Example], n: int, seed: int) -> list[Example]:
    if len(rows) <= n:
        return rows
    idx = sorted(random.Random(seed).sample(range(len(rows)), n))
    return [rows[i] for i in idx]


def _first(folder: Path, patterns: tuple[str, ...]) -> Path | None:
    for pat in patterns:
        hits = sorted(folder.glob(pat))
        if hits:
            return hits[0]
    return None


def _rows(
    ctx: BenchContext, seed: int
) -> tuple[list[Example], list[Example], list[Example], dict[str, list[Example]], list[Path]]:
    """The scored rows (ClaimBuster, CLEF 2019, subjectivity), the pools their embeddings are cached for, and the
    files read: a test portion's own files, or the seeded validation parts of the training files."""
    from newsprism.datasets import claims as D
    from newsprism.errors import BenchError

    cw_dir = D.checkworthiness_dir(ctx.data_dir)
    subj_dir = ctx.path("subjectivity") if ctx.path("subjectivity").is_dir() else ctx.data_dir
    if ctx.split == "test":
        cb_path = _first(cw_dir, ("claimbuster*test*.json", "claimbuster*.json"))
        clef_path = _first(cw_dir, ("clef2019*test*.csv", "clef2019*.csv"))
        subj_path = _first(subj_dir, ("test_en*.tsv", "dev_test_en*.tsv", "dev_en.tsv"))
        if cb_path is None or clef_path is None or subj_path is None:
            raise BenchError("E050", task="claims", path=ctx.data_dir)
        cb_val, clef_val = D.read_claimbuster(cb_path), D.read_clef2019(clef_path)
        subj_val = D.read_subjectivity(subj_path)
        pools = {"cb": cb_val, "clef": clef_val, "subj": subj_val}
        files = [cb_path, clef_path, subj_path]
    else:
        cb_path, clef_path, subj_path = cw_dir / D.CLAIMBUSTER, cw_dir / D.CLEF2019, subj_dir / D.SUBJ_DEV
        for p in (cb_path, clef_path, subj_path):
            if not p.is_file():
                raise BenchError("E050", task="claims", path=p)
        cb_all = D.read_claimbuster(cb_path)
        cb_val = D.split_claimbuster(cb_all, seed)[1]
        clef_val = D.split_clef(D.read_clef2019(clef_path), seed)[1]
        subj_val = D.read_subjectivity(subj_path)
        pools = {"cb": cb_all, "clef": clef_val, "subj": subj_val}
        files = [cb_path, clef_path, subj_dir / D.SUBJ_TRAIN, subj_path]
    return cb_val, clef_val, subj_val, pools, files


@evaluator("claims", datasets=("checkworthiness", "subjectivity"))
def bench_claims(ctx: BenchContext) -> list[Metric]:
    """ClaimBuster F1 (positive class), CLEF 2019 MAP over debates, subjectivity macro-F1 of the shipped model."""
    from newsprism.bench.heldout import heldout_dir
    from newsprism.claims import features as F
    from newsprism.claims.model import ClaimsModel, shipped
    from newsprism.datasets import claims as D
    from newsprism.metrics import f1_at, macro_f1, mean_average_precision

    # test: the shipped heads (refitted on every labelled row); validation: the training-part heads
    model = shipped() if ctx.split == "test" else ClaimsModel.load(heldout_dir("claims"))
    seed = int(model.meta.get("seed", 13))
    cb_val, clef_val, subj_val, pools, files = _rows(ctx, seed)
    if ctx.quick:
        cb_val = _sample(cb_val, QUICK_ROWS["claimbuster"], ctx.seed)
        clef_val = _sample(clef_val, QUICK_ROWS["clef"], ctx.seed)
        subj_val = _sample(subj_val, QUICK_ROWS["subjectivity"], ctx.seed)

    def predict(task: str, rows: list[D.Example], pool: str) -> np.ndarray:
        head = model.heads[task]
        texts = [r.text for r in rows]
        # whole-file embeddings are cached under /tmp/newsprism-cache (the trainer fills the same cache)
        if not head.needs_embeddings:
            return head.predict(texts, None)
        pool_texts = [r.text for r in pools[pool]]
        if ctx.quick and not F.is_cached(pool_texts):
            emb = F.embeddings(texts)  # cold cache in quick mode: embed only the subsample
        else:
            emb = F.embeddings_from_pool(texts, pool_texts)
        return head.predict(texts, emb)

    cw = model.heads["checkworthiness"]
    scores = {
        "claimbuster_f1": f1_at(
            np.array([r.label for r in cb_val]), predict("checkworthiness", cb_val, "cb"), cw.threshold
        ),
        "clef2019_map": mean_average_precision(
            [r.group for r in clef_val],
            [r.label for r in clef_val],
            predict("checkworthiness", clef_val, "clef").tolist(),
        ),
        "subjectivity_macro_f1": macro_f1(
            np.array([r.label for r in subj_val]),
            predict("subjectivity", subj_val, "subj") >= model.heads["subjectivity"].threshold,
        ),
    }
    sizes = {"claimbuster_f1": len(cb_val), "clef2019_map": len(clef_val), "subjectivity_macro_f1": len(subj_val)}
    data_hash = hash_files(files)
    out = []
    for name, value in scores.items():
        ref, note = PUBLISHED[name]
        out.append(Metric("claims", name, round(float(value), 4), ref, note, sizes[name], ctx.split, data_hash))
    return out
