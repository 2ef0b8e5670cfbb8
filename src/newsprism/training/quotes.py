"""``newsprism train quotes``: the attribution scorer (``models/quotes/confidence.json``; issue 19, session 9).

Label: a real quotation with the right content **and the right speaker**. Two kinds of tuning data, never the
bench's validation split:

- **PolNeAR's training part** (train + dev minus the bench's validation split, sorted, shuffled with
  ``random.Random(INNER_SEED)``): halves A and B (400 articles) fit, C (the rest, about 340) only checks. A
  candidate is right when its content and a content piece of one gold attribution share at least half of each and
  its source (the written source phrase, else the speaker mention) overlaps that attribution's source (or both
  have none). PolNeAR checks where the source is, not whom a pronoun names.
- **The judged items of the blind rounds** (``benchmarks/quotes_sample``: each round's sample and its first
  judge's judgements): the articles are re-analysed with the current code; an item whose span is still a
  quotation counts with its judgement (right on all three counts) when its speaker is unchanged, as wrong when it
  was judged no real quote or a wrong span, and not at all otherwise. Articles are split (seeded) into fit (half),
  calibrate (a quarter) and hold (a quarter).

The logistic regression is fitted on PolNeAR A+B and the judged fit part (weight :data:`JUDGED_WEIGHT`), Platt-
scaled on the judged calibrate part, and its shown threshold is the lowest whose precision on the judged calibrate
and hold parts together is at least :data:`THRESHOLD_AIM` (session 10; :data:`THRESHOLD_RULE`). Only candidates
a report could show are used (:func:`eligible`).
"""

from __future__ import annotations

import json
import random
import re
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsprism.metrics import trim_span
from newsprism.quotes.confidence import FEATURES, features, nested, probability, tree_value, vector
from newsprism.training.registry import trainer
from newsprism.training.trees import trees_json

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.language import Language
    from spacy.tokens import Doc

    from newsprism.datasets.polnear import PolnearDoc
    from newsprism.quotes.candidate import Candidate

INNER_SEED = 4  # the inner split of docs/quotes.md (rule choices use its first 400 articles)
SPLIT_SEED = 19  # the judged articles' fit / calibrate / hold split
C = 1.0
JUDGED_WEIGHT = 3.0  # a judged item counts as this many PolNeAR candidates (the target is the blind judgement)
TREES: dict[str, Any] = {
    "n_estimators": 150,
    "max_depth": 3,
    "learning_rate": 0.05,
    "subsample": 0.8,
    "random_state": 0,
}
AIM = 0.92  # issue 19: precision of shown quotations
# Aiming the choice higher than the 0.92 is what meets 0.92 out of sample: in 5-fold cross-validation by
# article over the judged calibrate + hold items (3 seeds), a threshold chosen for 0.94 on four folds showed
# 0.935 / 0.918 / 0.942 on the fifth, one chosen for 0.92 only 0.910 / 0.914 / 0.906 (session 10).
THRESHOLD_AIM = 0.94
THRESHOLD_RULE = (
    f"session 10: the lowest threshold at which the judged calibrate + hold parts together ({{n}} items) reach "
    f"precision {THRESHOLD_AIM}; aim {THRESHOLD_AIM} chosen by 5-fold cross-validation by article over those items"
    " (3 seeds; a threshold chosen for 0.94 on four folds showed 0.935 / 0.918 / 0.942 on the fifth, for 0.92 only"
    " 0.910 / 0.914 / 0.906)"
)
# The shipped scorer was fit on the judged items of rounds 1-8; round 9 is its blind measurement (0.930, session 10)
# and joins the tuning data at the next refit, when this number moves and the next round measures that refit.
LAST_TUNING_ROUND = 8
MIN_SHOWN = 40  # a threshold is chosen among those that still show this many held-out items
SAMPLES = Path(__file__).resolve().parents[3] / "benchmarks" / "quotes_sample"
CACHE = Path(tempfile.gettempdir()) / "newsprism_quotes_inner"  # the DocBin cache of scripts/quotes_inner_split.py

Data = tuple[list[list[float]], list[int], list[float]]  # vectors, labels, sample weights


@dataclass
class Judged:
    """One judged item of a blind round: where it is and whether it was right."""

    record_id: str
    start: int
    end: int
    speaker: str | None
    right: bool
    real_span: bool  # real quotation with the right span (the speaker aside)
    parts: list[tuple[int, int]] = field(default_factory=list)


def eligible(c: Candidate) -> bool:
    """What :func:`newsprism.quotes.confidence.speech` says of the record this candidate becomes."""
    if c.kind == "term" or c.extra.get("attitude"):
        return False
    if c.kind == "indirect" and c.extra.get("outlet_report"):
        return False
    if c.speaker is None and c.extra.get("source_start") is not None:
        return False
    return not (c.speaker is None and c.cue is None and not c.extra.get("interview"))


def attributions(ann: str) -> list[dict[str, list[tuple[int, int]]]]:
    """PolNeAR's attributions of one ``.ann`` file: each event's source, cue and content pieces."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    out: list[dict[str, list[tuple[int, int]]]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            pieces = [tuple(map(int, p.split())) for p in offsets.split(";") if re.fullmatch(r"\s*\d+ \d+\s*", p)]
            spans[parts[0]] = (label.lower(), [(a, b) for a, b in pieces])
        elif line.startswith("E") and len(parts) >= 2:
            att: dict[str, list[tuple[int, int]]] = {"source": [], "cue": [], "content": []}
            for arg in parts[1].split()[1:]:
                _, _, ref = arg.partition(":")
                kind, pieces_ = spans.get(ref, ("", []))
                if kind in att:
                    att[kind] += pieces_
            if att["content"]:
                out.append(att)
    return out


def _same_span(pred: tuple[int, int], gold: tuple[int, int]) -> bool:
    """Right span: the two share at least half of each (the seed gold's tolerance, both ways)."""
    ov = min(pred[1], gold[1]) - max(pred[0], gold[0])
    return ov >= 0.5 * (gold[1] - gold[0]) and ov >= 0.5 * (pred[1] - pred[0])


def _source_of(c: Candidate) -> tuple[int, int] | None:
    s, e = c.extra.get("source_start"), c.extra.get("source_end")
    if isinstance(s, int) and isinstance(e, int):
        return s, e
    return (c.speaker.start, c.speaker.end) if c.speaker is not None else None


def polnear_right(text: str, c: Candidate, gold: list[dict[str, list[tuple[int, int]]]]) -> bool:
    """Right content and right source for one gold attribution (trimmed as the bench trims)."""
    span = trim_span(text, (c.start, c.end))
    src = _source_of(c)
    src = trim_span(text, src) if src is not None else None
    for att in gold:
        if span is None or not any((g := trim_span(text, p)) and _same_span(span, g) for p in att["content"]):
            continue
        golds = [g for p in att["source"] if (g := trim_span(text, p))]
        if not golds and src is None:
            return True
        if src is not None and any(min(src[1], g[1]) > max(src[0], g[0]) for g in golds):
            return True
    return False


def scored(text: str, doc: Doc) -> list[tuple[Candidate, list[float]]]:
    """Every candidate a report could show, with the vector its confidence comes from (the quotation around a
    nested one, as :func:`newsprism.quotes.build.quotes_for` scores it)."""
    from newsprism.quotes.extract import extract

    raw = extract(text, doc)[0]
    quotes = [c for c in raw if c.kind != "term"]
    return [(c, vector(features(nested(c, quotes) or c, text))) for c in quotes if eligible(c)]


def polnear_labelled(pairs: Iterable[tuple[PolnearDoc, Doc, str]]) -> Data:
    """Vectors and labels (content and source right) of PolNeAR candidates; ``str`` is the ``.ann`` text."""
    xs: list[list[float]] = []
    ys: list[int] = []
    for d, sdoc, ann in pairs:
        gold = attributions(ann)
        quotes = scored(d.text, sdoc)
        for c, v in quotes:
            if nested(c, [q for q, _ in quotes]):
                continue  # part of the attribution around it (PolNeAR gives each token to one attribution)
            xs.append(v)
            ys.append(int(polnear_right(d.text, c, gold)))
    return xs, ys, [1.0] * len(ys)


def round_of(sample: Path) -> int:
    """The blind round a sample file holds: ``sample.jsonl`` is round 1, ``sample_r9.jsonl`` round 9."""
    m = re.fullmatch(r"sample(?:_r(\d+))?\.jsonl", sample.name)
    return int(m.group(1) or 1) if m else 0


def judged_items(root: Path = SAMPLES, last_round: int = LAST_TUNING_ROUND) -> list[Judged]:
    """The first judge's judgement of every item of rounds 1..``last_round`` (``sample*.jsonl`` with
    ``judgements*.jsonl``)."""
    out: list[Judged] = []
    for sample in sorted(root.glob("sample*.jsonl")):
        jpath = root / sample.name.replace("sample", "judgements")
        if not jpath.exists() or not 1 <= round_of(sample) <= last_round:
            continue
        items = {r["n"]: r for r in map(json.loads, sample.read_text(encoding="utf-8").splitlines()) if "n" in r}
        for j in map(json.loads, jpath.read_text(encoding="utf-8").splitlines()):
            it = items.get(j.get("n"))
            if it is None:
                continue
            real_span = bool(j.get("real_quote") and j.get("right_span"))
            parts = [(int(a), int(b)) for a, b in it.get("parts") or []]
            right = real_span and bool(j.get("right_speaker"))
            out.append(Judged(it["record_id"], it["start"], it["end"], it["speaker"], right, real_span, parts))
    return out


def judged_labelled(arts: Iterable[tuple[str, str, Doc]], items: list[Judged]) -> tuple[Data, list[str]]:
    """Vectors and labels of the judged items whose span the current code still finds, and their articles."""
    by_article: dict[str, list[Judged]] = {}
    for it in items:
        by_article.setdefault(it.record_id, []).append(it)
    xs: list[list[float]] = []
    ys: list[int] = []
    groups: list[str] = []
    for rid, text, doc in arts:
        found = {(c.start, c.end): (c, v) for c, v in scored(text, doc)}
        for it in by_article.get(rid, []):
            hit = next((found[s] for s in [(it.start, it.end), *it.parts] if s in found), None)
            if hit is None:
                continue
            c, v = hit
            name = c.speaker.cluster.name if c.speaker is not None else None
            if name != it.speaker and it.real_span:
                continue  # another speaker now: the judgement says nothing of it
            xs.append(v)
            ys.append(int(it.right if name == it.speaker else False))
            groups.append(rid)
    return (xs, ys, [JUDGED_WEIGHT] * len(ys)), groups


def split_groups(groups: list[str], seed: int = SPLIT_SEED) -> dict[str, set[str]]:
    """Articles of the judged items split into fit (half), calibrate and hold (a quarter each)."""
    ids = sorted(set(groups))
    random.Random(seed).shuffle(ids)
    q = len(ids) // 4
    return {"fit": set(ids[2 * q :]), "calibrate": set(ids[:q]), "hold": set(ids[q : 2 * q])}


def subset(data: Data, groups: list[str], keep: set[str]) -> Data:
    idx = [i for i, g in enumerate(groups) if g in keep]
    return [data[0][i] for i in idx], [data[1][i] for i in idx], [data[2][i] for i in idx]


def join(*parts: Data) -> Data:
    return [x for p in parts for x in p[0]], [y for p in parts for y in p[1]], [w for p in parts for w in p[2]]


def fit(train: Data, calib: Data, c: float = C) -> dict[str, Any]:
    """Logistic regression on ``train`` (with its sample weights), Platt scaling of its score on ``calib``."""
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=c, max_iter=5000)
    lr.fit(train[0], train[1], sample_weight=train[2])
    z = lr.decision_function(calib[0]).reshape(-1, 1)
    platt = LogisticRegression(C=1e6, max_iter=2000).fit(z, calib[1])
    return {
        "features": list(FEATURES),
        "coef": [round(float(w), 6) for w in lr.coef_[0]],
        "intercept": round(float(lr.intercept_[0]), 6),
        "platt_a": round(float(platt.coef_[0][0]), 6),
        "platt_b": round(float(platt.intercept_[0]), 6),
        "threshold": 0.5,
    }


def fit_trees(train: Data, calib: Data) -> dict[str, Any]:
    """A small gradient-boosted tree ensemble (:data:`TREES`) on ``train`` (with its sample weights), exported to
    JSON arrays, and Platt scaling of its score on ``calib``."""
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    gb = GradientBoostingClassifier(**TREES)
    gb.fit(train[0], train[1], sample_weight=train[2])
    trees, intercept = trees_json(gb, float(TREES["learning_rate"]), train[0][0])
    model: dict[str, Any] = {"features": list(FEATURES), "trees": trees, "intercept": intercept, "platt_a": 1.0}
    model["platt_b"] = 0.0
    z = [[model["intercept"] + sum(tree_value(t, x) for t in trees)] for x in calib[0]]
    platt = LogisticRegression(C=1e6, max_iter=2000).fit(z, calib[1])
    model["platt_a"] = round(float(platt.coef_[0][0]), 6)
    model["platt_b"] = round(float(platt.intercept_[0]), 6)
    model["threshold"] = 0.5
    return model


def choose_threshold(ps: list[float], ys: list[int], aim: float = AIM, min_shown: int = MIN_SHOWN) -> float:
    """The lowest threshold (a probability seen, rounded down to 4 decimals) at which the items shown reach
    precision ``aim``, among those that show at least ``min_shown`` items; 1.0 if none does."""
    ranked = sorted(zip(ps, ys, strict=True), reverse=True)
    best = 1.0
    right = 0
    for k, (p, y) in enumerate(ranked, 1):
        right += y
        last = k == len(ranked) or ranked[k][0] < p  # ties shown together
        if last and k >= min_shown and right / k >= aim:
            best = p
    return float(int(best * 10000)) / 10000


def measure(model: dict[str, Any], data: Data | tuple[list[list[float]], list[int]]) -> dict[str, float]:
    """Brier score, expected calibration error (10 bins), AUC, and precision/recall/share shown at the threshold."""
    from sklearn.metrics import brier_score_loss, roc_auc_score

    xs, ys = data[0], data[1]
    ps = [probability(model, x) for x in xs]
    bins: dict[int, list[tuple[float, int]]] = {}
    for p, y in zip(ps, ys, strict=True):
        bins.setdefault(min(9, int(p * 10)), []).append((p, y))
    ece = sum(abs(sum(p for p, _ in b) - sum(y for _, y in b)) for b in bins.values()) / len(ps)
    kept = [y for p, y in zip(ps, ys, strict=True) if p >= model["threshold"]]
    return {
        "n": float(len(ys)),
        "base_precision": round(sum(ys) / len(ys), 4),
        "brier": round(float(brier_score_loss(ys, ps)), 4),
        "ece": round(ece, 4),
        "auc": round(float(roc_auc_score(ys, ps)), 4),
        "precision_shown": round(sum(kept) / len(kept), 4) if kept else 0.0,
        "recall_shown": round(sum(kept) / sum(ys), 4) if sum(ys) else 0.0,
        "share_shown": round(len(kept) / len(ys), 4),
    }


def train_labelled(polnear: dict[str, Data], judged: Data, groups: list[str]) -> dict[str, Any]:
    """The model from labelled data: fit on PolNeAR A+B and the judged fit part, Platt on the judged calibrate
    part, threshold chosen on the judged hold part; measurements on the hold part and on PolNeAR C."""
    parts = split_groups(groups)
    jd = {k: subset(judged, groups, v) for k, v in parts.items()}
    model = fit_trees(join(polnear["A"], polnear["B"], jd["fit"]), jd["calibrate"])
    both = join(jd["calibrate"], jd["hold"])
    model["threshold"] = choose_threshold([probability(model, x) for x in both[0]], both[1], THRESHOLD_AIM)
    model["hold"] = measure(model, jd["hold"])
    model["calibrate"] = measure(model, jd["calibrate"])
    model["polnear_check"] = measure(model, polnear["C"])
    model["trained_on"] = (
        f"fit: PolNeAR inner A+B ({len(polnear['A'][1]) + len(polnear['B'][1])} candidates, random.Random"
        f"({INNER_SEED})) and judged blind-round items of {len(parts['fit'])} articles ({len(jd['fit'][1])} items, "
        f"weight {JUDGED_WEIGHT}); Platt: judged items of {len(parts['calibrate'])} other articles "
        f"({len(jd['calibrate'][1])}); hold: judged items of {len(parts['hold'])} further articles "
        f"({len(jd['hold'][1])}); threshold: see threshold_rule; split random.Random({SPLIT_SEED}) by article. "
        "Label: real quotation, right content and right speaker (PolNeAR: content and source of one gold attribution)"
    )
    model["calibrate_and_hold"] = measure(model, both)
    model["threshold_rule"] = THRESHOLD_RULE.format(n=len(both[1]))
    return model


def save(model: dict[str, Any], out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "confidence.json").write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")


def cached_docs(nlp: Language, texts: list[str], path: Path, *, pieces: bool = False) -> list[Doc]:
    """spaCy docs of ``texts``, from the DocBin at ``path`` when it holds exactly these texts, else parsed (the
    nlp stage's piecewise parse with ``pieces``) and written there."""
    from spacy.tokens import DocBin

    from newsprism.nlp.pieces import parse

    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(parse(nlp, texts, batch_size=8)) if pieces else list(nlp.pipe(texts, batch_size=16))
    db = DocBin(store_user_data=False)
    for d in docs:
        db.add(d)
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return docs


def polnear_halves(data_dir: Path, seed: int) -> dict[str, list[tuple[PolnearDoc, str]]]:
    """Inner halves A, B and C of PolNeAR's training part (the bench's validation split left out), with the
    ``.ann`` text of each article (the first annotator's file, as the bench reads it)."""
    from newsprism.bench.registry import BenchContext
    from newsprism.bench.task_quotes import split_files
    from newsprism.datasets.polnear import articles, load

    ctx = BenchContext(data_dir, seed=seed)
    validation = {t.stem for t, _ in split_files(replace(ctx, quick=False))}
    root = ctx.path("polnear")
    pool = {**articles(root / "train"), **articles(root / "dev")}
    names = sorted(n for n in pool if n not in validation)
    random.Random(INNER_SEED).shuffle(names)
    cuts = {"A": names[:200], "B": names[200:400], "C": names[400:]}
    return {k: [(load(*pool[n]), pool[n][1].read_text(encoding="utf-8")) for n in v] for k, v in cuts.items()}


def judged_articles(data_dir: Path, items: list[Judged]) -> dict[str, str]:
    """record id -> content_original of the AllSides articles of the judged items."""
    path = data_dir / "allsides" / "media_train_valid.jsonl"
    want = {it.record_id for it in items}
    out: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if str(d.get("ID")) in want:
                out[str(d["ID"])] = d.get("content_original") or ""
    return dict(sorted(out.items()))


@trainer("quotes")
def train(data_dir: Path, out_dir: Path, seed: int) -> dict[str, float]:
    """Quotation attribution scorer: logistic regression, Platt-calibrated (PolNeAR training part, judged items)."""
    from newsprism.options import load_options
    from newsprism.stages.nlp import pipeline

    nlp = pipeline(load_options().spacy_model)
    halves = polnear_halves(data_dir, seed)  # ``seed`` is the bench's validation-split seed, left out here
    polnear = {}
    for k, docs in halves.items():
        sdocs = cached_docs(nlp, [d.text for d, _ in docs], CACHE / f"{k}.spacy")
        polnear[k] = polnear_labelled((d, s, ann) for (d, ann), s in zip(docs, sdocs, strict=True))
    items = judged_items()
    texts = judged_articles(data_dir, items)
    sdocs = cached_docs(nlp, list(texts.values()), CACHE / "judged.spacy", pieces=True)
    judged, groups = judged_labelled(zip(texts, texts.values(), sdocs, strict=True), items)
    model = train_labelled(polnear, judged, groups)
    save(model, out_dir)
    return dict(model["hold"]) | {"threshold": model["threshold"]}
