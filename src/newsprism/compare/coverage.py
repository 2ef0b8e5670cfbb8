"""Coverage matrix: which article includes which claim group, quote group and source, and what each omits.

Omissions are only what is central to the story: a row that at least half of the *other* articles report
and that is shared (two or more of them), or, when fewer others exist, a figure or a quotation they give.
Sources are merged by entity ("President Biden", "Joe Biden", "Biden" -> one row); an institution of one
head ("Biden administration", "Biden regime", "White House") is its own row, linked to the person.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from newsprism.compare.features import entity_surface
from newsprism.compare.numbers import find_numbers
from newsprism.model import Article, ClaimGroup, Coverage, CoverageCounts, CoverageRow, Omissions, QuoteGroup

_REPORTING = re.compile(
    r"\b(said|says|told|according to|stated|announced|added|argued|claimed|wrote|tweeted|explained|insisted)\b",
    re.IGNORECASE,
)
# words that name the institution run by one head; "government" and "regime" are the same institution in
# different voices, so they share one key
_INSTITUTION = re.compile(r"\b(administration|regime|government|white house)\b", re.IGNORECASE)
_TITLES = re.compile(
    r"^(?:(?:former|vice|deputy|acting|then-)\s+)*(?:president|vice president|vp|sen\.?|senator|rep\.?|gov\.?|"
    r"governor|mr\.?|mrs\.?|ms\.?|dr\.?|secretary|minister|prime minister|mayor|press secretary|director)\s+",
    re.IGNORECASE,
)
# not sources even when a stage names them: pronouns and generic nouns ("anyone", "groups", "people")
GENERIC_SOURCES = {
    "anyone", "someone", "everyone", "everybody", "nobody", "people", "groups", "group", "others", "some",
    "many", "they", "them", "he", "she", "it", "we", "i", "you", "one", "who", "those", "these", "officials",
    "critics", "experts", "sources", "observers", "analysts", "residents", "folks",
}  # fmt: skip
_PRESIDENT = re.compile(r"(?<!Vice )\bPresident\s+([A-Z][\w'’-]+)")


@dataclass
class SourceRow:
    """One source of the story: its key, the forms written, and (institutions) the head's key."""

    key: str
    forms: Counter[str] = field(default_factory=Counter)
    head: str | None = None


def clean_name(name: str) -> str:
    """A name as written, without surrounding punctuation, a leading "the" or possessives."""
    name = " ".join(name.replace("’", "'").split()).strip(" ,.;:'\"“”")
    name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
    return re.sub(r"'s\b", "", name)


def source_key(name: str, president: str | None = None, person: bool = True) -> tuple[str, str | None] | None:
    """(key, head key) of a source name; None for generic words and names without a capitalised word.

    Persons key by their last name ("President Joe Biden" -> ``biden``), other sources by their full name
    ("Breitbart News" -> ``breitbart news``); institutions by head + "administration"
    ("Biden's regime" -> ``biden administration``, head ``biden``; "White House" -> the story's president's).
    """
    clean = clean_name(name)
    low = clean.lower()
    if not clean or low in GENERIC_SOURCES or not any(w[:1].isupper() for w in clean.split()):
        return None
    inst = _INSTITUTION.search(clean)
    if inst:
        if inst.group(1).lower() == "white house":
            return (f"{president} administration", president) if president else ("white house", None)
        rest = (clean[: inst.start()] + clean[inst.end() :]).strip()
        head = entity_surface(rest).lower() if rest else ""
        if head and head not in GENERIC_SOURCES and len(head) > 1:
            return f"{head} administration", head
        return low, None
    key = entity_surface(_TITLES.sub("", clean)).lower() if person else low
    if len(key) <= 1 or key in GENERIC_SOURCES:
        return None
    return key, None


def attributed_entities(article: Article) -> list[str]:
    """PERSON/ORG entities inside sentences with a reporting verb (a fallback for the quotes stage)."""
    spans = [(s.start, s.end) for s in article.sentences]
    names = []
    for start, end in spans:
        if not _REPORTING.search(article.text[start:end]):
            continue
        names += [e.text for e in article.entities if e.label in ("PERSON", "ORG") and start <= e.start < end]
    return names


def source_names(article: Article) -> list[tuple[str, bool]]:
    """(name as written, is a person) of the article's sources: speakers, attributed quotes, claim speakers.

    A name is taken for a person unless a stage says otherwise (speaker kind, entity label)."""
    person: dict[str, bool] = {e.text: e.label == "PERSON" for e in article.entities}
    person |= {q.speaker.name: q.speaker_kind == "person" for q in article.quotes if q.speaker and q.speaker_kind}
    person |= {sp.name: sp.kind in ("person", "anonymous") for sp in article.speakers}  # the speakers stage wins
    names: list[str] = []
    names += [sp.name for sp in article.speakers if sp.kind != "anonymous" and sp.name]
    for q in article.quotes:
        if q.speaker is not None and q.speaker.name and not q.anonymous and not q.unattributed:
            names.append(q.speaker.name)
    names += [c.speaker for c in article.claims if c.speaker]
    if not names:  # no quotes/speakers stage output: people and organisations in attributed sentences
        names = attributed_entities(article)
    return [(n, person.get(n, True)) for n in names]


def story_president(articles: list[Article]) -> str | None:
    """Key of the person most often called "President X" in the story (whom "White House" stands for)."""
    found: Counter[str] = Counter(m.group(1).lower() for a in articles for m in _PRESIDENT.finditer(a.text))
    return found.most_common(1)[0][0] if found else None


def _display(forms: Counter[str]) -> str:
    """Longest form without a title ("Joe Biden" over "President Biden"), ties by frequency."""
    best = max(forms, key=lambda f: (len(_TITLES.sub("", f)), forms[f], f))
    return _TITLES.sub("", best) or best


def article_sources(article: Article, president: str | None = None) -> dict[str, str]:
    """Named sources of an article: key -> display name (generic words dropped, aliases merged)."""
    rows = _source_rows([article], president)
    return {k: _display(r.forms) for k, r in rows.get(article.id, {}).items()}


def _source_rows(articles: list[Article], president: str | None) -> dict[str, dict[str, SourceRow]]:
    out: dict[str, dict[str, SourceRow]] = {}
    for a in articles:
        rows: dict[str, SourceRow] = {}
        for name, person in source_names(a):
            found = source_key(name, president, person)
            if found is None:
                continue
            key, head = found
            row = rows.setdefault(key, SourceRow(key, head=head))
            row.forms[clean_name(name)] += 1
        out[a.id] = rows
    return out


def speaker_canon(articles: list[Article]) -> dict[tuple[str, str], str]:
    """(article id, speaker name as written) -> the story-wide name of that source entity.

    "Joe Biden" in one article and "President Biden" in another become one name, so quotations of one person
    align across articles (fidelity compares speaker names)."""
    per = _source_rows(articles, story_president(articles))
    merged: dict[str, Counter[str]] = {}
    for rows in per.values():
        for k, r in rows.items():
            merged.setdefault(k, Counter()).update(r.forms)
    out: dict[tuple[str, str], str] = {}
    for a in articles:
        for k, r in per[a.id].items():
            for form in r.forms:
                out[(a.id, form)] = _display(merged[k])
    return out


def _has_number(text: str) -> bool:
    return bool(find_numbers(text))


def central(reporting: int, others: int, building_block: bool) -> bool:
    """Whether a row this article lacks is central enough to call an omission.

    ``reporting`` of the ``others`` other articles report it: at least half of them and at least two (what one
    outlet alone reports is its own, not the story's). In a two-article story, where votes cannot tell, only
    the other's figures, quotations and named sources (``building_block``) count.
    """
    if reporting < max(1, math.ceil(others / 2)):
        return False
    return reporting >= 2 or (others == 1 and building_block)


def coverage_matrix(
    articles: list[Article], claim_groups: list[ClaimGroup], quote_groups: list[QuoteGroup]
) -> Coverage:
    """Rows of (kind, id, text) with ``present`` per article, plus each article's central omissions."""
    ids = [a.id for a in articles]
    rows: list[CoverageRow] = []
    blocks: set[str] = set()  # rows that are a figure or a quotation
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
        if any(_has_number(m.text) for m in g.members):
            blocks.add(g.id)
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
        blocks.add(f"q{n}")
    rows += _source_coverage(articles, ids)
    omits: dict[str, Omissions] = {}
    for a in ids:
        missing: dict[str, list[tuple[int, int, float, int, str]]] = {"claims": [], "quotes": [], "sources": []}
        for pos, r in enumerate(rows):
            k = sum(r.present[b] for b in ids if b != a)
            if not r.present[a] and central(k, len(ids) - 1, r.id in blocks or r.kind == "source"):
                # most telling first: reported by more of the others, figures/quotes, then more check-worthy
                missing[r.kind + "s"].append((-k, -(r.id in blocks), -(r.score or 0.0), pos, r.id))
        omits[a] = Omissions(**{k: [rid for *_, rid in sorted(v)] for k, v in missing.items()})
    counts = {
        a: CoverageCounts(**{k: sum(r.present[a] for r in rows if r.kind == k) for k in ("claim", "quote", "source")})
        for a in ids
    }
    return Coverage(articles=ids, rows=rows, omits=omits, counts=counts)


def _source_coverage(articles: list[Article], ids: list[str]) -> list[CoverageRow]:
    """One row per source entity; an institution row's ``speaker`` is the person it answers to."""
    per = _source_rows(articles, story_president(articles))
    merged: dict[str, SourceRow] = {}
    for rows in per.values():
        for k, r in rows.items():
            m = merged.setdefault(k, SourceRow(k, head=r.head))
            m.forms.update(r.forms)
    rows_out = []
    for k in sorted(merged, key=lambda k: (-sum(k in per[a] for a in ids), k)):
        r = merged[k]
        text = _display(r.forms)
        if r.head is not None:
            written = sorted({f for f in r.forms if f.lower() != text.lower()})
            text = text + (f" (also: {', '.join(written)})" if written else "")
        head = None
        if r.head is not None:
            head = _display(merged[r.head].forms) if r.head in merged else r.head.capitalize()
        rows_out.append(
            CoverageRow(kind="source", id=f"src:{k}", text=text, speaker=head, present={a: k in per[a] for a in ids})
        )
    return rows_out
