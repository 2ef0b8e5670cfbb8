"""Choose the claims stage's abstention (issue 23) by cross-validation on ROUND 1 of the blind sample.

    .venv/bin/python scripts/tune_claims_abstain.py           # runs nlp+quotes+claims on round 1 (~10 min), caches
    .venv/bin/python scripts/tune_claims_abstain.py --cached  # reuses the cache ($NEWSPRISM_CACHE or /tmp)

Round 1 (benchmarks/samples/claims_blind.jsonl, labeller a) became tuning data once its numbers were reported;
round 2 is the report set and is never read here. The stage is run once on round 1's records with a probe on
the kind decision that records, per sample sentence, every unit's (damped) scores, whether it holds a number
or date (the ``mixed`` anchor), the form rule, the blocking cue and the stance cue. The decision is then
replayed (``decide``, mirroring ``claims.stage._sentence``/``_not_claim``) for every setting of the grid:
``claim_below`` x ``opinion_from`` x the opinion cue groups x whether a check-worthy unit may be a bare
opinion. A setting's score is correct minus 9 x wrong predictions of claim and of opinion (a prediction pays
only at a marginal precision >= 0.9), ties to more correct ones. Printed: the cue groups' share SUBJ on
CheckThat's training sentences and share check-worthy on ClaimBuster's training part (training splits only),
the 5-fold x 5-shuffle CV precision of the selection procedure (pooled over held-out folds), and the setting
chosen on all 150 rows (the one shipped in ``claims/abstain.py``).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "benchmarks" / "samples" / "claims_blind.jsonl"
LABELS = ROOT / "benchmarks" / "samples" / "claims_blind_labels_a.jsonl"
CACHE = Path(os.environ.get("NEWSPRISM_CACHE", "/tmp/newsprism-cache")) / "claims_abstain_r1.json"
CUE_SETS = ((), ("stance",), ("stance", "recommendation"), ("stance", "recommendation", "speculation"))
GRID = [
    {"claim_below": cb, "opinion_from": op, "opinion_cues": cs, "opinion_not_checkworthy": nc}
    for cb, op, cs, nc in itertools.product(
        (0.2, 0.25, 0.3, 0.35, 0.41), (0.86, 0.9, 0.95, 0.98, 1.01), CUE_SETS, (False, True)
    )
]
PENALTY = 9.0


def probe(data_dir: Path) -> list[dict[str, Any]]:
    """Run the stage on round 1's records and record what the kind decision sees for each sample sentence."""
    from newsprism.bench.task_claims import predict_sample, read_sample
    from newsprism.claims import abstain, stage
    from newsprism.claims.other import other_reason

    seen: dict[tuple[str, int, int], dict[str, Any]] = {}
    original = stage._sentence

    def spy(work: Any, si: int, items: list[Any], cuts: Any, nlp: Any) -> None:
        art, sent = work.article, work.article.sentences[si]
        text = art.text[sent.start : sent.end]
        seen[(art.id, sent.start, sent.end)] = {
            "start": sent.start,
            "end": sent.end,
            "cw_cut": cuts.checkworthiness,
            "form": other_reason(text, stage.is_headline(work, si), work.doc, sent.start, sent.end) is not None,
            "block": stage._blocking(work, si),
            "cues": [c for c in ("stance", "recommendation", "speculation") if c in abstain.cues(text)],
            "units": [
                {"clause": x.unit.is_clause, "cw": x.cw, "subj": x.subj, "anchor": stage._anchor(work, x) is not None}
                for x in items
            ],
        }
        original(work, si, items, cuts, nlp)

    stage._sentence = spy
    try:
        rows = read_sample(SAMPLE)
        pred = predict_sample(data_dir, rows)
    finally:
        stage._sentence = original
    ids = article_ids(data_dir, {str(r["record_id"]) for r in rows})
    out = []
    for r in rows:
        mine = [v for k, v in seen.items() if k[0] == ids[str(r["record_id"])]]
        hit = max(mine, key=lambda v: min(r["end"], v["end"]) - max(r["start"], v["start"]))  # as predict_sample
        out.append({"sample": r["sample"], "shipped": pred[int(r["sample"])], **hit})
    return out


def article_ids(data_dir: Path, wanted: set[str]) -> dict[str, str]:
    """{record id: the id predict_sample gives its Article} (the content hash of ``content_original``)."""
    from newsprism.bench.task_frames import ALLSIDES_FILE
    from newsprism.model import content_id

    out = {}
    with (data_dir / "allsides" / ALLSIDES_FILE).open(encoding="utf-8") as fh:
        for d in map(json.loads, fh):
            if str(d["ID"]) in wanted:
                out[str(d["ID"])] = content_id(str(d.get("content_original") or ""))
    return out


def _label(cw: float, subj: float, cw_cut: float, p: dict[str, Any]) -> str:
    op_from, claim_below = max(0.86, p["opinion_from"]), min(0.41, p["claim_below"])  # meta.json's cuts
    if subj >= op_from:
        return "both" if cw >= cw_cut else "opinion"
    if cw >= cw_cut:
        return "claim" if subj < claim_below else "unsure"
    return "none"


def decide(row: dict[str, Any], p: dict[str, Any]) -> str:
    """The stage's kind of one probed sentence under setting ``p``."""
    if row["form"]:
        return "other"
    units = [(u, _label(u["cw"], u["subj"], row["cw_cut"], p)) for u in row["units"]]
    parts = [x for x in units if x[0]["clause"]]
    if not parts or all(lab == "none" for _, lab in parts):
        parts = [x for x in units if not x[0]["clause"]]
    claims = [u for u, lab in parts if lab == "claim"]
    ops = [u for u, lab in parts if lab == "opinion" or (lab == "both" and not p["opinion_not_checkworthy"])]
    if claims and row["block"] is None:
        return "mixed" if ops else "claim"
    blocked = row["block"] is not None
    if any((lab in ("both", "unsure") or (blocked and lab == "claim")) and u["anchor"] for u, lab in parts):
        return "mixed"
    if ops or set(row["cues"]) & set(p["opinion_cues"]):
        return "opinion"
    return "other"


def counts(rows: list[dict[str, Any]], gold: dict[int, str], p: dict[str, Any]) -> dict[str, tuple[int, int]]:
    """{kind: (correct, predicted)} for claim and opinion."""
    out = {}
    for kind in ("claim", "opinion"):
        pred = [r for r in rows if decide(r, p) == kind]
        out[kind] = (sum(gold[r["sample"]] == kind for r in pred), len(pred))
    return out


def choose(rows: list[dict[str, Any]], gold: dict[int, str]) -> dict[str, Any]:
    def score(p: dict[str, Any]) -> tuple[float, int]:
        c = counts(rows, gold, p)
        right = sum(t for t, _ in c.values())
        wrong = sum(n - t for t, n in c.values())
        return right - PENALTY * wrong, right

    return max(GRID, key=score)


def cue_shares(data_dir: Path) -> None:
    """Share SUBJ (CheckThat training sentences) and check-worthy (ClaimBuster training part) per cue group."""
    from newsprism.claims.cues import CUES, cues
    from newsprism.datasets import claims as D

    subj = D.read_subjectivity(data_dir / "subjectivity" / D.SUBJ_TRAIN)
    cb = D.split_claimbuster(D.read_claimbuster(D.checkworthiness_dir(data_dir) / D.CLAIMBUSTER), 13)[0]
    for name, rows in (("CheckThat train SUBJ", subj), ("ClaimBuster train check-worthy", cb)):
        base = np.mean([r.label for r in rows])
        parts = []
        for c in CUES:
            hit = [r.label for r in rows if c in cues(r.text)]
            parts.append(f"{c} {np.mean(hit) if hit else float('nan'):.2f} ({len(hit)})")
        print(f"{name}: all {base:.2f} ({len(rows)}); " + ", ".join(parts))


def main() -> int:
    from newsprism.bench.registry import default_data_dir
    from newsprism.bench.task_claims import read_labels

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cached", action="store_true", help="reuse the probe cache")
    args = ap.parse_args()
    data_dir = default_data_dir()
    if args.cached and CACHE.is_file():
        rows = json.loads(CACHE.read_text(encoding="utf-8"))
    else:
        rows = probe(data_dir)
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        CACHE.write_text(json.dumps(rows), encoding="utf-8")
    gold = read_labels(LABELS)
    cue_shares(data_dir)
    pooled: Counter[str] = Counter()
    picks: Counter[str] = Counter()
    rng = np.random.default_rng(0)
    for _ in range(5):
        for fold in np.array_split(rng.permutation(len(rows)), 5):
            held = set(fold.tolist())
            p = choose([r for i, r in enumerate(rows) if i not in held], gold)
            picks[json.dumps(p)] += 1
            for kind, (t, n) in counts([rows[i] for i in held], gold, p).items():
                pooled[f"{kind}_right"] += t
                pooled[f"{kind}_n"] += n
    for kind in ("claim", "opinion"):
        t, n = pooled[f"{kind}_right"], pooled[f"{kind}_n"]
        print(f"CV 5x5 {kind}: precision {t / max(n, 1):.3f} ({t} of {n} held-out predictions)")
    print("settings chosen in the CV folds:", dict(picks.most_common(3)))
    best = choose(rows, gold)
    print("chosen on all 150 rows:", best, counts(rows, gold, best))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
