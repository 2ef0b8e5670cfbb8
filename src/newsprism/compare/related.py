"""Partial matches and narratives (issue 21): what the claim-pair scorer's links say above single claim groups.

* **Partial matches** (:func:`partial_matches`): pairs the scorer calls ``related`` — same event, another figure,
  actor, date or aspect — kept for each statement only with its closest related statement in each other article
  (highest P(same)), so a story yields at most about two per statement, not every related pair; closest to the same
  claim first; each with what differs where it can be computed (numbers or dates of no equal value, names only one
  side states, one side negated).
* **Narratives** (:func:`narratives`): propositions that two or more articles make. Statements are linked when
  they are in one claim group (the scorer's ``same``), or when the scorer calls them related *and* they share a
  phrase that is rare in the story (two adjacent content words, lowercase, no title or institution word, in at
  most a tenth of the story's statements: "root causes", "civil society"); linked statements are merged from the
  strongest link down into narratives that keep one shared phrase (a narrative never chains "root causes" to
  "civil society"), at most ``MAX_PER_ARTICLE`` statements per article and ``MAX_MEMBERS`` in all. A narrative's
  label is its most central statement (the largest sum of link strengths).
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass

import numpy as np

from newsprism.compare.align import Alignment, Unit
from newsprism.compare.features import entity_surface
from newsprism.compare.pairs import STOP, load_model, negated, stem, values_agree
from newsprism.model import Article, Narrative, RelatedClaims, RelatedMember

ACTOR_LABELS = ("PERSON", "ORG", "GPE")  # "different actor": who or where, not nationalities or dates
MAX_PER_ARTICLE = 3  # statements of one article in one narrative
MAX_MEMBERS = 9  # statements in one narrative
RARE_SHARE = 0.10  # a linking phrase is in at most this share of the story's statements (at least RARE_MIN)
RARE_MIN = 4
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]+")
# words of titles and institutions: "vice president" or "white house" name who acts, they are not a proposition
_ROLE_WORDS = {
    "president", "vice", "administration", "regime", "government", "house", "secretary", "minister", "governor",
    "senator", "spokesman", "spokeswoman", "press", "official", "officials", "department", "office", "leader",
    "chief", "director",
}  # fmt: skip


def _member(unit: Unit, group_of: dict[int, str], i: int) -> RelatedMember:
    return RelatedMember(article=unit.article, text=unit.text, start=unit.start, end=unit.end, group=group_of.get(i))


def _date_keys(u: Unit) -> list[float | str]:
    return [m.value if m.value is not None else (m.unit or m.text) for m in [*u.dates, *u.entity_dates]]


def _disagree(xs: list[float | str], ys: list[float | str]) -> bool:
    """Both sides have values and none agrees (``pairs.values_agree``)."""
    return values_agree(xs, ys) is False


def _actors(article: Article | None, u: Unit) -> dict[str, str]:
    """Who or where a statement names (PERSON, ORG, GPE entities; without entities the unit's capitalised names):
    matching key (the last word) -> the name as written."""
    found: dict[str, str] = {}
    if article is not None and article.entities:
        for e in article.entities:
            if e.label in ACTOR_LABELS and u.start <= e.start and e.end <= u.end:
                word = entity_surface(e.text)
                if word.isalpha():
                    found.setdefault(word.lower(), re.sub(r"^the\s+|['’]s$", "", " ".join(e.text.split())))
        return found
    for key in u.entities:
        m = re.search(rf"\b{re.escape(key)}\b", u.text, re.IGNORECASE)
        if m and m.group(0).isalpha() and m.group(0)[0].isupper():
            found.setdefault(key, m.group(0))
    return found


def _names_only(names: dict[str, str], other: Unit) -> list[str]:
    """The names of one statement that the other does not mention at all."""
    return [w for k, w in sorted(names.items()) if not re.search(rf"\b{re.escape(k)}\b", other.text, re.IGNORECASE)]


def differences(a: Unit, b: Unit, arts: dict[str, Article] | None = None) -> tuple[list[str], str]:
    """What differs between two related statements (``number``, ``date``, ``name``, ``negation``) and one line;
    ``arts`` (id -> article) lends the entity labels that tell a person, organisation or place."""
    arts = arts or {}
    differs: list[str] = []
    parts: list[str] = []
    na = [m for m in a.numbers if m.value is not None]
    nb = [m for m in b.numbers if m.value is not None]
    if _disagree([float(m.value or 0.0) for m in na], [float(m.value or 0.0) for m in nb]):
        differs.append("number")
        parts.append(f"different number: {na[0].text} vs {nb[0].text}")
    da, db = _date_keys(a), _date_keys(b)
    if _disagree(da, db):
        differs.append("date")
        parts.append(f"different date: {[*a.dates, *a.entity_dates][0].text} vs {[*b.dates, *b.entity_dates][0].text}")
    only_a = _names_only(_actors(arts.get(a.article), a), b)
    only_b = _names_only(_actors(arts.get(b.article), b), a)
    if only_a or only_b:
        differs.append("name")
        if only_a and only_b:
            parts.append(f"different names: {', '.join(only_a)} vs {', '.join(only_b)}")
        else:
            parts.append(f"only the {'first' if only_a else 'second'} names {', '.join(only_a or only_b)}")
    if negated(a.text) != negated(b.text):
        differs.append("negation")
        parts.append(f"only the {'first' if negated(a.text) else 'second'} is negated")
    return differs, "; ".join(parts) or "same event or topic, another aspect"


def partial_matches(articles: list[Article], found: Alignment, cut: float | None = None) -> list[RelatedClaims]:
    """The scorer's related pairs outside claim groups with P(same or related) >= ``cut`` (default: the model's
    ``partial_cut``, chosen for precision), each statement's closest one per other article (highest P(same), then
    P(same or related)), closest to the same claim first."""
    units = found.units
    order = {a.id: i for i, a in enumerate(articles)}
    by_id = {a.id: a for a in articles}
    if cut is None:
        model = load_model()
        cut = model.partial_cut if model is not None else -math.inf
    pairs = [
        (i, j)
        for i, j in found.related
        if found.group_of.get(i, "-") != found.group_of.get(j, "+") and found.p_near[i, j] >= cut
    ]

    def close(x: int, y: int) -> tuple[float, float]:
        return float(found.p_same[x, y]), float(found.p_near[x, y])

    best: dict[tuple[int, str], tuple[tuple[float, float], int]] = {}
    for i, j in pairs:
        for x, y in ((i, j), (j, i)):
            k = (x, units[y].article)
            if k not in best or close(x, y) > best[k][0]:
                best[k] = (close(x, y), y)
    kept = {(min(x, y), max(x, y)) for (x, _), (_, y) in best.items()}
    ranked = sorted(kept, key=lambda p: (tuple(-v for v in close(*p)), p))
    out = []
    for n, (i, j) in enumerate(ranked, 1):
        if order[units[i].article] > order[units[j].article]:
            i, j = j, i
        differs, why = differences(units[i], units[j], by_id)
        out.append(
            RelatedClaims(
                id=f"r{n}",
                members=[_member(units[i], found.group_of, i), _member(units[j], found.group_of, j)],
                p_same=round(max(0.0, float(found.p_same[i, j])), 3),
                p_related=round(float(found.p_near[i, j]), 3),
                differs=differs,  # type: ignore[arg-type]
                why=why,
            )
        )
    return out


def _phrases(text: str) -> dict[tuple[str, str], str]:
    """Adjacent content-word pairs (stop words skipped, crudely stemmed) -> as written, lowercase words only."""
    words = [(t, stem(t.lower())) for t in _TOKEN.findall(text) if t.lower() not in STOP and len(t) > 2]
    out: dict[tuple[str, str], str] = {}
    for (wa, sa), (wb, sb) in itertools.pairwise(words):
        if wa[0].isupper() or wb[0].isupper() or {wa.lower(), wb.lower()} & _ROLE_WORDS:
            continue
        out.setdefault((sa, sb), f"{wa} {wb}".replace("’", "'"))
    return out


@dataclass
class _Cluster:
    members: set[int]
    terms: set[tuple[str, str]] | None  # the phrases every link shares; None: any (claim-group links only)


def _links(found: Alignment) -> list[tuple[float, int, int, set[tuple[str, str]] | None]]:
    """(strength, i, j, shared rare phrases or None for a claim-group link) of narrative links, strongest first."""
    units, near = found.units, found.p_near
    phrases = [_phrases(u.text) for u in units]
    df: dict[tuple[str, str], int] = {}
    for ph in phrases:
        for k in ph:
            df[k] = df.get(k, 0) + 1
    cap = max(RARE_MIN, math.floor(RARE_SHARE * len(units)))
    links: list[tuple[float, int, int, set[tuple[str, str]] | None]] = []
    for i, j in sorted(found.related):
        shared = {k for k in phrases[i].keys() & phrases[j].keys() if df[k] <= cap}
        if shared:
            links.append((float(near[i, j]), i, j, shared))
    groups: dict[str, list[int]] = {}
    for i, gid in sorted(found.group_of.items()):
        groups.setdefault(gid, []).append(i)
    for members in groups.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                w = near[i, j] if np.isfinite(near[i, j]) else 1.0
                links.append((float(w), i, j, None))
    return sorted(links, key=lambda t: (-t[0], t[1], t[2]))


def _merge(a: _Cluster, b: _Cluster, terms: set[tuple[str, str]] | None, units: list[Unit]) -> _Cluster | None:
    shared: set[tuple[str, str]] | None = None
    for t in (a.terms, b.terms, terms):
        if t is not None:
            shared = set(t) if shared is None else shared & t
    if shared is not None and not shared:
        return None
    members = a.members | b.members
    per: dict[str, int] = {}
    for i in members:
        per[units[i].article] = per.get(units[i].article, 0) + 1
    if len(members) > MAX_MEMBERS or max(per.values()) > MAX_PER_ARTICLE:
        return None
    return _Cluster(members, shared)


def narratives(articles: list[Article], found: Alignment) -> list[Narrative]:
    """Propositions two or more articles make (see the module docstring), most articles first, then strongest."""
    units = found.units
    links = _links(found)
    cluster: dict[int, _Cluster] = {}
    for _, i, j, terms in links:
        a = cluster.get(i, _Cluster({i}, None))
        b = cluster.get(j, _Cluster({j}, None))
        if a is b:
            continue
        merged = _merge(a, b, terms, units)
        if merged is not None:
            for k in merged.members:
                cluster[k] = merged
    order = {a.id: i for i, a in enumerate(articles)}
    seen: list[_Cluster] = []
    for c in cluster.values():
        if all(c is not s for s in seen) and len({units[i].article for i in c.members}) > 1:
            seen.append(c)
    return _narrative_records(seen, links, found, order)


def _narrative_records(
    clusters: list[_Cluster],
    links: list[tuple[float, int, int, set[tuple[str, str]] | None]],
    found: Alignment,
    order: dict[str, int],
) -> list[Narrative]:
    units = found.units
    written: dict[tuple[str, str], str] = {}
    for u in units:
        for k, v in _phrases(u.text).items():
            written.setdefault(k, v)
    views = []
    for c in clusters:
        inside = [(w, i, j) for w, i, j, _ in links if i in c.members and j in c.members]
        central = {i: sum(w for w, x, y in inside if i in (x, y)) for i in c.members}
        label = max(sorted(c.members), key=lambda i: (central[i], units[i].score))
        members = sorted(c.members, key=lambda i: (order[units[i].article], units[i].start))
        arts = sorted({units[i].article for i in members}, key=order.__getitem__)
        strength = round(float(np.mean([w for w, _, _ in inside])), 3) if inside else 0.0
        views.append((len(arts), strength, members, label, arts, sorted(written[t] for t in c.terms or ())))
    views.sort(key=lambda v: (-v[0], -v[1], order[units[v[2][0]].article], units[v[2][0]].start))
    return [
        Narrative(
            id=f"p{n}",
            label=units[label].text,
            articles=arts,
            members=[_member(units[i], found.group_of, i) for i in members],
            terms=terms,
            strength=min(1.0, strength),
        )
        for n, (_, strength, members, label, arts, terms) in enumerate(views, 1)
    ]
