"""The claim-alignment evaluation of ``bench stories`` (issue 21): claim pairs matched by meaning, on blind labels.

The samples (``benchmarks/samples/claim_pairs_{train,val}.jsonl``, drawn by scripts/draw_claim_pairs.py, cosine-
stratified) hold cross-article sentence pairs of BASIL triplets; the labels (``claim_pair_labels_<split>_<who>.jsonl``:
``same`` / ``related`` / ``different``, docs/claims_pairs_judging.md) were written blind. ``train`` labels fit the
scorer (:mod:`newsprism.training.claim_pairs`), and since session 10 so do round 1's ``val`` labels: the
blind evaluation is round 2 (``claim_pairs_val2.jsonl``, ``claim_pair_labels_val2_<who>.jsonl``; metrics
``claim_pairs_r2_*``), while round 1's metrics (``claim_pairs_*``) are now in-sample. Gold: labeller ``a``'s
label, else the first other labeller's. Printed (full runs): precision and recall of ``same`` by the shipped scorer
at its shipped threshold; by the rule of before issue 21 (cosine + entity/number bonuses >= 0.70, on the same
sentences); and by cosine alone at the lowest cosine whose precision on the sample reaches the scorer's (the
reference "at the same precision"); accuracy of same/related/different; Cohen's kappa of labellers a and b.
Sample-weighted: high-cosine pairs are over-represented in the draw.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.bench.blind_labels import gold_labels, read_pair_labels
from newsprism.bench.registry import BenchContext, Metric
from newsprism.bench.task_stories import TASK, basil_article

SAMPLES = Path(__file__).resolve().parents[3] / "benchmarks" / "samples"
LABELS = ("same", "related", "different")


def read_labels(split: str, samples: Path = SAMPLES) -> dict[str, dict[int, str]]:
    """``{labeller: {pair: label}}`` from every ``claim_pair_labels_<split>_<who>.jsonl``."""
    return read_pair_labels(samples, f"claim_pair_labels_{split}_", LABELS)


def pair_texts(split: str, data_dir: Path, samples: Path = SAMPLES) -> dict[int, tuple[str, str]]:
    """``{pair: (text a, text b)}`` of a sample, read from the shared BASIL files (sha-checked; mismatches left out)."""
    cache: dict[str, str] = {}
    out: dict[int, tuple[str, str]] = {}
    for line in (samples / f"claim_pairs_{split}.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        texts = []
        for side in (row["a"], row["b"]):
            rec = str(side["record"])
            if rec not in cache:
                cache[rec] = basil_article(data_dir / rec)[0].text
            body = cache[rec]
            if hashlib.sha256(body.encode("utf-8")).hexdigest()[:12] != side["sha"]:
                break
            texts.append(body[int(side["start"]) : int(side["end"])])
        if len(texts) == 2:
            out[int(row["pair"])] = (texts[0], texts[1])
    return out


def pair_stories(split: str, samples: Path = SAMPLES) -> dict[int, str]:
    """``{pair: story (BASIL triplet id)}`` of a sample (CV folds are grouped by it)."""
    rows = [json.loads(x) for x in (samples / f"claim_pairs_{split}.jsonl").read_text(encoding="utf-8").splitlines()]
    return {int(r["pair"]): str(r["story"]) for r in rows}


def labelled_matrix(
    split: str, data_dir: Path, samples: Path = SAMPLES
) -> tuple[list[int], list[tuple[str, str]], np.ndarray, list[str]]:
    """(pairs, texts, cosines, gold labels) of the labelled pairs of a split, in pair order."""
    from newsprism.nlp import embed

    gold = gold_labels(read_labels(split, samples))
    texts = pair_texts(split, data_dir, samples)
    pairs = sorted(p for p in gold if p in texts)
    if not pairs:
        return [], [], np.zeros(0), []
    va = embed([texts[p][0] for p in pairs], name="minilm")
    vb = embed([texts[p][1] for p in pairs], name="minilm")
    cos = np.sum(va * vb, axis=1)
    return pairs, [texts[p] for p in pairs], cos, [gold[p] for p in pairs]


def legacy_rule(a: str, b: str, cos: float) -> bool:
    """The alignment rule of before issue 21 on two sentences: cosine + entity and number bonuses >= 0.70."""
    from newsprism.compare import align
    from newsprism.compare.numbers import find_numbers
    from newsprism.model import Article

    units = []
    for text in (a, b):
        ents = align._entities_in(Article(id="x", text=text), 0, len(text))
        units.append(align.Unit("x", 0, len(text), text, 0.0, ents, find_numbers(text)))
    score = cos + align.ENTITY_BONUS * align._jaccard(units[0].entities, units[1].entities)
    score += align.NUMBER_BONUS * align._number_match(units[0], units[1])
    return score >= align.LEGACY_THRESHOLD


def prf(pred: list[bool], gold: list[bool]) -> tuple[float, float, int]:
    """(precision, recall, predicted count); precision 0 when nothing is predicted."""
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    n_pred, n_gold = sum(pred), sum(gold)
    return (tp / n_pred if n_pred else 0.0), (tp / n_gold if n_gold else 0.0), n_pred


def cosine_at_precision(cos: np.ndarray, gold: list[bool], target: float) -> tuple[float, float, float]:
    """(threshold, precision, recall) of cosine alone at the lowest threshold whose precision >= ``target``."""
    best = (1.0, 0.0, 0.0)
    for t in sorted(set(np.round(cos, 4).tolist()), reverse=True):
        p, r, _ = prf([c >= t for c in cos], gold)
        if p >= target:
            best = (t, p, r)
    return best


ROUNDS = (("val", "claim_pairs_"), ("val2", "claim_pairs_r2_"))
"""(split, metric prefix): round 1 (tuning data since session 10: the scorer is fit on it) and round 2 (blind)."""


def evaluate_claim_pairs(ctx: BenchContext) -> list[Metric]:
    """Full runs: the metrics named in the module docstring for each round with labels (none in --quick)."""
    from newsprism.compare.pairs import load_model

    model = load_model()
    if ctx.quick or model is None or ctx.split == "test":
        return []
    return [m for split, prefix in ROUNDS for m in round_metrics(ctx, model, split, prefix)]


def round_metrics(ctx: BenchContext, model: Any, split: str, prefix: str) -> list[Metric]:
    """The claim-pair metrics of one labelled sample (``split``), named ``<prefix><metric>``; none without labels."""
    from newsprism.bench.stories_conflicts import cohen_kappa
    from newsprism.compare.pairs import pair_features

    if not (SAMPLES / f"claim_pairs_{split}.jsonl").is_file():
        return []
    pairs, texts, cos, gold = labelled_matrix(split, ctx.data_dir)
    if not pairs:
        return []
    x = np.vstack([pair_features(a, b, float(c)) for (a, b), c in zip(texts, cos, strict=True)])
    p_same, p_near = model.scores(x)
    is_same = [g == "same" for g in gold]
    pred = [(c >= model.candidate_cos) and p >= model.same.threshold for c, p in zip(cos, p_same, strict=True)]
    p, r, n_pred = prf(pred, is_same)
    lp, lr, _ = prf([legacy_rule(a, b, float(c)) for (a, b), c in zip(texts, cos, strict=True)], is_same)
    ct, cp, cr = cosine_at_precision(cos, is_same, p)
    three = [_three(c, ps, pn, model) for c, ps, pn in zip(cos, p_same, p_near, strict=True)]
    values: dict[str, Any] = {
        "same_precision": p,
        "same_recall": r,
        "legacy_precision": lp,
        "legacy_recall": lr,
        "cosine_recall_at_precision": cr,
        "three_way_accuracy": float(np.mean([t == g for t, g in zip(three, gold, strict=True)])),
    }
    labels = read_labels(split)
    shared = sorted(set(labels.get("a", {})) & set(labels.get("b", {})))
    if shared:
        values["kappa_ab"] = cohen_kappa([labels["a"][k] for k in shared], [labels["b"][k] for k in shared])
    print(
        f"claim pairs ({split}, {len(pairs)} labelled, {sum(is_same)} same): scorer P {p:.3f} R {r:.3f} ({n_pred} "
        f"predicted); legacy rule P {lp:.3f} R {lr:.3f}; cosine >= {ct:.3f} P {cp:.3f} R {cr:.3f}",
        file=sys.stderr,
    )
    data_hash = hashlib.sha256(json.dumps(sorted(zip(pairs, gold, strict=True))).encode()).hexdigest()[:12]
    return [
        Metric(task=TASK, name=prefix + k, value=round(float(v), 4), n=len(shared) if k == "kappa_ab" else len(pairs),
               split=ctx.split, data_hash=data_hash)
        for k, v in values.items()
    ]  # fmt: skip


def _three(cos: float, p_same: float, p_near: float, model: Any) -> str:
    if cos < model.candidate_cos:
        return "different"
    if p_same >= model.same.threshold:
        return "same"
    return "related" if p_near >= model.near.threshold else "different"
