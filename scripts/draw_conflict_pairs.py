"""Draw the blind number/date conflict sample: candidate mention pairs from BASIL validation triplets (issue 26).

    .venv/bin/python scripts/draw_conflict_pairs.py            # writes benchmarks/samples/conflict_pairs.jsonl
    .venv/bin/python scripts/draw_conflict_pairs.py --check    # redraws and compares with the committed file
    .venv/bin/python scripts/draw_conflict_pairs.py --round 2  # round 2: benchmarks/samples/conflict_pairs_r2.jsonl
    .venv/bin/python scripts/draw_conflict_pairs.py --round 3  # round 3: benchmarks/samples/conflict_pairs_r3.jsonl
    .venv/bin/python scripts/draw_conflict_pairs.py --round 4  # round 4: benchmarks/samples/conflict_pairs_r4.jsonl

The committed sample was drawn with the package as of commit 9d2c9c5 (before issue 26 changed the claims stage's
dates and numbers and the comparison's conflicts): to reproduce it, ``git worktree add /tmp/wt 9d2c9c5`` and run
with ``PYTHONPATH=/tmp/wt/src``. One validation article (``SKIPPED``) did not finish the claims stage in 90 s
at that commit (a pipeline hang, reported in issue 26's report) and is left out.

Triplets: the validation half of ``bench stories`` (``split_triplets`` with seed ``SPLIT_SEED``; never the tuning
half, never the test split). Each article is run through the ``nlp``, ``quotes`` and ``claims`` stages as shipped
before issue 26.

Candidates (a LOW bar, so that what the new code must find and must reject are both in the sample):

* every pair the comparison's number-conflict rules of before issue 26 report (``claim_groups`` +
  ``number_conflicts``, now ``legacy_conflicts``), with their mention offsets; and
* any two mentions in sentences of two different articles of the same triplet, both numbers or both dates, whose
  sentences share at least ``MIN_SHARED`` content words or whose mentions share a unit / the word they count.
  Mentions are spaCy's DATE, TIME, CARDINAL, MONEY, PERCENT and QUANTITY entities plus the comparison's and the
  claims stage's number and date expressions (overlaps merged to the longest).

Rows: all rule pairs, then pairs drawn by ``numpy.random.default_rng(DRAW_SEED)``: half of the rest from the
related stratum (relatedness >= ``STRONG``), half from the others, at most ``PER_STORY`` drawn pairs a triplet;
rows are numbered in a seeded shuffled order so that the rule pairs are not recognisable by position.

Each row holds references only (article text is never copied into the repo): ``record`` (the BASIL file, relative
to the data dir), ``start``/``end`` (the sentence), ``mention_start``/``mention_end`` (character offsets into the
article body as ``bench stories`` builds it) and ``sha`` (first 12 hex digits of the SHA-256 of the body, so a
changed dataset is detected). No prediction or verdict of any rule is stored. Labelling guide:
docs/conflicts_judging.md; viewer: scripts/show_conflict_pairs.py.

Round 2 (``--round 2``, issue 26; writes benchmarks/samples/conflict_pairs_r2.jsonl, seed ``R2_SEED``): ~300 NEW
pairs from the same validation triplets (``SKIPPED`` left out again), drawn before the round-2 rule changes and
with a bar that uses no conflict rule and no claims-stage output: only the ``nlp`` stage (sentences, spaCy
entities), the regex mentions of ``compare.numbers`` and MiniLM sentence cosines. Candidates: two mentions in two
articles of one triplet with the same quantity type (number, money, percent, date), whose sentences have cosine
>= ``R2_LOW`` or whose mentions are followed by the same word (the counted noun); every pair overlapping a round-1
pair is left out. Strata (``stratum``, with the row's ``weight`` = stratum pool / stratum draw, for sample-weighted
precision and recall): ``same_unit_similar`` (same unit — money, percent, date, or a number's same counted noun —
and cosine >= ``R2_SIMILAR``), ``unit_or_similar`` (same unit with cosine >= ``R2_LOW``, or cosine >=
``R2_SIMILAR``) and ``low`` (the rest), ``R2_SIZES`` pairs each by simple random sampling; rows numbered in a
seeded shuffle.

Round 3 (``--round 3``, issue 26; writes benchmarks/samples/conflict_pairs_r3.jsonl, seed ``R3_SEED``): ~300 NEW
pairs from the same validation triplets (no pair overlapping a round-1 or round-2 pair), ENRICHED for likely real
conflicts, still without any conflict rule, claims-stage output or claims-stage code: round 2's mentions, cosines
and low bar (the "same noun" there also when spaCy's parse, read here directly, gives both mentions the same
counted-noun lemma: the noun the mention hangs on, else the first noun within three tokens after it). Each mention
gets a plain reading (``number_value``: "$1.2 million" 1.2e6, "two dozen" 24; ``date_value``: "YYYY", "YYYY-MM" or
"YYYY-MM-DD", a weekday being the last such day on or before the article's date). Strata (neutral names, so that
a labeller who sees them learns nothing): ``s1`` values differ, same noun and cosine >= ``R3_TOP``; ``s2`` values
differ and (same noun or cosine >= ``R3_MID``); ``s3`` the rest of the bar. For money, percent and dates "same
noun" holds unless both parses name a noun and the nouns differ; values "differ" only when both are read (dates:
neither reading a prefix of the other). ``R3_SIZES`` pairs each by simple random sampling, a stratum's shortfall
passed to the next; ``weight`` = pool / drawn on every row; rows numbered in a seeded shuffle.

Round 4 (``--round 4``, issue 26; writes benchmarks/samples/conflict_pairs_r4.jsonl, seed ``R4_SEED``): round 3's
method unchanged (same validation triplets, mentions, bar, readings, strata and sizes ``R3_SIZES``, shortfall
carried over), with a new seed and every pair overlapping a round-1, 2 or 3 pair left out; drawn after the rules
were frozen, before any rule ran on it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.bench.registry import default_data_dir
from newsprism.bench.task_stories import basil_article, basil_files, split_triplets
from newsprism.model import Article

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "samples" / "conflict_pairs.jsonl"
SPLIT_SEED = 13  # bench stories' seed: its validation half
DRAW_SEED = 26  # this draw's own seed (issue 26)
SIZE = 200
MIN_SHARED = 2
STRONG = 4.0
PER_STORY = 8
R2_OUT = ROOT / "benchmarks" / "samples" / "conflict_pairs_r2.jsonl"
R2_SEED = 226
R2_LOW = 0.30
R2_SIMILAR = 0.50
R2_SIZES = {"same_unit_similar": 140, "unit_or_similar": 90, "low": 70}
R3_OUT = ROOT / "benchmarks" / "samples" / "conflict_pairs_r3.jsonl"
R3_SEED = 326
R3_TOP = 0.60
R3_MID = 0.50
R3_SIZES = {"s1": 150, "s2": 100, "s3": 50}  # a pool smaller than its size passes the rest to the next
R4_OUT = ROOT / "benchmarks" / "samples" / "conflict_pairs_r4.jsonl"
R4_SEED = 426
SKIPPED = {"d16050b3-979f-4834-90db-b8823691b87e_2"}  # hangs the claims stage at 9d2c9c5 (module docstring)
_LABELS = {"DATE": "date", "TIME": "date", "CARDINAL": "number", "MONEY": "number", "PERCENT": "number"}
_LABELS["QUANTITY"] = "number"
_STOP_WORDS = (
    "that this with from have has had were was will would could should their there they them then than what when "
    "which while who whom whose said says also been being about after before over under into more most some such "
    "only other just like because where these those very much many does did dont your ours here"
)
_STOP = set(_STOP_WORDS.split())
_WORD = re.compile(r"[a-z][a-z'-]{3,}")
_AFTER = re.compile(r"\s*(?:-\s*)?([A-Za-z][A-Za-z-]*)")


def body_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def content_words(text: str) -> set[str]:
    return {w.rstrip("s") for w in _WORD.findall(text.lower()) if w not in _STOP}


def head_after(text: str, end: int) -> str | None:
    m = _AFTER.match(text, end)
    if not m:
        return None
    w = m.group(1).lower()
    return None if w in _STOP or len(w) < 3 else w.rstrip("s")


def _mentions(art: Article) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every number/date mention, overlaps merged to the longest."""
    from newsprism.compare.numbers import find_dates, find_numbers

    raw = [(e.start, e.end, _LABELS[e.label]) for e in art.entities if e.label in _LABELS]
    raw += [(m.start, m.end, m.kind) for m in find_numbers(art.text) + find_dates(art.text)]
    for c in art.claims:
        raw += [(n.start, n.end, "number") for n in c.numbers] + [(d.start, d.end, "date") for d in c.dates]
    return _longest(raw)


def _longest(raw: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Mentions in text order, overlapping ones merged to the longest (the first on a tie)."""
    raw = sorted(raw, key=lambda x: (x[0], -(x[1] - x[0])))
    out: list[tuple[int, int, str]] = []
    for s, e, k in raw:
        if out and s < out[-1][1]:
            if e - s > out[-1][1] - out[-1][0]:
                out[-1] = (s, e, k)
            continue
        out.append((s, e, k))
    return out


def _sentence_of(art: Article, pos: int) -> tuple[int, int]:
    for s in art.sentences:
        if s.start <= pos < s.end:
            return s.start, s.end
    return pos, pos + 1


def rule_pairs(arts: list[Article]) -> list[tuple[tuple[str, int, int], tuple[str, int, int]]]:
    """The mention pairs the number-conflict rules of before issue 26 report on one triplet (``number_conflicts`` of
    9d2c9c5, kept as ``compare.numbers.legacy_conflicts``; the round-1 sample reproduces only at 9d2c9c5)."""
    from newsprism.compare.align import claim_groups
    from newsprism.compare.numbers import legacy_conflicts
    from newsprism.nlp import embed

    _groups, _units, pairs = claim_groups(arts, lambda texts: embed(texts, name="minilm"))
    out = []
    for c in legacy_conflicts(pairs):
        a, b = c.values[0], c.values[1]
        out.append(((a.article, a.start, a.end), (b.article, b.start, b.end)))
    return out


def low_bar_pairs(arts: list[Article]) -> list[tuple[float, tuple[str, int, int], tuple[str, int, int]]]:
    """(relatedness, mention a, mention b) over every cross-article mention pair above the low bar."""
    items = []
    for art in arts:
        for s, e, kind in _mentions(art):
            ss, se = _sentence_of(art, s)
            words = content_words(art.text[ss:se])
            items.append((art.id, s, e, kind, words, head_after(art.text, e)))
    out = []
    for i, x in enumerate(items):
        for y in items[i + 1 :]:
            if x[0] == y[0] or x[3] != y[3]:
                continue
            shared = len(x[4] & y[4])
            same_head = x[5] is not None and x[5] == y[5]
            if shared < MIN_SHARED and not same_head:
                continue
            out.append((shared + 3.0 * same_head, (x[0], x[1], x[2]), (y[0], y[1], y[2])))
    return out


def _overlaps(p: tuple[str, int, int], q: tuple[str, int, int]) -> bool:
    return p[0] == q[0] and p[1] < q[2] and q[1] < p[2]


def _pick(rng: np.random.Generator, pool: list[Any], n: int, per_story: dict[str, int]) -> list[Any]:
    got: list[Any] = []
    for k in rng.permutation(len(pool)):
        if len(got) >= n:
            break
        story = pool[int(k)][0]
        if per_story.get(story, 0) >= PER_STORY:
            continue
        per_story[story] = per_story.get(story, 0) + 1
        got.append(pool[int(k)])
    return got


def _analysed(
    data_dir: Path, stages: tuple[str, ...] = ("nlp", "quotes", "claims")
) -> tuple[dict[str, list[Article]], dict[str, Path]]:
    from newsprism.pipeline import Pipeline

    files = basil_files(data_dir)
    rows = [(basil_article(p), p) for p in files]
    _, val = split_triplets(sorted({g for (_, g), _ in rows}), SPLIT_SEED)
    keep = set(val)
    pipe = Pipeline(stages=list(stages))
    stories: dict[str, list[Article]] = {}
    paths: dict[str, Path] = {}
    for (art, g), p in rows:
        if g in keep and art.id not in SKIPPED:
            stories.setdefault(g, []).append(pipe(art))
            paths[art.id] = p
    return stories, paths


def draw(data_dir: Path, size: int = SIZE, seed: int = DRAW_SEED) -> list[dict[str, object]]:
    """The seeded draw described in the module docstring."""
    stories, paths = _analysed(data_dir)
    by_id = {a.id: a for arts in stories.values() for a in arts}
    rng = np.random.default_rng(seed)
    chosen: list[tuple[str, tuple[str, int, int], tuple[str, int, int]]] = []
    strong: list[Any] = []
    weak: list[Any] = []
    for g in sorted(stories):
        rules = rule_pairs(stories[g])
        chosen += [(g, a, b) for a, b in rules]
        for r, a, b in low_bar_pairs(stories[g]):
            if any((_overlaps(a, x) and _overlaps(b, y)) or (_overlaps(a, y) and _overlaps(b, x)) for x, y in rules):
                continue
            (strong if r >= STRONG else weak).append((g, a, b))
    per_story: dict[str, int] = {}
    rest = max(size - len(chosen), 0)
    chosen += _pick(rng, strong, rest // 2, per_story)
    chosen += _pick(rng, weak, size - len(chosen), per_story)
    rows = []
    for n, k in enumerate(rng.permutation(len(chosen)), 1):
        g, a, b = chosen[int(k)]
        rows.append(
            {
                "pair": n,
                "story": g,
                "a": _side(by_id[a[0]], a, paths, data_dir),
                "b": _side(by_id[b[0]], b, paths, data_dir),
            }
        )
    return rows


def quantity_type(label: str, text: str) -> str:
    """Round 2: the mention's quantity type (number, money, percent, date) from its label and text."""
    low = text.lower()
    if _LABELS.get(label, label) == "date":
        return "date"
    if label == "PERCENT" or "%" in text or "percent" in low:
        return "percent"
    if label == "MONEY" or any(c in text for c in "$€£") or "dollar" in low:
        return "money"
    return "number"


def mentions_r2(art: Article) -> list[tuple[int, int, str]]:
    """Round 2: (start, end, type) of spaCy's and the regex number/date mentions (no claims stage), overlaps merged
    to the longest."""
    from newsprism.compare.numbers import find_dates, find_numbers

    raw = [(e.start, e.end, e.label) for e in art.entities if e.label in _LABELS]
    raw += [(m.start, m.end, "date" if m.kind == "date" else "NUM") for m in find_numbers(art.text)]
    raw += [(m.start, m.end, "date") for m in find_dates(art.text)]
    return [(s, e, quantity_type(k, art.text[s:e])) for s, e, k in _longest(raw)]


def stratum_r2(kind: str, same_noun: bool, cos: float) -> str | None:
    """Round 2: the pair's stratum (module docstring), None below the low bar."""
    same_unit = kind != "number" or same_noun
    if cos < R2_LOW and not same_noun:
        return None
    if same_unit and cos >= R2_SIMILAR:
        return "same_unit_similar"
    if (same_unit and cos >= R2_LOW) or cos >= R2_SIMILAR:
        return "unit_or_similar"
    return "low"


Ref = tuple[str, int, int]


def _cross_pairs(
    arts: list[Article], seen: list[tuple[Ref, Ref]], mentions: Any = None
) -> list[tuple[tuple[Ref, str, str, str | None], tuple[Ref, str, str, str | None], float]]:
    """(mention a, mention b, sentence cosine) of one triplet's mentions in two articles with the same quantity
    type, pairs overlapping one in ``seen`` left out; a mention is (ref, type, sentence, word after)."""
    from newsprism.nlp import embed

    items = []
    for art in arts:
        for s, e, kind in (mentions or mentions_r2)(art):
            ss, se = _sentence_of(art, s)
            items.append(((art.id, s, e), kind, art.text[ss:se], head_after(art.text, e)))
    texts = sorted({x[2] for x in items})
    vecs = dict(zip(texts, embed(texts, name="minilm"), strict=True)) if texts else {}
    out = []
    for i, x in enumerate(items):
        for y in items[i + 1 :]:
            if x[0][0] == y[0][0] or x[1] != y[1]:
                continue
            a, b = x[0], y[0]
            if any((_overlaps(a, p) and _overlaps(b, q)) or (_overlaps(a, q) and _overlaps(b, p)) for p, q in seen):
                continue
            out.append((x, y, float(np.dot(vecs[x[2]], vecs[y[2]]))))
    return out


def candidates_r2(arts: list[Article], seen: list[tuple[Ref, Ref]]) -> list[tuple[str, Ref, Ref]]:
    """Round 2: (stratum, mention a, mention b) of one triplet above the low bar, round-1 pairs (``seen``) left out."""
    out = []
    for x, y, cos in _cross_pairs(arts, seen):
        stratum = stratum_r2(x[1], x[3] is not None and x[3] == y[3], cos)
        if stratum is not None:
            out.append((stratum, x[0], y[0]))
    return out


def round1_pairs(path: Path = OUT) -> dict[str, list[tuple[Ref, Ref]]]:
    """The round-1 sample's mention pairs by triplet (article id = the record's file stem)."""
    out: dict[str, list[tuple[Ref, Ref]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        a, b = (
            (Path(str(s["record"])).stem, int(s["mention_start"]), int(s["mention_end"])) for s in (row["a"], row["b"])
        )
        out.setdefault(str(row["story"]), []).append((a, b))
    return out


def draw_round2(data_dir: Path, seed: int = R2_SEED) -> list[dict[str, object]]:
    """Round 2's stratified draw (module docstring); each row carries its stratum and sampling weight."""
    stories, paths = _analysed(data_dir, stages=("nlp",))
    seen = round1_pairs()
    pools: dict[str, list[tuple[str, Ref, Ref]]] = {k: [] for k in R2_SIZES}
    for g in sorted(stories):
        for stratum, a, b in candidates_r2(stories[g], seen.get(g, [])):
            pools[stratum].append((g, a, b))
    return _stratified_rows(stories, paths, data_dir, pools, R2_SIZES, seed)


def _stratified_rows(
    stories: dict[str, list[Article]],
    paths: dict[str, Path],
    data_dir: Path,
    pools: dict[str, list[tuple[str, Ref, Ref]]],
    sizes: dict[str, int],
    seed: int,
    carry_over: bool = False,
) -> list[dict[str, object]]:
    """A simple random sample of ``sizes[k]`` pairs from each pool (in ``sizes``' order; with ``carry_over`` a
    pool's shortfall is added to the next one's size), rows numbered in a seeded shuffle, each with its stratum
    and weight (= pool / drawn)."""
    by_id = {a.id: a for arts in stories.values() for a in arts}
    rng = np.random.default_rng(seed)
    chosen: list[tuple[str, float, tuple[str, Ref, Ref]]] = []
    short = 0
    for name, n in sizes.items():
        pool = pools[name]
        take = min(n + short, len(pool))
        short = n + short - take if carry_over else 0
        print(f"stratum {name}: {len(pool)} candidates, {take} drawn", file=sys.stderr)
        for k in sorted(rng.choice(len(pool), size=take, replace=False).tolist()):
            chosen.append((name, round(len(pool) / take, 4), pool[int(k)]))
    rows: list[dict[str, object]] = []
    for n, k in enumerate(rng.permutation(len(chosen)), 1):
        name, weight, (g, a, b) = chosen[int(k)]
        rows.append(
            {
                "pair": n,
                "story": g,
                "stratum": name,
                "weight": weight,
                "a": _side(by_id[a[0]], a, paths, data_dir),
                "b": _side(by_id[b[0]], b, paths, data_dir),
            }
        )
    return rows


_UNITS_WORDS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
_WORD_NUM = {w: i for i, w in enumerate([*_UNITS_WORDS.split(), "seventeen", "eighteen", "nineteen", "twenty"])}
_WORD_NUM.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90})
_WORD_NUM.update({"dozen": 12, "hundred": 100})
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9}
_NUM_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+")
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_ISO = re.compile(r"\d{4}(?:-\d\d){0,2}")
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def number_value(text: str) -> float | None:
    """Round 3: the first value a number/money/percent mention states ("$1.2 million" 1.2e6, "two dozen" 24,
    "19" 19), by a plain reading of its words (no claims-stage or conflict code); None when it names none."""
    value: float | None = None
    for tok in _NUM_TOKEN.findall(text.lower().replace("-", " ")):
        if tok[0].isdigit() or tok in _WORD_NUM:
            num = float(tok.replace(",", "")) if tok[0].isdigit() else float(_WORD_NUM[tok])
            if value is not None and tok in ("dozen", "hundred"):
                value *= num
            elif value is None:
                value = num
            else:
                break
        elif tok in _SCALE:
            value = _SCALE[tok] * (1.0 if value is None else value)
        elif value is not None:
            break
    return value


def date_value(text: str, published: str | None) -> str:
    """Round 3: a plain reading of a date mention as "YYYY", "YYYY-MM", "YYYY-MM-DD" (a weekday: the last such day
    on or before ``published``; "today"/"yesterday" from it), else its lower-cased words (no claims-stage code)."""
    import datetime as dt

    low = text.lower()
    pub = dt.date.fromisoformat(published[:10]) if published and re.match(r"\d{4}-\d\d-\d\d", published) else None
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", low)
    month = next((i + 1 for i, m in enumerate(_MONTHS) if re.search(rf"\b{m}[a-z]*\.?", low)), None)
    day = re.search(r"\b([12]?\d|3[01])(?:st|nd|rd|th)?\b", re.sub(r"\b(1[89]|20)\d\d\b", "", low))
    y = year.group(1) if year else (str(pub.year) if pub and month else None)
    if month and day and y:
        return f"{y}-{month:02d}-{int(day.group(1)):02d}"
    if month and y:
        return f"{y}-{month:02d}"
    shift = {"today": 0, "yesterday": 1, "tonight": 0}
    if pub is not None:
        wd = next((i for i, w in enumerate(_WEEKDAYS) if w in low), None)
        back = (pub.weekday() - wd) % 7 if wd is not None else next((v for k, v in shift.items() if k in low), None)
        if back is not None:
            return (pub - dt.timedelta(days=back)).isoformat()
    return y if y else " ".join(low.split())


def values_differ(kind: str, a: str, b: str) -> bool:
    """Round 3: do two mentions' plain readings differ? Numbers: both read and unequal; dates: both read as a year,
    month or day, unequal, and neither a prefix of the other ("2012" vs "2012-11-13" agree)."""
    if kind == "date":
        read = all(_ISO.fullmatch(x) for x in (a, b))
        return read and a != b and not (a.startswith(b) or b.startswith(a))
    x, y = number_value(a), number_value(b)
    return x is not None and y is not None and abs(x - y) > 1e-9 * max(abs(x), abs(y))


def counted_lemma(doc: Any, start: int, end: int) -> str | None:
    """Round 3: lemma of the noun a mention counts, read from spaCy's parse directly: the noun the mention's last
    token hangs on, else the first noun within three tokens after it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    last = span[-1]
    if last.head.pos_ in ("NOUN", "PROPN") and not (span.start <= last.head.i < span.end):
        return str(last.head.lemma_).lower()
    for tok in doc[span.end : span.end + 3]:
        if tok.pos_ in ("NOUN", "PROPN"):
            return str(tok.lemma_).lower()
    return None


def stratum_r3(differ: bool, same_noun: bool, cos: float) -> str:
    """Round 3: the pair's stratum (module docstring); every pair above round 2's low bar has one."""
    if differ and same_noun and cos >= R3_TOP:
        return "s1"
    if differ and (same_noun or cos >= R3_MID):
        return "s2"
    return "s3"


def candidates_r3(arts: list[Article], seen: list[tuple[Ref, Ref]]) -> list[tuple[str, Ref, Ref]]:
    """Round 3: (stratum, mention a, mention b) of one triplet above round 2's low bar, ``seen`` pairs left out."""
    from newsprism.nlp import load_spacy

    nlp = load_spacy()
    docs = {a.id: nlp(a.text) for a in arts}
    by_id = {a.id: a for a in arts}
    out = []
    for x, y, cos in _cross_pairs(arts, seen):
        (a, kind, _, after_a), (b, _, _, after_b) = x, y
        noun_a, noun_b = counted_lemma(docs[a[0]], a[1], a[2]), counted_lemma(docs[b[0]], b[1], b[2])
        same_noun = (after_a is not None and after_a == after_b) or (noun_a is not None and noun_a == noun_b)
        if stratum_r2(kind, same_noun, cos) is None:
            continue
        if kind != "number" and (noun_a is None or noun_b is None):
            same_noun = True  # money, percent, date: the unit is the thing unless both parses name a noun
        text_a, text_b = (by_id[m[0]].text[m[1] : m[2]] for m in (a, b))
        if kind == "date":
            text_a, text_b = date_value(text_a, by_id[a[0]].published), date_value(text_b, by_id[b[0]].published)
        out.append((stratum_r3(values_differ(kind, text_a, text_b), same_noun, cos), a, b))
    return out


def draw_round3(
    data_dir: Path, seed: int = R3_SEED, earlier: tuple[Path, ...] = (OUT, R2_OUT)
) -> list[dict[str, object]]:
    """Round 3's enriched stratified draw (module docstring); rows carry stratum and weight, as round 2's. Pairs
    overlapping one of the ``earlier`` samples are left out (round 4: rounds 1-3, with its own seed)."""
    stories, paths = _analysed(data_dir, stages=("nlp",))
    seen: dict[str, list[tuple[Ref, Ref]]] = {}
    for path in earlier:
        for g, pairs in round1_pairs(path).items():
            seen.setdefault(g, []).extend(pairs)
    pools: dict[str, list[tuple[str, Ref, Ref]]] = {k: [] for k in R3_SIZES}
    for g in sorted(stories):
        for stratum, a, b in candidates_r3(stories[g], seen.get(g, [])):
            pools[stratum].append((g, a, b))
    return _stratified_rows(stories, paths, data_dir, pools, R3_SIZES, seed, carry_over=True)


def _side(art: Article, m: tuple[str, int, int], paths: dict[str, Path], data_dir: Path) -> dict[str, object]:
    s, e = _sentence_of(art, m[1])
    return {
        "record": paths[art.id].relative_to(data_dir).as_posix(),
        "start": s,
        "end": max(e, m[2]),
        "mention_start": m[1],
        "mention_end": m[2],
        "sha": body_sha(art.text),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=None, help="benchmark data (default: ../shared/data)")
    ap.add_argument("--check", action="store_true", help="redraw and compare with the committed sample")
    ap.add_argument("--round", type=int, choices=(1, 2, 3, 4), default=1, help="which round's draw (default 1)")
    ap.add_argument("--seed", type=int, default=None, help="draw seed (default: the round's seed)")
    ap.add_argument("--out", type=Path, default=None, help="output file (default: the round's sample)")
    args = ap.parse_args()
    data_dir = args.data_dir or default_data_dir()
    if not (data_dir / "basil" / "articles").is_dir():
        print(f"error: {data_dir / 'basil' / 'articles'} not found", file=sys.stderr)
        return 2
    if args.round == 1:
        out, rows = args.out or OUT, draw(data_dir, seed=DRAW_SEED if args.seed is None else args.seed)
    elif args.round == 2:
        out, rows = args.out or R2_OUT, draw_round2(data_dir, seed=R2_SEED if args.seed is None else args.seed)
    elif args.round == 3:
        out, rows = args.out or R3_OUT, draw_round3(data_dir, seed=R3_SEED if args.seed is None else args.seed)
    else:
        seed = R4_SEED if args.seed is None else args.seed
        out, rows = args.out or R4_OUT, draw_round3(data_dir, seed=seed, earlier=(OUT, R2_OUT, R3_OUT))
    lines = [json.dumps(r) + "\n" for r in rows]
    if args.check:
        same = out.is_file() and out.read_text(encoding="utf-8") == "".join(lines)
        print("same as committed" if same else "DIFFERS from committed sample")
        return 0 if same else 1
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_text("".join(lines), encoding="utf-8")
    tmp.replace(out)  # never a half-written sample
    print(f"wrote {len(lines)} rows to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
