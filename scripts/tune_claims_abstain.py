"""Choose the claims stage's abstention (issue 23) on the TUNING rounds of the blind sample (rounds 1-4).

    .venv/bin/python scripts/tune_claims_abstain.py                   # runs nlp+quotes+claims on rounds 1-3, caches
    .venv/bin/python scripts/tune_claims_abstain.py --cached          # reuses the cache ($NEWSPRISM_CACHE or /tmp)
    .venv/bin/python scripts/tune_claims_abstain.py --cached --inner  # + the training part's inner-CV check (~4 min)

Rounds 1-4 (labeller a) are tuning data since their numbers were reported; round 5 is the report set and is never
read here. The stage is run once on each round's records with a probe on the kind decision that records, per
sample sentence, every unit's (damped) scores, whether it holds a number or date (the ``mixed`` anchor), the form
rule, the blocking cue, the stance cue and the enclosing quotation. The decision is then replayed (``decide``,
mirroring ``claims.stage._sentence``/``_not_claim``) for every setting of the grid: ``claim_below``
(subjectivity) x ``claim_cw`` (the check-worthiness a claim needs) x ``opinion_from`` x three rules written from
the round 1-3 errors (session 10): reported words need a number or date to be a claim (``reported_anchor``), a
check-worthy subjective unit is no bare opinion (``opinion_not_checkworthy``), a stance cue inside a direct
quotation makes no opinion (``quoted_stance`` False). A setting's score is correct minus 9 x wrong claim and
minus 5.67 x wrong opinion predictions (a prediction pays only at a marginal precision >= the aim: 0.90 claim,
0.85 opinion), ties to more correct ones. With ``--inner`` only settings whose claims keep >= ``INNER_MIN`` OBJ
and whose opinions keep >= ``INNER_MIN_OPINION`` SUBJ on CheckThat's training sentences (out-of-fold
subjectivity, ClaimBuster check-worthiness) are candidates. Printed: the cue groups' share SUBJ / check-worthy on
the training splits, the 5-fold x 5-shuffle CV precision of the selection procedure (pooled over held-out
folds), the choice made without each round scored on that round, and the setting chosen on all rows (shipped in
``claims/abstain.py``). Probed rows are refreshed with the current text rules (``refresh``) before the replay.
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
SAMPLES = ROOT / "benchmarks" / "samples"
SAMPLE = SAMPLES / "claims_blind.jsonl"
ROUNDS = {  # the TUNING rounds: reported rounds only (round 5 is the report set and is never read here)
    1: (SAMPLE, SAMPLES / "claims_blind_labels_a.jsonl"),
    2: (SAMPLES / "claims_blind_r2.jsonl", SAMPLES / "claims_blind_r2_labels_a.jsonl"),
    3: (SAMPLES / "claims_blind_r3.jsonl", SAMPLES / "claims_blind_r3_labels_a.jsonl"),
    4: (SAMPLES / "claims_blind_r4.jsonl", SAMPLES / "claims_blind_r4_labels_a.jsonl"),
}
CACHE_DIR = Path(os.environ.get("NEWSPRISM_CACHE", "/tmp/newsprism-cache"))
CUE_SETS = ((), ("stance",), ("stance", "recommendation"), ("stance", "recommendation", "speculation"))
GRID = [  # session 10: both sides, and the two rules written from the round 1-3 errors (docs/claims.md)
    {
        "claim_below": cb,
        "claim_cw": cc,
        "opinion_from": of,
        "opinion_cues": ("stance",),
        "opinion_not_checkworthy": nc,
        "quoted_stance": qs,
        "reported_anchor": ra,
    }
    for cb, cc, of, nc, qs, ra in itertools.product(
        (0.2, 0.25, 0.3, 0.35, 0.41),
        (0.62, 0.7, 0.8, 0.85, 0.9),
        (0.86, 0.88, 0.9, 0.92),
        (False, True),
        (True, False),
        (False, True),
    )
]
PENALTY = {"claim": 9.0, "opinion": 0.85 / 0.15}  # a prediction pays only at marginal precision >= the aim
INNER_MIN = 0.95  # a claim setting must keep >= this share OBJ on the training part's inner CV (``--inner``)
INNER_MIN_OPINION = 0.85  # an opinion setting must keep >= this share SUBJ there (the aim; ``--inner``)


def probe(data_dir: Path, sample: Path = SAMPLE) -> list[dict[str, Any]]:
    """Run the stage on a round's records and record what the kind decision sees for each sample sentence."""
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
            "block": _cue_block(stage, work, si, items),
            "text": text,
            "attributed": stage._attributed(art, sent.start, sent.end),
            "quote": _quote_facts(art, sent.start, sent.end),
            "sent_anchor": any(stage._anchor(work, x) is not None for x in items),
            "ents": sorted({x.label for x in art.entities if sent.start <= x.start and x.end <= sent.end}),
            "main_future": abstain.main_verb_future(work.doc, sent.start, sent.end),
            "kind": None,
            "cues": [c for c in ("stance", "recommendation", "speculation") if c in abstain.cues(text)],
            "units": [
                {"clause": x.unit.is_clause, "cw": x.cw, "subj": x.subj, "anchor": stage._anchor(work, x) is not None}
                for x in items
            ],
        }
        original(work, si, items, cuts, nlp)
        seen[(art.id, sent.start, sent.end)]["kind"] = sent.kind

    stage._sentence = spy
    try:
        rows = read_sample(sample)
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


def _cue_block(stage: Any, work: Any, si: int, items: list[Any]) -> str | None:
    """The stage's blocking cue without the "reported" rule (``decide`` replays that rule itself)."""
    from newsprism.claims import abstain

    saved, abstain.REPORTED_NEEDS_ANCHOR = abstain.REPORTED_NEEDS_ANCHOR, False
    try:
        return stage._blocking(work, si, items)  # type: ignore[no-any-return]
    finally:
        abstain.REPORTED_NEEDS_ANCHOR = saved


def _quote_facts(art: Any, start: int, end: int) -> dict[str, Any] | None:
    """The enclosing quotation's kind, its share of the sentence, its speaker mention and name (or None)."""
    from newsprism.claims.fields import enclosing_quote

    q = enclosing_quote(art, start, end)
    if q is None:
        return None
    share = (min(end, q.end) - max(start, q.start)) / max(1, end - start)
    spk = q.speaker
    mention = art.text[spk.start : spk.end] if spk is not None and spk.start is not None and spk.end else None
    return {"kind": q.kind, "share": round(share, 3), "name": spk.name if spk else None, "mention": mention}


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
        return "claim" if subj < claim_below and cw >= p.get("claim_cw", cw_cut) else "unsure"
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
    block = row["block"]
    if block is None and p.get("reported_anchor") and row["attributed"] and not row["sent_anchor"]:
        block = "reported"  # reported words with nothing countable or dated: what was said may be a judgement
    if claims and block is None:
        return "mixed" if ops else "claim"
    blocked = block is not None
    if any((lab in ("both", "unsure") or (blocked and lab == "claim")) and u["anchor"] for u, lab in parts):
        return "mixed"
    quoted = (row.get("quote") or {}).get("kind") in ("direct", "partial", "block")
    cue = set(row["cues"]) & set(p["opinion_cues"]) and (p.get("quoted_stance", True) or not quoted)
    if ops or cue:
        return "opinion"
    return "other"


_MEMO: dict[tuple[str, str], str] = {}  # (row key, setting) -> kind: the CV replays each pair often


def counts(rows: list[dict[str, Any]], gold: dict[str, str], p: dict[str, Any]) -> dict[str, tuple[int, int]]:
    """{kind: (correct, predicted)} for claim and opinion (``gold`` keyed by "round:sample")."""
    out = {}
    pk = repr(sorted(p.items()))
    kinds = [_MEMO.get((r["key"], pk)) or _MEMO.setdefault((r["key"], pk), decide(r, p)) for r in rows]
    for kind in ("claim", "opinion"):
        pred = [r for r, k in zip(rows, kinds, strict=True) if k == kind]
        out[kind] = (sum(gold[r["key"]] == kind for r in pred), len(pred))
    return out


def choose(rows: list[dict[str, Any]], gold: dict[str, str]) -> dict[str, Any]:
    def score(p: dict[str, Any]) -> tuple[float, int]:
        c = counts(rows, gold, p)
        right = sum(t for t, _ in c.values())
        return sum(t - PENALTY[k] * (n - t) for k, (t, n) in c.items()), right

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


_NLP: list[Any] = []


def refresh(row: dict[str, Any]) -> dict[str, Any]:
    """A probed row with its text-read facts recomputed by the current code (session 10, after round 4): the form
    rules (``claims.other``; the sentence parsed alone, headlines as probed), the reporting verbs, the blocking and
    stance cues; the scores, anchors, quotation and main-verb tense stay as probed."""
    from newsprism.claims.abstain import blocking_cue
    from newsprism.claims.cues import cues
    from newsprism.claims.fields import ATTRIBUTION_RE
    from newsprism.claims.other import other_reason

    if not _NLP:
        from newsprism.nlp.spacy_loader import load_spacy
        from newsprism.options import load_options

        _NLP.append(load_spacy(load_options().spacy_model))
    text = row["text"]
    form = row["form"] or other_reason(text, False, _NLP[0](text), 0, len(text)) is not None
    attributed = row["quote"] is not None or bool(ATTRIBUTION_RE.search(text))
    found = cues(text)
    return {
        **row,
        "form": form,
        "attributed": attributed,
        "block": blocking_cue(text, attributed, row["main_future"]),
        "cues": [c for c in ("stance", "recommendation", "speculation") if c in found],
    }


def load_rounds(data_dir: Path, rounds: list[int], cached: bool) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Probed rows of the tuning rounds (each keyed "round:sample") and labeller a's kinds under the same keys."""
    from newsprism.bench.task_claims import read_labels

    rows: list[dict[str, Any]] = []
    gold: dict[str, str] = {}
    for n in rounds:
        sample, labels = ROUNDS[n]
        cache = CACHE_DIR / f"claims_abstain_v3_r{n}.json"
        if cached and cache.is_file():
            got = json.loads(cache.read_text(encoding="utf-8"))
        else:
            got = probe(data_dir, sample)
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_text(json.dumps(got), encoding="utf-8")
        rows += [{**refresh(r), "key": f"{n}:{r['sample']}", "round": n} for r in got]
        gold.update({f"{n}:{k}": v for k, v in read_labels(labels).items()})
    return rows, gold


def cross_validate(rows: list[dict[str, Any]], gold: dict[str, str]) -> None:
    """5-fold x 5-shuffle CV of the selection procedure (pooled held-out counts), and choose-on-one-round,
    count-on-the-other (does a choice transfer to fresh sentences?)."""
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
    for n in sorted({r["round"] for r in rows}):
        train = [r for r in rows if r["round"] != n]
        if train:
            p = choose(train, gold)
            print(
                f"chosen without round {n}: {p}; on round {n}: {counts([r for r in rows if r['round'] == n], gold, p)}"
            )


def inner_proxy_cached(data_dir: Path, cached: bool) -> dict[tuple[float, float], float]:
    """``inner_proxy``, read from / written to the cache (it depends only on the shipped model and the grid)."""
    path = CACHE_DIR / "claims_inner_proxy_v1.json"
    if cached and path.is_file():
        got = json.loads(path.read_text(encoding="utf-8"))
        return {(a, b): v for a, b, v in got}
    out = inner_proxy(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([[a, b, v] for (a, b), v in out.items()]), encoding="utf-8")
    return out


def inner_proxy(data_dir: Path) -> dict[tuple[float, float], float]:
    """Training-side check of the claim settings: on CheckThat's 830 training sentences, the share OBJ among those
    a setting calls claim, with out-of-fold subjectivity (3x5-fold, the shipped bases refitted per fold as in
    ``training.claims_kinds``) and the ClaimBuster head's check-worthiness (unseen by it)."""
    from newsprism.claims.model import MODEL_DIR, ClaimsModel
    from newsprism.training.claims import SUBJECTIVITY, TaskTrainer, _emb, load_sets, meta_oof, warm_embeddings
    from newsprism.training.claims_kinds import _specs_of

    sets = load_sets(data_dir, 13)
    warm_embeddings([sets["subj_train"], sets["babe"]])
    model = ClaimsModel.load(MODEL_DIR)
    specs = _specs_of(model.meta["heads"]["subjectivity"])
    rows = sets["subj_train"]
    tt = TaskTrainer(SUBJECTIVITY, rows, sets["babe"], 13)
    tt.run_inner(only=specs)
    z = [np.column_stack([tt.oof[s][r] for s in specs]) for r in range(SUBJECTIVITY.repeats)]
    subj = np.mean(meta_oof(z, tt.y, 13), axis=0)
    cw = model.heads["checkworthiness"].predict([r.text for r in rows], _emb(rows))
    out = {}
    for below, from_ in sorted({(p["claim_below"], p["claim_cw"]) for p in GRID}):
        m = (cw >= from_) & (subj < below)
        out[(below, from_)] = float((tt.y[m] == 0).mean()) if m.any() else float("nan")
        print(f"inner CV: claim below {below}, check-worthiness from {from_}: share OBJ "
              f"{out[(below, from_)]:.3f} ({int(m.sum())})")  # fmt: skip
    for op_from, not_cw in sorted({(p["opinion_from"], p["opinion_not_checkworthy"]) for p in GRID}):
        m = (subj >= op_from) & ((cw < model.heads["checkworthiness"].threshold) | (not not_cw))
        out[(op_from, not_cw)] = float((tt.y[m] == 1).mean()) if m.any() else float("nan")
        print(f"inner CV: opinion from {op_from}, not check-worthy only {not_cw}: share SUBJ "
              f"{out[(op_from, not_cw)]:.3f} ({int(m.sum())})")  # fmt: skip
    return out


def main() -> int:
    from newsprism.bench.registry import default_data_dir

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cached", action="store_true", help="reuse the probe cache")
    ap.add_argument("--rounds", default="1,2,3,4", help="tuning rounds to read (default 1,2,3,4)")
    ap.add_argument("--inner", action="store_true", help=f"keep settings with inner-CV share OBJ >= {INNER_MIN}")
    args = ap.parse_args()
    data_dir = default_data_dir()
    if args.inner:
        proxy = inner_proxy_cached(data_dir, args.cached)
        GRID[:] = [
            p
            for p in GRID
            if proxy[(p["claim_below"], p["claim_cw"])] >= INNER_MIN
            and proxy[(p["opinion_from"], p["opinion_not_checkworthy"])] >= INNER_MIN_OPINION
        ]
    rows, gold = load_rounds(data_dir, [int(x) for x in args.rounds.split(",")], args.cached)
    cue_shares(data_dir)
    cross_validate(rows, gold)
    best = choose(rows, gold)
    print(f"chosen on all {len(rows)} rows:", best, counts(rows, gold, best))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
