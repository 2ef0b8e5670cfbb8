"""The conflicts evaluation of ``bench stories`` (issue 26): reported number/date conflicts against blind labels.

Three blind samples, drawn by scripts/draw_conflict_pairs.py from the validation triplets, hold candidate mention
pairs: round 1 (``conflict_pairs.jsonl``, labels ``conflict_labels_<who>.jsonl``), round 2
(``conflict_pairs_r2.jsonl``, labels ``conflict_labels_r2_<who>.jsonl``, drawn stratified: each row's ``weight``
makes precision and recall estimates over all candidate pairs of the draw's low bar) and round 3
(``conflict_pairs_r3.jsonl``, labels ``conflict_labels_r3_<who>.jsonl``: stratified like round 2, enriched for
pairs whose values differ) and round 4 (``conflict_pairs_r4.jsonl``, labels ``conflict_labels_r4_<who>.jsonl``:
round 3's method with a new seed, drawn after the round-4 rules were frozen) and round 5 (``conflict_pairs_r5.jsonl``,
labels ``conflict_labels_r5_<who>.jsonl``: round 3's method with ``s1`` widened to money pairs of one event,
scripts/draw_conflict_pairs_r5.py, drawn after the round-5 rules were frozen) and round 6 (``conflict_pairs_r6.jsonl``,
labels ``conflict_labels_r6_<who>.jsonl``: ``s1`` widened to every quantity type of one event,
scripts/draw_conflict_pairs_r6.py, drawn after the round-6 rules were frozen). A round without labels is skipped with
a note. Labels are ``conflict`` /
``compatible`` / ``different`` (docs/conflicts_judging.md), written blind; the gold label of a pair is labeller
``a``'s, else the first other labeller's. The articles of the sampled triplets are run through the nlp, quotes and
claims stages and compared once; a labelled pair counts as reported by a rule set when one of its conflicts has one
value overlapping each mention. Rule sets: the shipped rules (conflicts reports show, confidence >=
``SHOW_THRESHOLD``, and every conflict in the JSON), the round-1 rules (``compare.conflicts.ROUND1``: issue 26 as
of commit 10f56dd; rounds 2 and 3) and the rules of before issue 26 (:func:`~newsprism.compare.numbers.
legacy_conflicts`); the ids of the pairs each rule set reports are printed with their labels. Also Cohen's
kappa between labellers a and b on their shared pairs. Full runs only (the pipeline over ~100 articles is too slow
for ``--quick``).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from newsprism.bench.blind_labels import gold_labels, read_pair_labels
from newsprism.bench.registry import BenchContext, Metric, hash_files
from newsprism.bench.stories_claims import prf  # (precision, recall, reported count), one copy for both samples
from newsprism.bench.task_stories import TASK, basil_article, basil_files
from newsprism.model import Article, NumberConflict

SAMPLES = Path(__file__).resolve().parents[3] / "benchmarks" / "samples"
SAMPLE = "conflict_pairs.jsonl"
SAMPLE_R2 = "conflict_pairs_r2.jsonl"
SAMPLE_R3 = "conflict_pairs_r3.jsonl"
SAMPLE_R4, SAMPLE_R5, SAMPLE_R6 = "conflict_pairs_r4.jsonl", "conflict_pairs_r5.jsonl", "conflict_pairs_r6.jsonl"
PREFIX, PREFIX_R2, PREFIX_R3 = "conflict_labels_", "conflict_labels_r2_", "conflict_labels_r3_"
PREFIX_R4, PREFIX_R5, PREFIX_R6 = "conflict_labels_r4_", "conflict_labels_r5_", "conflict_labels_r6_"
ROUNDS = {1: (SAMPLE, PREFIX), 2: (SAMPLE_R2, PREFIX_R2), 3: (SAMPLE_R3, PREFIX_R3), 4: (SAMPLE_R4, PREFIX_R4)}
ROUNDS[5] = (SAMPLE_R5, PREFIX_R5)
ROUNDS[6] = (SAMPLE_R6, PREFIX_R6)
"""round -> (sample, label file prefix)"""
_LATER = re.compile(r"r\d+_")  # a later round's labeller name in round 1's prefix
RULE_SETS = ("shown", "all", "round1", "round1_all", "old")
PRINTED_SETS = ("round5", "round5_all")
"""Rule sets printed next to the pinned ones but not pinned: the rules scored on round 5 (``ROUND5``)."""
LABELS = ("conflict", "compatible", "different")
# left out of the draw (it hung the claims stage at 9d2c9c5: fact_span's endless head walk, fixed in a2a5e79) and so
# out of the scored stories too, so that their claim groups are the ones the sample was drawn from
SKIPPED = {"d16050b3-979f-4834-90db-b8823691b87e_2"}
Found = dict[str, dict[str, list[NumberConflict]]]  # story -> rule set -> conflicts


def read_labels(samples: Path = SAMPLES, round_: int = 1) -> dict[str, dict[int, str]]:
    """``{labeller: {pair: label}}`` of one round: ``conflict_labels_<who>.jsonl`` (round 1; later rounds' ``r<n>_*``
    left out) or ``conflict_labels_r<n>_<who>.jsonl`` (round n >= 2)."""
    labels = read_pair_labels(samples, ROUNDS[round_][1], LABELS)
    return labels if round_ != 1 else {w: v for w, v in labels.items() if not _LATER.match(w)}


def label_files(samples: Path, round_: int) -> list[Path]:
    """The label files of one round (for the data hash)."""
    prefix = ROUNDS[round_][1]
    files = sorted(samples.glob(f"{prefix}*.jsonl"))
    return files if round_ != 1 else [p for p in files if not _LATER.match(p.stem.removeprefix(prefix))]


def cohen_kappa(x: list[str], y: list[str]) -> float:
    """Cohen's kappa of two labellings of the same items (1.0 when both use one identical label)."""
    n = len(x)
    if n == 0:
        return float("nan")
    observed = sum(a == b for a, b in zip(x, y, strict=True)) / n
    cx, cy = Counter(x), Counter(y)
    expected = sum(cx[k] * cy[k] for k in set(cx) | set(cy)) / (n * n)
    return 1.0 if expected == 1.0 else (observed - expected) / (1.0 - expected)


def _overlap(side: dict[str, Any], article: str, start: int, end: int) -> bool:
    return side["_id"] == article and int(side["mention_start"]) < end and start < int(side["mention_end"])


def reported(row: dict[str, Any], conflicts: list[NumberConflict]) -> bool:
    """Whether one conflict has a value on each of the pair's two mentions."""
    for c in conflicts:
        v = c.values
        if len(v) < 2:
            continue
        x, y = (v[0].article, v[0].start, v[0].end), (v[1].article, v[1].start, v[1].end)
        if (_overlap(row["a"], *x) and _overlap(row["b"], *y)) or (_overlap(row["a"], *y) and _overlap(row["b"], *x)):
            return True
    return False


def weighted_prf(pred: list[bool], gold: list[bool], weights: list[float]) -> tuple[float, float]:
    """Sample-weighted (precision, recall): each pair counts its sampling weight; 0 when nothing is reported."""
    rows = list(zip(pred, gold, weights, strict=True))
    tp = sum(w for p, g, w in rows if p and g)
    n_pred, n_gold = sum(w for p, _, w in rows if p), sum(w for _, g, w in rows if g)
    return (tp / n_pred if n_pred else 0.0), (tp / n_gold if n_gold else 0.0)


def story_conflicts(articles: list[Article]) -> dict[str, list[NumberConflict]]:
    """The conflicts of one story's analysed articles by rule set: ``new`` (shipped), ``round1``, ``old``."""
    from newsprism.compare.align import claim_groups
    from newsprism.compare.conflicts import ROUND1, ROUND5, find_conflicts
    from newsprism.compare.numbers import legacy_conflicts
    from newsprism.nlp import embed

    _groups, units, pairs = claim_groups(articles, lambda texts: embed(texts, name="minilm"))
    return {
        "new": find_conflicts(pairs, units),
        "round1": find_conflicts(pairs, units, ROUND1),
        "round5": find_conflicts(pairs, units, ROUND5),
        "old": legacy_conflicts(pairs),
    }


def _analysed(ctx: BenchContext, rows: list[dict[str, Any]]) -> dict[str, list[Article]]:
    from newsprism.pipeline import Pipeline

    wanted = {str(r["story"]) for r in rows}
    pipe = Pipeline(stages=["nlp", "quotes", "claims"])
    out: dict[str, list[Article]] = {}
    for path in basil_files(ctx.data_dir):
        art, story = basil_article(path)
        if story in wanted and art.id not in SKIPPED:
            out.setdefault(story, []).append(pipe(art))
    return out


def predictions(rows: list[dict[str, Any]], found: Found) -> dict[str, list[bool]]:
    """Per rule set, whether each row is reported: ``shown``/``all`` (shipped rules, shown in reports / in the
    JSON), ``round1``/``round1_all`` (the round-1 rules), ``round5``/``round5_all`` (the round-5 rules) and ``old``
    (before issue 26)."""
    from newsprism.compare.conflicts import SHOW_THRESHOLD

    def pick(row: dict[str, Any], key: str, shown: bool) -> list[NumberConflict]:
        cs = found.get(str(row["story"]), {}).get(key, [])
        return [c for c in cs if (c.confidence or 0) >= SHOW_THRESHOLD] if shown else cs

    sets = {"shown": ("new", True), "all": ("new", False), "round1": ("round1", True)}
    sets.update({"round1_all": ("round1", False), "old": ("old", False)})
    sets.update({"round5": ("round5", True), "round5_all": ("round5", False)})
    return {name: [reported(r, pick(r, key, shown)) for r in rows] for name, (key, shown) in sets.items()}


def _kappa(labels: dict[str, dict[int, str]]) -> tuple[float | None, int]:
    shared = sorted(set(labels.get("a", {})) & set(labels.get("b", {})))
    if not shared:
        return None, 0
    return cohen_kappa([labels["a"][k] for k in shared], [labels["b"][k] for k in shared]), len(shared)


def round1_values(rows: list[dict[str, Any]], truth: list[bool], pred: dict[str, list[bool]]) -> dict[str, float]:
    """Round 1's metrics (unweighted; names as pinned since session 6)."""
    values: dict[str, float] = {}
    for name, key in (("conflicts", "shown"), ("conflicts_all", "all"), ("conflicts_old", "old")):
        p, rec, n = prf(pred[key], truth)
        values.update({f"{name}_precision": p, f"{name}_recall": rec, f"{name}_reported": float(n)})
    values["conflicts_gold"] = float(sum(truth))
    return values


def round2_values(rows: list[dict[str, Any]], truth: list[bool], pred: dict[str, list[bool]]) -> dict[str, float]:
    """Round 2's metrics (:func:`weighted_values` named ``conflicts_r2_*``)."""
    return weighted_values(2, rows, truth, pred)


def weighted_values(
    round_: int, rows: list[dict[str, Any]], truth: list[bool], pred: dict[str, list[bool]]
) -> dict[str, float]:
    """A stratified round's metrics (``conflicts_r<round>_*``): sample-weighted precision and recall per rule set,
    reported counts, unweighted P/R of the shipped rules, and the labelled conflicts (count, and weighted share of
    the candidate pairs)."""
    name = f"conflicts_r{round_}"
    weights = [float(r.get("weight", 1.0)) for r in rows]
    values: dict[str, float] = {}
    for key in RULE_SETS:
        p, rec = weighted_prf(pred[key], truth, weights)
        values.update({f"{name}_{key}_precision": p, f"{name}_{key}_recall": rec})
        values[f"{name}_{key}_reported"] = float(sum(pred[key]))
    for key in ("shown", "all"):
        p, rec, _ = prf(pred[key], truth)
        values.update({f"{name}_{key}_precision_unweighted": p, f"{name}_{key}_recall_unweighted": rec})
    values[f"{name}_gold"] = float(sum(truth))
    values[f"{name}_gold_share"] = sum(w for w, t in zip(weights, truth, strict=True) if t) / sum(weights)
    printed = {k: weighted_prf(pred[k], truth, weights) for k in PRINTED_SETS if k in pred}
    print(
        f"conflicts round {round_} ({len(rows)} labelled, {sum(truth)} conflict; weighted): "
        + "; ".join(
            f"{k} P {values[f'{name}_{k}_precision']:.3f} R {values[f'{name}_{k}_recall']:.3f} "
            f"({sum(pred[k])} reported)"
            for k in RULE_SETS
        )
        + "".join(f"; {k} (not pinned) P {p:.3f} R {r:.3f} ({sum(pred[k])} reported)" for k, (p, r) in printed.items()),
        file=sys.stderr,
    )
    return values


def reported_pairs(rows: list[dict[str, Any]], gold: dict[int, str], pred: dict[str, list[bool]]) -> list[str]:
    """One line per rule set: the ids of the pairs it reports, each with its gold label (so that false reports can
    be classed after scoring)."""
    lines = []
    for key in RULE_SETS + tuple(k for k in PRINTED_SETS if k in pred):
        ids = [f"{int(r['pair'])} ({gold[int(r['pair'])]})" for r, hit in zip(rows, pred[key], strict=True) if hit]
        lines.append(f"{key}: " + (", ".join(ids) if ids else "none"))
    return lines


def _load(samples: Path, round_: int) -> tuple[dict[str, dict[int, str]], dict[int, str], list[dict[str, Any]]]:
    """(labels, gold, labelled rows) of one round; no rows without labels or sample."""
    name = ROUNDS[round_][0]
    labels = read_labels(samples, round_)
    gold = gold_labels(labels)
    if not gold or not (samples / name).is_file():
        return labels, gold, []
    rows = [json.loads(x) for x in (samples / name).read_text(encoding="utf-8").splitlines() if x.strip()]
    rows = [r for r in rows if int(r["pair"]) in gold]
    for r in rows:
        for side in ("a", "b"):
            r[side]["_id"] = Path(r[side]["record"]).stem
    return labels, gold, rows


def evaluate_conflicts(ctx: BenchContext, samples: Path = SAMPLES) -> list[Metric]:
    """Conflict precision/recall of each round and rule set, and labeller agreement; [] without labels or in quick
    runs. A round whose sample has no labels yet is skipped with a one-line note."""
    if ctx.quick or ctx.split == "test":
        return []
    rounds = {r: _load(samples, r) for r in ROUNDS}
    for r, (_, _, rows) in rounds.items():
        if not rows and (samples / ROUNDS[r][0]).is_file():
            print(f"conflicts round {r}: no labels ({ROUNDS[r][1]}*.jsonl) yet, skipped", file=sys.stderr)
    rounds = {r: v for r, v in rounds.items() if v[2]}
    if not rounds:
        return []
    stories = _analysed(ctx, [row for _, _, rows in rounds.values() for row in rows])
    found = {g: story_conflicts(arts) for g, arts in stories.items()}
    out: list[Metric] = []
    for r, loaded in rounds.items():
        out += round_metrics(ctx, samples, r, loaded, found)
    return out


def round_metrics(
    ctx: BenchContext,
    samples: Path,
    round_: int,
    loaded: tuple[dict[str, dict[int, str]], dict[int, str], list[dict[str, Any]]],
    found: Found,
) -> list[Metric]:
    """One round's metrics from its (labels, gold, rows) and the stories' conflicts; prints the reported pairs."""
    labels, gold, rows = loaded
    truth = [gold[int(row["pair"])] == "conflict" for row in rows]
    pred = predictions(rows, found)
    values = round1_values(rows, truth, pred) if round_ == 1 else weighted_values(round_, rows, truth, pred)
    for line in reported_pairs(rows, gold, pred):
        print(f"conflicts round {round_} reported pairs, {line}", file=sys.stderr)
    kappa, n_shared = _kappa(labels)
    if kappa is not None:
        values["conflicts_kappa_ab" if round_ == 1 else f"conflicts_r{round_}_kappa_ab"] = kappa
    sample = samples / ROUNDS[round_][0]
    data_hash = hash_files([*basil_files(ctx.data_dir), sample, *label_files(samples, round_)])
    return [
        Metric(task=TASK, name=k, value=round(v, 4), n=n_shared if k.endswith("kappa_ab") else len(rows),
               split=ctx.split, data_hash=data_hash)
        for k, v in values.items()
    ]  # fmt: skip
