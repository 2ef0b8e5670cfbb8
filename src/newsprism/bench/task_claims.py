"""``newsprism bench claims``: ClaimBuster F1, CLEF 2019 MAP over debates and subjectivity macro-F1 of the
shipped claims model (validation = the trainer's seeded split; test = every row of the given files)."""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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

    if ctx.extra.get("blind") == "only":  # `--set blind=only`: the blind rounds alone (not gated: a --set run)
        return bench_blind(ctx)
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
    if not ctx.quick:  # full runs only: the encoder pass over the validation rows, the pipeline over 150 articles
        out += finetuned_metrics(ctx, (cb_val, clef_val, subj_val), pools, data_hash, scores)
        out += bench_blind(ctx)  # last: the blind sample's kind precision (when labels exist)
    return out


# --- the blind sample: precision of the sentence kinds on 150 AllSides validation-outlet sentences ------------

SAMPLE = Path(__file__).resolve().parents[3] / "benchmarks" / "samples" / "claims_blind.jsonl"
KINDS = ("claim", "opinion", "mixed", "other")
BLIND_AIMS = {"claim": 0.90, "opinion": 0.85}


def read_sample(path: Path = SAMPLE) -> list[dict[str, Any]]:
    """The sample rows: sample, record_id, start, end, sha (scripts/draw_claims_sample.py)."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def read_labels(path: Path) -> dict[int, str]:
    """{sample row: gold kind} of one labeller's file (docs/claims_judging.md); E050 on a malformed row."""
    from newsprism.bench.blind_labels import read_label_file

    return read_label_file(path, "sample", "kind", KINDS, "claims")


def predict_sample(data_dir: Path, rows: list[dict[str, Any]]) -> dict[int, str]:
    """The claims stage's kind of every sample sentence: the pipeline (nlp, quotes, claims) runs on the whole
    record (``content_original``, with its ``date`` as the publication date), as the draw split it; the sentence
    with the sample's offsets (else the one overlapping it most) gives the kind."""
    from newsprism.bench.task_frames import ALLSIDES_FILE
    from newsprism.errors import BenchError
    from newsprism.model import Article, content_id
    from newsprism.pipeline import Pipeline

    data = data_dir / "allsides" / ALLSIDES_FILE
    if not data.is_file():
        raise BenchError("E050", task="claims", path=str(data))
    wanted = {r["record_id"] for r in rows}
    recs: dict[str, dict[str, Any]] = {}
    with data.open(encoding="utf-8") as fh:
        for d in map(json.loads, fh):
            if str(d["ID"]) in wanted:
                recs[str(d["ID"])] = d
    pipe = Pipeline(stages=["nlp", "quotes", "claims"])
    arts: dict[str, Article] = {}
    for rid in sorted(wanted):
        d = recs.get(rid)
        if d is None:
            raise BenchError("E050", task="claims", path=f"{data} (record {rid})")
        text = str(d.get("content_original") or "")
        arts[rid] = pipe(Article(id=content_id(text), text=text, published=str(d.get("date") or "") or None))
    out: dict[int, str] = {}
    for r in rows:
        art = arts[r["record_id"]]
        s, e = int(r["start"]), int(r["end"])
        if hashlib.sha256(art.text[s:e].encode("utf-8")).hexdigest()[:12] != r["sha"]:
            raise BenchError("E050", task="claims", path=f"{data} (record {r['record_id']} changed)")
        best = max(art.sentences, key=lambda x: min(e, x.end) - max(s, x.start), default=None)
        out[int(r["sample"])] = str(best.kind) if best is not None and best.kind else "other"
    return out


def blind_precision(gold: dict[int, str], pred: dict[int, str], kind: str) -> tuple[float, int]:
    """Precision of ``kind`` (rows predicted ``kind`` whose gold label is ``kind``) and how many were predicted."""
    rows = [n for n, k in pred.items() if k == kind and n in gold]
    return (sum(gold[n] == kind for n in rows) / len(rows) if rows else float("nan")), len(rows)


@dataclass(frozen=True)
class BlindRound:
    """One round of the blind sample: its rows, its labels files (``<labels>_<who>.jsonl``), the prefix of its
    metric names and the split label printed beside them."""

    number: int
    sample: Path
    labels: str
    prefix: str
    split: str
    role: str


BLIND_ROUNDS = (
    BlindRound(
        1, SAMPLE, "claims_blind_labels", "blind", "tuning r1", "round 1: TUNING data (abstention chosen on it)"
    ),
    BlindRound(
        2,
        SAMPLE.parent / "claims_blind_r2.jsonl",
        "claims_blind_r2_labels",
        "blind_r2",
        "tuning r2",
        "round 2: TUNING data (reported, then rules chosen on rounds 1-2)",
    ),
    BlindRound(
        3,
        SAMPLE.parent / "claims_blind_r3.jsonl",
        "claims_blind_r3_labels",
        "blind_r3",
        "tuning r3",
        "round 3: TUNING data (reported, then rules chosen on rounds 1-3)",
    ),
    BlindRound(
        4,
        SAMPLE.parent / "claims_blind_r4.jsonl",
        "claims_blind_r4_labels",
        "blind_r4",
        "tuning r4",
        "round 4: TUNING data (reported, then rules chosen on rounds 1-4)",
    ),
    BlindRound(5, SAMPLE.parent / "claims_blind_r5.jsonl", "claims_blind_r5_labels", "blind_r5", "blind r5", "round 5"),
)


def round_labels(rnd: BlindRound) -> dict[str, dict[int, str]]:
    """``{labeller: {sample row: kind}}`` of every labels file of the round (round 1 ignores r<N>_ files)."""
    out = {}
    for f in sorted(rnd.sample.parent.glob(f"{rnd.labels}*.jsonl")):
        who = f.stem.removeprefix(rnd.labels).strip("_-") or "labels"
        if not (who[:1] == "r" and who[1:2].isdigit()):
            out[who] = read_labels(f)
    return out


def bench_blind(ctx: BenchContext) -> list[Metric]:
    """Per round with labels (``--set blind_rounds=2,3``: those rounds only): precision of ``claim`` and
    ``opinion`` per labeller, and Cohen's kappa of labellers a and b on their shared rows. The stage runs on a
    round's records only once its labels exist (blind)."""
    from newsprism.bench.stories_conflicts import cohen_kappa

    only = {int(x) for x in str(ctx.extra.get("blind_rounds") or "").split(",") if x.strip()}
    out = []
    for rnd in BLIND_ROUNDS:
        if only and rnd.number not in only:  # `--set blind_rounds=3`: these rounds only
            continue
        labels = round_labels(rnd) if rnd.sample.is_file() else {}
        if not labels:
            continue
        rows = read_sample(rnd.sample)
        pred = predict_sample(ctx.data_dir, rows)
        h = hash_files([rnd.sample, *sorted(rnd.sample.parent.glob(f"{rnd.labels}*.jsonl"))])
        for who, gold in labels.items():
            for kind, aim in BLIND_AIMS.items():
                value, n = blind_precision(gold, pred, kind)
                note = f"{rnd.role}; issue 23 aim {aim}; {n} of {len(rows)} predicted {kind}; labeller {who}"
                name = f"{rnd.prefix}_{kind}_precision_{who}"
                out.append(Metric("claims", name, round(value, 4), aim, note, n, rnd.split, h))
        if "a" in labels and "b" in labels:
            shared = sorted(set(labels["a"]) & set(labels["b"]))
            kappa = cohen_kappa([labels["a"][n] for n in shared], [labels["b"][n] for n in shared])
            note = f"{rnd.role}; labellers a and b on their {len(shared)} shared rows (agreement, not a model metric)"
            out.append(
                Metric("claims", f"{rnd.prefix}_kappa_ab", round(kappa, 4), None, note, len(shared), rnd.split, h)
            )
    return out


# --- the fine-tuned encoder heads, beside the linear ones -------------------------------------------------------


def finetuned_metrics(
    ctx: BenchContext,
    rows: tuple[list[Example], list[Example], list[Example]],
    pools: dict[str, list[Example]],
    data_hash: str,
    linear: dict[str, float],
) -> list[Metric]:
    """ClaimBuster F1, CLEF 2019 MAP and subjectivity macro-F1 of the fine-tuned heads on the encoder
    (benchmarks/models/claims/finetuned, trained on the training parts only) on the same rows as the linear
    heads, whose value is each row's reference. No rows on the test split or when the heads are absent."""
    from newsprism.bench.heldout import HELDOUT_ROOT
    from newsprism.metrics import f1_at, macro_f1, mean_average_precision

    folder = HELDOUT_ROOT / "claims" / "finetuned"
    if ctx.split == "test" or not (folder / "meta.json").is_file():
        return []
    from newsprism.training.claims_finetune import head_probabilities, load_heads, states_of

    heads = load_heads(folder)
    assert heads is not None
    cb_val, clef_val, subj_val = rows

    def probs(task: str, part: list[Example], pool: str) -> np.ndarray:
        at = {id(r): i for i, r in enumerate(pools[pool])}
        if all(id(r) in at for r in part):
            cached = states_of(pools[pool])  # whole-file states, cached under $NEWSPRISM_CACHE/claims-states
            states = [cached[at[id(r)]] for r in part]
        else:
            states = states_of(part)
        return head_probabilities(heads[task][0], states)

    values: dict[str, float] = {}
    if "checkworthiness" in heads:
        t = heads["checkworthiness"][1]
        values["claimbuster_f1"] = f1_at(np.array([r.label for r in cb_val]), probs("checkworthiness", cb_val, "cb"), t)
        clef = probs("checkworthiness", clef_val, "clef").tolist()
        values["clef2019_map"] = mean_average_precision([r.group for r in clef_val], [r.label for r in clef_val], clef)
    if "subjectivity" in heads:
        p = probs("subjectivity", subj_val, "subj")
        values["subjectivity_macro_f1"] = macro_f1(np.array([r.label for r in subj_val]), p >= heads["subjectivity"][1])
    sizes = {"claimbuster_f1": len(cb_val), "clef2019_map": len(clef_val), "subjectivity_macro_f1": len(subj_val)}
    return [
        Metric("claims", f"finetuned_{name}", round(float(v), 4), round(linear[name], 4),
               "the linear (stacked) heads on the same rows", sizes[name], ctx.split, data_hash)
        for name, v in values.items()
    ]  # fmt: skip
