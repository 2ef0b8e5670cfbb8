"""Comparison reports: Markdown (terminal-friendly tables) and self-contained HTML (no network, escaped)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from newsprism.compare.coverage import clean_name, speaker_canon
from newsprism.compare.features import norm_entity
from newsprism.compare.sidebyside import outlet_of
from newsprism.model import (
    Article,
    Comparison,
    CoverageRow,
    Omissions,
    SideBySide,
    Story,
    Tone,
    ToneScore,
)
from newsprism.quotes.confidence import shown
from newsprism.report import tone as tone_view
from newsprism.report.slant import lean_not_shown
from newsprism.report.story_links import (
    CONFLICTS_NOTE,
    NARRATIVE_NOTE,
    QUOTE_MARKS,
    RELATED_NOTE,
    conflicts_markdown,
    narrative_view,
    narratives_markdown,
    related_markdown,
    related_view,
    shown_conflicts,
)
from newsprism.report.truncation import cell, shown_of, truncated

MAX_CLAIM_ROWS = 40
MAX_OMITS = 8
MAX_SIDE_TONE = 3  # tone targets per side-by-side cell in Markdown (the HTML column lists all the JSON keeps)
MAX_CHART = 6  # techniques and frames in the HTML bar chart, most used first
SURE_MATCH = 0.82  # alignment similarity from which matched statements were always the same fact (docs/stories.md)


def mark(row: CoverageRow, article_id: str) -> str:
    """✓ reports it, ≈ reports a similar statement (weaker alignment), · does not."""
    if not row.present.get(article_id):
        return "·"
    sim = row.similarity
    return "≈" if sim is not None and sim < SURE_MATCH else "✓"


def article_names(articles: Sequence[Article]) -> dict[str, str]:
    """A short column name per article: its outlet, else its URL's host, else A1, A2, ... (the side-by-side table
    gives each title). Never a file path: a source file name says nothing to a reader."""
    names: dict[str, str] = {}
    for i, a in enumerate(articles, 1):
        base = outlet_of(a) or f"A{i}"
        name = base if base not in names.values() else f"{base} ({i})"
        names[a.id] = name
    return names


def omission_lines(story: Story, names: dict[str, str], article_id: str) -> tuple[list[tuple[str, str]], int]:
    """What one article omits, most telling first: (text, one-line why) pairs up to ``MAX_OMITS``, and how many
    more there are. Rows come from the coverage matrix's ``omits`` (central rows only: docs/stories.md)."""
    om = _omits(story).get(article_id, Omissions())
    rows = {r.id: r for r in _rows(story)}
    others = [a for a in story.articles if a != article_id]
    ranked: list[tuple[int, int, CoverageRow]] = []
    for order, rid in enumerate([*om.claims, *om.quotes, *om.sources]):
        r = rows.get(rid)
        if r is not None:
            ranked.append((-sum(r.present.get(b, False) for b in others), order, r))
    ranked.sort(key=lambda t: t[:2])
    out = []
    for _, _, r in ranked[:MAX_OMITS]:
        who = [names.get(b, b) for b in others if r.present.get(b)]
        what = {"claim": "", "quote": f"quote of {r.speaker or 'an unknown speaker'}: ", "source": "source: "}[r.kind]
        why = f"reported by {', '.join(who)} ({len(who)} of {len(others)} others)"
        if r.kind == "source" and r.speaker:
            why += f"; speaks for {r.speaker}"
        out.append((what + r.text, why))
    return out, max(0, len(ranked) - MAX_OMITS)


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """Word-level diff of two quotes as (op, text) with op in equal | delete | insert."""
    wa, wb = re.findall(r"\S+\s*", a), re.findall(r"\S+\s*", b)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("equal", "".join(wa[i1:i2])))
        else:
            if i2 > i1:
                out.append(("delete", "".join(wa[i1:i2])))
            if j2 > j1:
                out.append(("insert", "".join(wb[j1:j2])))
    return out


def _rows(story: Story) -> list[CoverageRow]:
    return story.coverage.rows if story.coverage is not None else []


def _omits(story: Story) -> dict[str, Omissions]:
    return story.coverage.omits if story.coverage is not None else {}


def _claim_rows(story: Story) -> tuple[list[CoverageRow], int]:
    """Coverage rows for claims, shared groups first, capped at ``MAX_CLAIM_ROWS``; and how many there are."""
    rows = [r for r in _rows(story) if r.kind == "claim"]
    rows.sort(key=lambda r: -sum(r.present.values()))
    return rows[:MAX_CLAIM_ROWS], len(rows)


def _fmt(v: Any, nd: int = 2) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.{nd}f}"
    return str(v)


def _side_rows(story: Story, names: dict[str, str], arts: Sequence[Article] = ()) -> list[list[str]]:
    rows = []
    cuts = side_cuts(story, arts)
    for col in story.side_by_side:
        slant, tech, src, cut = col.slant, col.techniques, col.sourcing, cuts[col.article]
        techniques = f"{tech.per_1000_words:.1f}; " + ", ".join(t.technique for t in tech.top)
        frames = ", ".join(f"{f.frame} {f.score:.2f}" for f in col.frames) or "–"
        rows.append(
            [
                names.get(col.article, col.article),
                cell(col.title or "", 60),
                _fmt(col.published),
                f"lean not shown; classifier {slant.label}" if slant else "–",
                techniques + (f" ({cut['techniques']})" if cut["techniques"] else ""),
                frames + (f" ({cut['frames']})" if cut["frames"] else ""),
                _side_tone(col),
                f"{src.named} / {src.anonymous}",
                _fmt(col.opinion_share),
            ]
        )
    return rows


def side_cuts(story: Story, arts: Sequence[Article] = ()) -> dict[str, dict[str, str]]:
    """Per side-by-side column, ``4 of 6 shown`` for its top techniques (of the techniques it counts) and its top
    frames (of the article's frames, when the article is given); "" where nothing was cut."""
    frames = {a.id: len(a.frames) for a in arts}
    return {
        col.article: {
            "techniques": shown_of(len(col.techniques.top), len(col.techniques.counts)),
            "frames": shown_of(len(col.frames), frames.get(col.article, len(col.frames))),
        }
        for col in story.side_by_side
    }


def _side_tone(col: SideBySide) -> str:
    """The side-by-side tone cell: the most-mentioned targets, and how many of the column's targets are shown."""
    cells = ", ".join(f"{t.target} {_tone_cell(t)}" for t in col.tone[:MAX_SIDE_TONE]) or "–"
    cut = shown_of(min(MAX_SIDE_TONE, len(col.tone)), len(col.tone))
    return f"{cells} ({cut})" if cut else cells


def _tone_cell(t: ToneScore, stance: Tone | None = None) -> str:
    """``negative -0.26 (8×)``; with the article's tone record, its stance: ``…; writer negative (dodge)``."""
    cell = f"{t.label or 'tone'} {t.score:+.2f} ({t.mentions}×)"
    return f"{cell}; {tone_view.stance_brief(stance)}" if stance is not None else cell


def speaker_matrix(story: Story, articles: Sequence[Article], names: dict[str, str]) -> dict[str, Any]:
    """Speakers quoted (or reported) by two or more articles: rows = speakers (one per entity: "Joe Biden" and
    "President Biden" share a row), columns = articles, a cell = utterances and how many another article shares."""
    canon = speaker_canon(list(articles))
    count: dict[str, dict[str, int]] = {}
    for a in articles:
        for q in a.quotes:
            if q.kind == "term" or q.unattributed or q.anonymous or q.speaker is None or not shown(q):
                continue
            name = canon.get((a.id, clean_name(q.speaker.name)))
            if name:
                count.setdefault(name, {}).setdefault(a.id, 0)
                count[name][a.id] += 1
    shared: dict[tuple[str, str], int] = {}
    for g in story.quote_groups:
        if len({m.article for m in g.members}) > 1 and g.speaker:
            for aid in {m.article for m in g.members}:
                shared[(g.speaker, aid)] = shared.get((g.speaker, aid), 0) + 1
    people = sorted((k for k, v in count.items() if len(v) > 1), key=lambda k: (-len(count[k]), k))

    def cell(k: str, aid: str) -> str:
        n = count[k].get(aid, 0)
        return "" if not n else f"{n}" + (f" (shared {shared[(k, aid)]})" if (k, aid) in shared else "")

    rows = [[k, *(cell(k, a.id) for a in articles)] for k in people]
    return {"head": [names.get(a.id, a.id) for a in articles], "rows": rows}


def tone_matrix(story: Story, names: dict[str, str], articles: Sequence[Article] = ()) -> dict[str, Any]:
    """How each article treats each key person: rows = people (one key per name, most mentions first), columns =
    articles; a cell is the article's tone label, score and mentions, then (from ``articles``' tone records) the
    writer's stance and the quoted sources' apart, with their cue words; "" when it does not name the person."""
    cols = story.side_by_side
    records = {a.id: {t.target: t for t in a.tone} for a in articles}
    written: dict[str, str] = {}
    total: dict[str, int] = {}
    cells: dict[str, dict[str, str]] = {}
    for col in cols:
        for t in col.tone:
            key = norm_entity(t.target)
            if not key:
                continue
            if len(t.target) > len(written.get(key, "")):
                written[key] = t.target
            total[key] = total.get(key, 0) + t.mentions
            cells.setdefault(key, {})[col.article] = _tone_cell(t, records.get(col.article, {}).get(t.target))
    people = sorted(total, key=lambda k: (-total[k], k))
    head = [names.get(c.article, c.article) for c in cols]
    rows = [[written[k], *(cells[k].get(c.article, "") for c in cols)] for k in people]
    return {"head": head, "rows": rows, "caveat": tone_view.caveat_line()}


SIDE_HEAD = [
    "article",
    "title",
    "published",
    "slant: classifier (no lean shown)",
    "techniques /1000w; top",
    "frames",
    "tone (unvalidated)",
    "named/anon",
    "opinion",
]


def _md_table(head: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _md_diff(a: str, b: str) -> str:
    parts = []
    for op, text in word_diff(a, b):
        t = text.strip()
        if not t:
            continue
        parts.append(t if op == "equal" else (f"~~{t}~~" if op == "delete" else f"**{t}**"))
    return " ".join(parts)


def story_markdown(story: Story, articles: Sequence[Article]) -> str:
    by_id = {a.id: a for a in articles}
    arts = [by_id[i] for i in story.articles if i in by_id]
    names = article_names(arts)
    out = [f"## {story.label}", "", f"`{story.id}`: {len(story.articles)} article(s)", ""]
    out += narratives_markdown(story, names)
    out += ["### Side by side", "", _md_table(SIDE_HEAD, _side_rows(story, names, arts)), ""]
    tm = tone_matrix(story, names, arts)
    if tm["rows"]:
        out += ["### Tone toward key people", "", f"_{tm['caveat']}_", ""]
        out += [_md_table(["person", *tm["head"]], tm["rows"]), ""]
    if story.timeline:
        out += ["### Timeline", ""]
        out += [f"- {t.published or 'undated'}: {names.get(t.article, t.article)}" for t in story.timeline]
        out.append("")
    out += _claims_markdown(story, arts, names)
    out += related_markdown(story, names)
    sm = speaker_matrix(story, arts, names)
    if sm["rows"]:
        out += [
            "### Speakers quoted by several outlets",
            "",
            "Quotations and reported speech per article; a cell's “shared” counts utterances another article "
            "also renders (verdicts below).",
            "",
            _md_table(["speaker", *sm["head"]], sm["rows"]),
            "",
        ]
    out += _quote_groups_markdown(story, names, bool(sm["rows"]))
    out += conflicts_markdown(story, names)
    out += _omissions_markdown(story, arts, names)
    for w in story.warnings:
        out.append(f"> {w.code}: {w.message}")
    return "\n".join(out).rstrip() + "\n"


def _claims_markdown(story: Story, arts: list[Article], names: dict[str, str]) -> list[str]:
    """Who reports which claim group (✓/≈/·), shared ones first, up to ``MAX_CLAIM_ROWS``."""
    rows, n_claims = _claim_rows(story)
    if not rows:
        return []
    out = [
        "### Claims: who reports what",
        "",
        f"✓ reports it · ≈ a similar statement (similarity < {SURE_MATCH}) · · not reported",
        "",
    ]
    head = ["claim"] + [names[a.id] for a in arts]
    out.append(_md_table(head, [[r.text] + [mark(r, a.id) for a in arts] for r in rows]))
    note = truncated(len(rows), n_claims, "claim groups (shared ones first)")
    return [*out, *(["", note] if note else []), ""]


def _quote_groups_markdown(story: Story, names: dict[str, str], speakers_shown: bool) -> list[str]:
    """Utterances rendered by several articles, then those repeated within one, with each rendering's verdict."""
    across = [g for g in story.quote_groups if len({m.article for m in g.members}) > 1]
    within = [g for g in story.quote_groups if len({m.article for m in g.members}) <= 1]
    out: list[str] = []
    for title, groups in (("Quotes across outlets", across), ("Quotes repeated within one article", within)):
        if not groups:
            if title == "Quotes across outlets" and speakers_shown:
                out += [f"### {title}", "", "No utterance is rendered by more than one article.", ""]
            continue
        out += [f"### {title}", ""]
        for qg in groups:
            out.append(f"- **{cell(qg.speaker or 'unknown speaker', 60)}** ({qg.verdict})")
            for m in qg.members:
                text = cell(m.text, 300)
                v = getattr(m, "verdict", None)
                out.append(
                    f"  - {names.get(m.article, m.article)}"
                    + (f" ({v})" if v and v != "reference" else "")
                    + ": "
                    + (text if m.text[:1] in QUOTE_MARKS else f"“{text}”")
                )
            if len(qg.members) > 1 and qg.members[0].text != qg.members[1].text:
                out.append(f"  - diff: {_md_diff(qg.members[0].text, qg.members[1].text)}")
        out.append("")
    return out


def _omissions_markdown(story: Story, arts: list[Article], names: dict[str, str]) -> list[str]:
    """What each article omits of the central rows (stories of two or more articles)."""
    if len(arts) <= 1 or not _omits(story):
        return []
    out = [
        "### What each omits that others report",
        "",
        "Only what is central: reported by at least half of the other articles and by two or more of them "
        "(in a two-article story, the other's figures, quotes and sources).",
        "",
    ]
    for a in arts:
        lines, more = omission_lines(story, names, a.id)
        out.append(
            f"- **{names[a.id]}** omits " + (f"{len(lines) + more} central row(s)" if lines else "nothing central")
        )
        out += [f"  - {cell(text, 140)} — {why}" for text, why in lines]
        if more:
            out.append(f"  - … and {more} more (all in the JSON output)")
    out.append("")
    return out


def comparison_markdown(comparison: Comparison, articles: Sequence[Article]) -> str:
    head = f"# Story comparison\n\n{len(comparison.stories)} story(ies) from {len(articles)} article(s)\n\n"
    return head + "\n".join(story_markdown(s, articles) for s in comparison.stories)


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("newsprism.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["lean_not_shown"] = lean_not_shown
    return env


def _chart(story: Story, names: dict[str, str]) -> dict[str, Any]:
    """Bars per article: technique counts (story's top techniques) and frame scores (top frames)."""
    cols: list[SideBySide] = story.side_by_side
    tech_total: dict[str, int] = {}
    frame_total: dict[str, float] = {}
    for col in cols:
        for k, v in col.techniques.counts.items():
            tech_total[k] = tech_total.get(k, 0) + v
        for f in col.frames:
            frame_total[f.frame] = frame_total.get(f.frame, 0.0) + f.score
    techs = sorted(tech_total, key=lambda k: -tech_total[k])[:MAX_CHART]
    frames = sorted(frame_total, key=lambda k: -frame_total[k])[:MAX_CHART]
    tmax = max([c.techniques.counts.get(t, 0) for c in cols for t in techs] + [1])
    series = []
    for col in cols:
        counts = col.techniques.counts
        fscores = {f.frame: f.score for f in col.frames}
        series.append(
            {
                "name": names.get(col.article, col.article),
                "techniques": [(t, counts.get(t, 0), 100 * counts.get(t, 0) / tmax) for t in techs],
                "frames": [(f, fscores.get(f, 0.0), 100 * max(0.0, min(1.0, fscores.get(f, 0.0)))) for f in frames],
            }
        )
    notes = [
        truncated(len(techs), len(tech_total), "techniques (most used first)"),
        truncated(len(frames), len(frame_total), "frames (strongest first)"),
    ]
    return {"techniques": techs, "frames": frames, "series": series, "notes": [n for n in notes if n]}


def _story_view(story: Story, articles: Sequence[Article]) -> dict[str, Any]:
    by_id = {a.id: a for a in articles}
    arts = [by_id[i] for i in story.articles if i in by_id]
    names = article_names(arts)
    texts = {r.id: r.text for r in _rows(story)}
    claim_rows, n_claims = _claim_rows(story)
    narratives, narratives_note = narrative_view(story, names)
    related, related_note = related_view(story, names)
    quotes = []
    for qg in story.quote_groups:
        first = qg.members[0].text if qg.members else ""
        quotes.append(
            {
                "speaker": qg.speaker,
                "verdict": qg.verdict,
                "across": len({m.article for m in qg.members}) > 1,
                "members": [
                    {
                        "name": names.get(m.article, m.article),
                        "verdict": getattr(m, "verdict", None),
                        "text": m.text,
                        "diff": word_diff(first, m.text) if i else [],
                        "wrap": m.text[:1] not in QUOTE_MARKS,
                    }
                    for i, m in enumerate(qg.members)
                ],
            }
        )
    return {
        "story": story,
        "arts": arts,
        "names": names,
        "side": story.side_by_side,
        "side_cuts": side_cuts(story, arts),
        "timeline": story.timeline,
        "claim_rows": claim_rows,
        "claims_note": truncated(len(claim_rows), n_claims, "claim groups (shared ones first)"),
        "narratives": narratives,
        "narratives_note": narratives_note,
        "narrative_intro": NARRATIVE_NOTE,
        "related": related,
        "related_note": related_note,
        "related_intro": RELATED_NOTE,
        "omission_lines": {a.id: omission_lines(story, names, a.id) for a in arts},
        "other_rows": [r for r in _rows(story) if r.kind != "claim"],
        "omits": {a.id: _omits(story).get(a.id, Omissions()) for a in arts},
        "texts": texts,
        "conflicts": shown_conflicts(story),
        "conflicts_note": CONFLICTS_NOTE,
        "quotes": quotes,
        "chart": _chart(story, names),
        "tone_matrix": tone_matrix(story, names, arts),
        "speaker_matrix": speaker_matrix(story, arts, names),
        "warnings": story.warnings,
        "max_omits": MAX_OMITS,
        "mark": mark,
        "sure": SURE_MATCH,
    }


def comparison_html(comparison: Comparison, articles: Sequence[Article]) -> str:
    """A self-contained HTML page (inline CSS, no scripts, no network); all text is escaped."""
    template = _env().get_template("comparison.html.j2")
    return template.render(
        schema=comparison.schema_,
        n_articles=len(articles),
        stories=[_story_view(s, articles) for s in comparison.stories],
    )
