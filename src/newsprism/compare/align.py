"""Claim alignment: the same fact stated in different articles becomes one claim group.

Units are the articles' claims (the claims stage), or, where an article has none, its sentences
that look check-worthy (a number, a date, a name, or a high ``checkworthiness`` score). Two units
from different articles align when the claim-pair scorer (:mod:`newsprism.compare.pairs`, issue 21)
says they assert the same proposition (P(same) >= its threshold); pairs it calls ``related`` (same
event, different figure/actor/aspect) become number/date conflict candidates. Without the scorer's
model file, the rule of before issue 21 applies: MiniLM cosine plus entity-overlap and number-match
bonuses >= ``LEGACY_THRESHOLD``. Groups are built greedily from the strongest pairs with at most one
member per article, so the coverage matrix can say "this article reports it" without ambiguity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from newsprism.compare.features import entity_surface
from newsprism.compare.numbers import Mention, claim_mentions, find_dates, find_numbers, same_value
from newsprism.compare.pairs import PairModel, load_model, pair_features
from newsprism.model import Article, ClaimGroup, Member
from newsprism.offsets import strip_space

LEGACY_THRESHOLD = 0.70  # cosine + bonuses: the rule of before issue 21 (fallback, and bench stories' reference)
ALIGN_THRESHOLD = LEGACY_THRESHOLD
ENTITY_BONUS = 0.10
NUMBER_BONUS = 0.08
CONFLICT_COS = 0.62  # looser cosine for "same quantity" candidates across groups
MAX_UNITS = 60
MAX_EXTRA = 80  # extra (non-claim) sentences per article considered for cross-article matches
MIN_WORDS = 6
_CAPWORD = re.compile(r"(?<=[a-z,;:] )[A-ZÀ-ÖØ-Þ][\w'’-]+")


@dataclass
class Unit:
    """One claim-like span of one article (offsets into that article's text)."""

    article: str
    start: int
    end: int
    text: str
    score: float
    entities: set[str] = field(default_factory=set)
    numbers: list[Mention] = field(default_factory=list)
    dates: list[Mention] = field(default_factory=list)
    source: str = "claim"  # claim | sentence (no claims: check-worthy sentences) | extra (see _extra_units)
    partial: set[tuple[str, int]] = field(default_factory=set)  # (article, start) of units scored "related"
    entity_dates: list[Mention] = field(default_factory=list)  # resolved DATE entities of a sentence unit


_ABBREV = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "st", "jr", "sr", "vs", "lt", "col", "sgt", "u.s"}
_END = re.compile(r"[.!?]+[\"”’)]*(?=\s+[\"“‘(]?[A-Z0-9])|\n+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans without the nlp stage: end at . ! ? before a capital, or a line break.

    Hand-written (spaCy is not loaded here) with just enough care not to split "Mr. Smith",
    "D-N.Y." or "U.S. officials", which would make fragments that align with nothing.
    """
    spans, start = [], 0
    for m in _END.finditer(text):
        if m.group(0)[0] == ".":
            word = re.search(r"([\w.]+)$", text[start : m.start()])
            token = word.group(1).lower() if word else ""
            if token in _ABBREV or (re.fullmatch(r"(?:\w\.)*\w", token) and len(token.replace(".", "")) <= 2):
                continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _sentence_spans(article: Article) -> list[tuple[int, int, float | None]]:
    if article.sentences:
        return [(s.start, s.end, s.checkworthiness) for s in article.sentences]
    return [(s, e, None) for s, e in split_sentences(article.text)]


def _entities_in(article: Article, start: int, end: int) -> set[str]:
    ents = {entity_surface(e.text).lower() for e in article.entities if start <= e.start and e.end <= end}
    if not article.entities:
        ents = {entity_surface(m.group(0)).lower() for m in _CAPWORD.finditer(article.text[start:end])}
    return {e for e in ents if len(e) > 1}


def article_units(article: Article, max_units: int = MAX_UNITS) -> list[Unit]:
    """Claim units of one article: its claims, else its check-worthy-looking sentences."""
    text = article.text
    units: list[Unit] = []
    if article.claims:
        for c in article.claims:
            numbers = claim_mentions(c.numbers, text)
            dates = claim_mentions(c.dates, text)
            if c.entities:
                ents = {entity_surface(e.text).lower() for e in c.entities}
                ents.discard("")
            else:
                ents = _entities_in(article, c.start, c.end)
            units.append(
                Unit(
                    article.id,
                    c.start,
                    c.end,
                    text[c.start : c.end],
                    float(c.checkworthiness),
                    ents,
                    numbers if numbers is not None else find_numbers(text[c.start : c.end], c.start),
                    dates if dates is not None else find_dates(text[c.start : c.end], c.start),
                )
            )
        units.sort(key=lambda u: -u.score)
        units = units[:max_units] + _extra_units(article, units[:max_units])
        return sorted(units, key=lambda u: u.start)
    for s, e, cw in _sentence_spans(article):
        s, e = strip_space(text, s, e)
        chunk = text[s:e]
        if len(chunk.split()) < MIN_WORDS or chunk.rstrip().endswith("?"):
            continue
        numbers = find_numbers(chunk, s)
        dates = find_dates(chunk, s)
        ents = _entities_in(article, s, e)
        # without a check-worthiness score, concrete details (numbers, dates, names) make a checkable claim
        heuristic = 0.2 + 0.3 * bool(numbers) + 0.2 * bool(dates) + 0.1 * min(len(ents), 3)
        score = float(cw) if cw is not None else heuristic
        if cw is not None and cw < 0.2 and not numbers:
            continue  # scored as not check-worthy; unscored sentences all count (recall matters for omissions)
        unit = Unit(article.id, s, e, chunk, score, ents, numbers, dates, source="sentence")
        unit.entity_dates = entity_dates(article, s, e)
        units.append(unit)
    units.sort(key=lambda u: -u.score)
    return sorted(units[:max_units], key=lambda u: u.start)


def _extra_units(article: Article, claims: list[Unit]) -> list[Unit]:
    """The article's other prose sentences (no claim inside, >= MIN_WORDS words, not a question), as ``extra``
    units: they join a claim group only when the pair scorer matches them to another article's unit (issue 21:
    the seeds' shared statements are mostly sentences the claims stage does not call claims)."""
    if load_model() is None:
        return []  # the cosine rule of before issue 21 aligned claims only
    text, out = article.text, []
    for s, e, _cw in _sentence_spans(article):
        s, e = strip_space(text, s, e)
        chunk = text[s:e]
        if len(chunk.split()) < MIN_WORDS or chunk.endswith("?") or any(u.start < e and s < u.end for u in claims):
            continue
        ents = _entities_in(article, s, e)
        unit = Unit(article.id, s, e, chunk, 0.0, ents, find_numbers(chunk, s), find_dates(chunk, s), "extra")
        unit.entity_dates = entity_dates(article, s, e)
        out.append(unit)
    return out[:MAX_EXTRA]


def entity_dates(article: Article, start: int, end: int) -> list[Mention]:
    """The DATE entities of ``article.text[start:end]`` resolved against the article's date (no parse, so no
    predicate): the dates of a sentence the claims stage did not call a claim ("apologized Friday")."""
    from newsprism.claims.dates import mentions

    return [
        Mention(d.text, d.start, d.end, None, d.iso, "date", "date", src=d)
        for d in mentions(article, start, end)
        if d.iso
    ]


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _number_match(a: Unit, b: Unit) -> bool:
    return any(
        x.value is not None and y.value is not None and same_value(x.value, y.value) and x.unit == y.unit
        for x in a.numbers
        for y in b.numbers
    )


def pair_scores(units: list[Unit], vectors: np.ndarray, floor: float = ALIGN_THRESHOLD) -> np.ndarray:
    """Alignment score (cosine + bonuses) of unit pairs from different articles.

    Bonuses are only computed where they could lift a pair to ``floor``; every other pair (and every
    same-article pair) is -inf, which is all :func:`align_units` needs. Keeps big stories fast.
    """
    n = len(units)
    scores = np.full((n, n), -np.inf)
    if n < 2:
        return scores
    cos = vectors @ vectors.T
    arts = np.array([u.article for u in units])
    cand = np.triu(cos >= floor - ENTITY_BONUS - NUMBER_BONUS, 1) & (arts[:, None] != arts[None, :])
    for i, j in np.argwhere(cand):
        s = float(cos[i, j]) + ENTITY_BONUS * _jaccard(units[i].entities, units[j].entities)
        if _number_match(units[i], units[j]):
            s += NUMBER_BONUS
        scores[i, j] = scores[j, i] = s
    return scores


def model_scores(
    units: list[Unit], vectors: np.ndarray, model: PairModel
) -> tuple[np.ndarray, np.ndarray, set[tuple[int, int]]]:
    """P(same) and P(same or related) of cross-article unit pairs with cosine >= the model's candidate bar (-inf
    elsewhere), and the pairs the scorer calls ``related`` (P(same) below its threshold, P(same or related) at or
    above its own)."""
    n = len(units)
    scores = np.full((n, n), -np.inf)
    near = np.full((n, n), -np.inf)
    if n < 2:
        return scores, near, set()
    cos = vectors @ vectors.T
    arts = np.array([u.article for u in units])
    cand = np.argwhere(np.triu(cos >= model.candidate_cos, 1) & (arts[:, None] != arts[None, :]))
    if not len(cand):
        return scores, near, set()
    x = np.vstack([pair_features(units[i].text, units[j].text, float(cos[i, j])) for i, j in cand])
    p_same, p_near = model.scores(x)
    related = set()
    for (i, j), ps, pn in zip(cand, p_same, p_near, strict=True):
        scores[i, j] = scores[j, i] = float(ps)
        near[i, j] = near[j, i] = float(pn)
        if ps < model.same.threshold and pn >= model.near.threshold:
            related.add((int(i), int(j)))
    return scores, near, related


def align_units(units: list[Unit], scores: np.ndarray, threshold: float = ALIGN_THRESHOLD) -> list[list[int]]:
    """Greedy grouping from the best pair down; a group never holds two units of one article."""
    parent = list(range(len(units)))
    arts: dict[int, set[str]] = {i: {u.article} for i, u in enumerate(units)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    iu = np.triu_indices(len(units), 1)
    vals = scores[iu] if len(units) > 1 else np.zeros(0)
    for k in np.argsort(-vals, kind="stable"):
        if vals[k] < threshold:
            break
        a, b = find(int(iu[0][k])), find(int(iu[1][k]))
        if a == b or arts[a] & arts[b]:
            continue
        parent[b] = a
        arts[a] |= arts.pop(b)
    groups: dict[int, list[int]] = {}
    for i in range(len(units)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def _group_similarity(members: list[int], scores: np.ndarray) -> float | None:
    """Mean alignment score over the group's member pairs (None for a single-article group)."""
    vals = [scores[i, j] for k, i in enumerate(members) for j in members[k + 1 :] if np.isfinite(scores[i, j])]
    return round(float(np.mean(vals)), 3) if vals else None


@dataclass
class Alignment:
    """What claim alignment found in one story (see :func:`align_claims`)."""

    groups: list[ClaimGroup]
    units: list[Unit]
    conflict_pairs: list[tuple[Unit, Unit, str | None]]
    group_of: dict[int, str]  # unit index -> claim group id (units in no group absent)
    p_same: np.ndarray  # (n, n) P(same) of scored cross-article pairs, -inf elsewhere (legacy rule: its score)
    p_near: np.ndarray  # (n, n) P(same or related), -inf where unscored (all -inf without the pair scorer)
    related: set[tuple[int, int]]  # (i, j), i < j: pairs the scorer calls related


def claim_groups(
    articles: list[Article], embed_fn: Any
) -> tuple[list[ClaimGroup], list[Unit], list[tuple[Unit, Unit, str | None]]]:
    """Claim groups for one story, the units, and candidate pairs for number-conflict checks
    (:func:`align_claims` without its partial-match parts)."""
    found = align_claims(articles, embed_fn)
    return found.groups, found.units, found.conflict_pairs


def align_claims(articles: list[Article], embed_fn: Any) -> Alignment:
    """Claim groups for one story, the units, conflict candidates and the scorer's pair probabilities.

    ``embed_fn(texts) -> (n, d) unit vectors``. Groups are ordered by how many articles report them,
    then by position in the first article reporting them.
    """
    units = [u for a in articles for u in article_units(a)]
    if len({u.article for u in units}) > 1:
        vectors = embed_fn([u.text for u in units])
    else:  # nothing to align across: skip the embedding cost (one-article stories are common in corpora)
        vectors = np.zeros((len(units), 1), dtype=np.float32)
    model = load_model()
    related: set[tuple[int, int]] = set()
    near = np.full((len(units), len(units)), -np.inf)
    if model is not None:
        scores, near, related = model_scores(units, vectors, model)
        raw = align_units(units, scores, model.same.threshold)
    else:
        scores = pair_scores(units, vectors)
        raw = align_units(units, scores)
    raw = [g for g in raw if len(g) > 1 or units[g[0]].source != "extra"]  # an unmatched extra sentence is no claim
    groups, group_of = _build_groups(articles, units, raw, scores)
    pairs = _conflict_pairs(units, vectors, group_of, related)
    return Alignment(groups, units, pairs, group_of, scores, near, related)


def _build_groups(
    articles: list[Article], units: list[Unit], raw: list[list[int]], scores: np.ndarray
) -> tuple[list[ClaimGroup], dict[int, str]]:
    order = {a.id: i for i, a in enumerate(articles)}
    raw.sort(key=lambda g: (-len(g), min((order[units[i].article], units[i].start) for i in g)))
    groups: list[ClaimGroup] = []
    group_of: dict[int, str] = {}
    for n, members in enumerate(raw, 1):
        gid = f"c{n}"
        members.sort(key=lambda i: order[units[i].article])
        rep = max(members, key=lambda i: units[i].score)
        for i in members:
            group_of[i] = gid
        groups.append(
            ClaimGroup(
                id=gid,
                text=units[rep].text,
                members=[
                    Member(article=units[i].article, text=units[i].text, start=units[i].start, end=units[i].end)
                    for i in members
                ],
                articles=[units[i].article for i in members],
                score=round(max(units[i].score for i in members), 3),
                similarity=_group_similarity(members, scores),
                source="claim" if units[rep].source == "claim" else "sentence",
            )
        )
    return groups, group_of


def _conflict_pairs(
    units: list[Unit], vectors: np.ndarray, group_of: dict[int, str], related: set[tuple[int, int]]
) -> list[tuple[Unit, Unit, str | None]]:
    """Candidate pairs for number/date conflicts: one claim group, a related pair, or cosine >= CONFLICT_COS
    (an extra sentence left out of every group only as part of a related pair)."""
    pairs: list[tuple[Unit, Unit, str | None]] = []
    if len(units) < 2:
        return pairs
    cos = vectors @ vectors.T
    arts = np.array([u.article for u in units])
    gids = np.array([group_of.get(i, f"-{i}") for i in range(len(units))])
    has = np.array([bool(u.numbers or u.dates or u.entity_dates) for u in units])
    kept = np.array([i in group_of for i in range(len(units))])
    same = gids[:, None] == gids[None, :]
    near = np.zeros_like(same)
    for i, j in related:  # partial matches (same event, another figure) are conflict candidates too
        near[i, j] = near[j, i] = True
        units[i].partial.add((units[j].article, units[j].start))
        units[j].partial.add((units[i].article, units[i].start))
    similar = (cos >= CONFLICT_COS) & kept[:, None] & kept[None, :]
    cand = np.triu(same | near | similar, 1) & (arts[:, None] != arts[None, :]) & has[:, None]
    for i, j in np.argwhere(cand):
        pairs.append((units[i], units[j], str(gids[i]) if same[i, j] else None))
    return pairs
