"""The claim kind decision's subjectivity cuts (claim / opinion precision), chosen on inner CV of the CheckThat
training part; ``newsprism train claims`` stores them in meta.json (``kind_cuts``), and
``python -m newsprism.training.claims_kinds DATA_DIR`` re-chooses them for the shipped model alone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.claims.model import ClaimsModel, StackedHead
from newsprism.training.claims import (
    INNER_FOLDS,
    SUBJECTIVITY,
    THRESHOLDS,
    Spec,
    TaskTrainer,
    _emb,
    load_sets,
    meta_oof,
    warm_embeddings,
)

KIND_PRECISION = {"claim": 0.90, "opinion": 0.85}  # the precision aims of issue 23
KIND_MIN_SUPPORT = 30  # a cut must keep at least this many inner-CV sentences on its side


def _specs_of(head: dict[str, Any]) -> list[Spec]:
    return [Spec(str(b["kind"]), float(b["C"]), float(b.get("extra_weight", 0.0))) for b in head["bases"]]


def kind_cuts(
    sets: dict[str, Any], seed: int, cw_head: StackedHead, specs: list[Spec], subj_t: float
) -> dict[str, Any]:
    """Subjectivity cuts of the sentence kind decision, chosen on inner CV of the CheckThat training part.

    Out-of-fold subjectivity (the shipped head's bases and settings, refitted per fold exactly as in training)
    and the check-worthiness head's score (trained on ClaimBuster, so these sentences are unseen) of every
    training sentence. ``claim_below``: the largest cut such that, among sentences with check-worthiness at or
    above its threshold and subjectivity below the cut, at least ``KIND_PRECISION["claim"]`` are OBJ;
    ``opinion_from``: the smallest cut such that at least ``KIND_PRECISION["opinion"]`` of the sentences at or
    above it are SUBJ. Sentences between the two abstain (``other``, unless a number or date makes them
    ``mixed``)."""
    rows = sets["subj_train"]
    tt = TaskTrainer(SUBJECTIVITY, rows, sets["babe"], seed)
    tt.run_inner(only=specs)
    z = [np.column_stack([tt.oof[s][r] for s in specs]) for r in range(SUBJECTIVITY.repeats)]
    subj = np.mean(meta_oof(z, tt.y, seed), axis=0)
    cw = cw_head.predict([r.text for r in rows], _emb(rows)) >= cw_head.threshold
    obj = tt.y == 0
    claim_ok = [
        (float(t), float(obj[cw & (subj < t)].mean()), int((cw & (subj < t)).sum()))
        for t in THRESHOLDS
        if (cw & (subj < t)).sum() >= KIND_MIN_SUPPORT and obj[cw & (subj < t)].mean() >= KIND_PRECISION["claim"]
    ]
    opinion_ok = [
        (float(t), float(tt.y[subj >= t].mean()), int((subj >= t).sum()))
        for t in THRESHOLDS
        if (subj >= t).sum() >= KIND_MIN_SUPPORT and tt.y[subj >= t].mean() >= KIND_PRECISION["opinion"]
    ]
    claim = max(claim_ok, default=(min(float(THRESHOLDS[0]), subj_t), float("nan"), 0))
    opinion = min(opinion_ok, default=(max(float(THRESHOLDS[-1]), subj_t), float("nan"), 0))
    return {
        "claim_below": claim[0],
        "opinion_from": max(opinion[0], claim[0]),
        "inner": {
            "claim_precision": claim[1],
            "claim_support": claim[2],
            "opinion_precision": opinion[1],
            "opinion_support": opinion[2],
            "sentences": len(rows),
        },
        "how": (
            f"out-of-fold subjectivity on CheckThat train_en ({SUBJECTIVITY.repeats}x{INNER_FOLDS}-fold, shipped "
            "bases), check-worthiness from the ClaimBuster head; precision targets "
            f"claim {KIND_PRECISION['claim']}, opinion {KIND_PRECISION['opinion']}, support >= {KIND_MIN_SUPPORT}"
        ),
    }


def write_kind_cuts(data_dir: Path, model_dir: Path, seed: int = 13) -> dict[str, Any]:
    """Choose the kind cuts for the model in ``model_dir`` and store them in its meta.json (``kind_cuts``)."""
    sets = load_sets(data_dir, seed)
    warm_embeddings([sets["subj_train"], sets["babe"]])
    model = ClaimsModel.load(model_dir)
    specs = _specs_of(model.meta["heads"]["subjectivity"])
    cuts = kind_cuts(sets, seed, model.heads["checkworthiness"], specs, model.heads["subjectivity"].threshold)
    meta_path = model_dir / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["kind_cuts"] = cuts
    tmp = meta_path.with_suffix(".tmp")
    tmp.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(meta_path)
    return cuts


if __name__ == "__main__":  # python -m newsprism.training.claims_kinds DATA_DIR: (re)choose the kind cuts only
    import sys

    from newsprism.claims.model import MODEL_DIR

    print(json.dumps(write_kind_cuts(Path(sys.argv[1]), MODEL_DIR), indent=2))
