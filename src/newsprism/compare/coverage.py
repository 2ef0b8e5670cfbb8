"""Coverage matrix: which article includes which claim group, quote group and source, and what each omits."""

from __future__ import annotations

import re

from newsprism.compare.features import entity_surface
from newsprism.model import Article, ClaimGroup, Coverage, CoverageCounts, CoverageRow, Omissions, QuoteGroup

_REPORTING = re.compile(
    r"\b(said|says|told|according to|stated|announced|added|argued|claimed|wrote|tweeted|explained|insisted)\b",
    re.IGNORECASE,
)


def attributed_entities(article: Article) -> list[str]:
    """PERSON/ORG entities inside sentences with a reporting verb (a fallback for the quotes stage)."""
    spans = [(s.start, s.end) for s in article.sentences]
    names = []
    for start, end in spans:
        if not _REPORTING.search(article.text[start:end]):
            continue
        names += [e.text for e in article.entities if e.label in ("PERSON", "ORG") and start <= e.start < end]
    return names


def article_sources(article: Article) -> dict[str, str]:
    """Named sources of an article (speakers, quote speakers, claim speakers): key -> display name."""
    names: list[str] = []
    names += [sp.name for sp in article.speakers if sp.kind != "anonymous" and sp.name]
    for q in article.quotes:
        if q.speaker is not None and q.speaker.name and not q.anonymous:
            names.append(q.speaker.name)
    names += [c.speaker for c in article.claims if c.speaker]
    if not names:  # no quotes/speakers stage output: people and organisations in attributed sentences
        names = attributed_entities(article)
    out: dict[str, str] = {}
    for name in names:
        key = entity_surface(name).lower()
        if len(key) > 1 and len(name) > len(out.get(key, "")):
            out[key] = name
    return out


def coverage_matrix(
    articles: list[Article], claim_groups: list[ClaimGroup], quote_groups: list[QuoteGroup]
) -> Coverage:
    """Rows of (kind, id, text) with ``present`` per article, plus each article's omissions.

    An omission is a row that at least one other article in the story reports and this one does not.
    """
    ids = [a.id for a in articles]
    rows: list[CoverageRow] = []
    for g in claim_groups:
        have = set(g.articles)
        rows.append(
            CoverageRow(
                kind="claim",
                id=g.id,
                text=g.text,
                score=g.score,
                similarity=g.similarity,
                present={a: a in have for a in ids},
            )
        )
    for n, qg in enumerate(quote_groups, 1):
        have = {m.article for m in qg.members}
        text = qg.members[0].text if qg.members else ""
        rows.append(
            CoverageRow(
                kind="quote",
                id=f"q{n}",
                text=text,
                speaker=qg.speaker,
                verdict=qg.verdict,
                present={a: a in have for a in ids},
            )
        )
    sources = {a.id: article_sources(a) for a in articles}
    all_keys: dict[str, str] = {}
    for found in sources.values():
        for k, v in found.items():
            if len(v) > len(all_keys.get(k, "")):
                all_keys[k] = v
    for k in sorted(all_keys, key=lambda k: (-sum(k in sources[a] for a in ids), k)):
        rows.append(
            CoverageRow(kind="source", id=f"src:{k}", text=all_keys[k], present={a: k in sources[a] for a in ids})
        )
    # omissions, most telling first: reported by more of the other articles, then more check-worthy
    omits: dict[str, Omissions] = {}
    for a in ids:
        missing: dict[str, list[tuple[int, float, int, str]]] = {"claims": [], "quotes": [], "sources": []}
        for pos, r in enumerate(rows):
            others = sum(r.present[b] for b in ids if b != a)
            if not r.present[a] and others:
                missing[r.kind + "s"].append((-others, -(r.score or 0.0), pos, r.id))
        omits[a] = Omissions(**{k: [rid for *_, rid in sorted(v)] for k, v in missing.items()})
    counts = {
        a: CoverageCounts(**{k: sum(r.present[a] for r in rows if r.kind == k) for k in ("claim", "quote", "source")})
        for a in ids
    }
    return Coverage(articles=ids, rows=rows, omits=omits, counts=counts)
