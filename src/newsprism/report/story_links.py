"""What links the articles of a story in a report (issue 21, 26): narratives, partial matches and the number
conflicts shown, as Markdown lines and as views for the HTML template."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsprism.model import Member, NumberConflict, Story
from newsprism.report.truncation import cell, truncated

MAX_NARRATIVES = 6  # narratives a report opens with, most articles first
MAX_RELATED = 10  # partial matches a report lists, closest to the same claim first
QUOTE_MARKS = "\"“”‘’'«»"
# Said wherever conflicts are shown: on blind same-event samples most shown reports were not real conflicts
# (docs/conflicts.md, README trust table), so a reader gets them as leads, not verdicts (issue 26).
CONFLICTS_NOTE = (
    "Leads to check, not verdicts: on our blind samples of same-event coverage few shown reports were real"
    " conflicts (docs/conflicts.md)."
)


def shown_conflicts(story: Story) -> list[NumberConflict]:
    """The conflicts a report shows: confidence >= SHOW_THRESHOLD (the JSON keeps every conflict); a conflict
    without a confidence (a comparison from before issue 26) is shown."""
    from newsprism.compare.conflicts import SHOW_THRESHOLD

    return [c for c in story.number_conflicts if c.confidence is None or c.confidence >= SHOW_THRESHOLD]


def conflicts_markdown(story: Story, names: dict[str, str]) -> list[str]:
    shown = shown_conflicts(story)
    if not shown:
        return []
    out = ["### Numbers that disagree", "", f"_{CONFLICTS_NOTE}_", ""]
    for c in shown:
        vals = "; ".join(f"{names.get(v.article, v.article)}: **{cell(v.text, 40)}**" for v in c.values)
        how = "same claim" if c.match == "claim_group" else "similar claims"
        conf = f", confidence {c.confidence:.2f}" if c.confidence is not None else ""
        out.append(f"- {c.kind} `{c.quantity or ''}` ({how}{conf}): {vals}")
        if c.why:
            out.append(f"  - why: {c.why}")
        for v in c.values:
            out.append(f"  - {names.get(v.article, v.article)}: {cell(v.claim.text, 200)}")
    return [*out, ""]


def _statements(members: Sequence[Member], names: dict[str, str]) -> list[tuple[str, str, bool]]:
    """(column name, text, whether to wrap it in quotation marks: not when it starts with its own) per statement."""
    return [(names.get(m.article, m.article), m.text, m.text[:1] not in QUOTE_MARKS) for m in members]


def narrative_view(story: Story, names: dict[str, str]) -> tuple[list[dict[str, Any]], str]:
    """The narratives a report shows (up to ``MAX_NARRATIVES``): label, who states it, the linking phrases and
    each member statement; and the truncation line ("" when all are shown)."""
    out = []
    for nv in story.narratives[:MAX_NARRATIVES]:
        out.append(
            {
                "id": nv.id,
                "label": nv.label,
                "who": [names.get(a, a) for a in nv.articles],
                "terms": nv.terms,
                "strength": nv.strength,
                "members": _statements(nv.members, names),
            }
        )
    return out, truncated(len(out), len(story.narratives), "narratives (most articles first)")


def related_view(story: Story, names: dict[str, str]) -> tuple[list[dict[str, Any]], str]:
    """The partial matches a report shows (up to ``MAX_RELATED``, closest to the same claim first) and the truncation
    line."""
    out = []
    for r in story.related_claims[:MAX_RELATED]:
        out.append(
            {
                "members": _statements(r.members, names),
                "why": r.why,
                "p_same": r.p_same,
                "p_related": r.p_related,
            }
        )
    return out, truncated(len(out), len(story.related_claims), "partial matches (closest first)")


def narratives_markdown(story: Story, names: dict[str, str]) -> list[str]:
    """What several outlets say: the narratives the comparison opens with."""
    if len(story.articles) < 2:
        return []
    shown, note = narrative_view(story, names)
    out = ["### Narratives: what several outlets say", ""]
    if not shown:
        return [*out, "No statement is linked across articles (claim pair scorer and a shared phrase).", ""]
    out += [NARRATIVE_NOTE, ""]
    for nv in shown:
        terms = f"; shared phrase: {', '.join(nv['terms'])}" if nv["terms"] else ""
        out.append(f"- **{cell(nv['label'], 200)}** ({', '.join(nv['who'])}{terms}; strength {nv['strength']:.2f})")
        out += [f"  - {name}: {_q(text, 220)}" for name, text, _ in nv["members"]]
    return [*out, *(["", note] if note else []), ""]


def related_markdown(story: Story, names: dict[str, str]) -> list[str]:
    """Partial matches: the same event told with another figure, actor or aspect."""
    shown, note = related_view(story, names)
    if not shown:
        return []
    out = ["### Related statements (partial matches)", "", RELATED_NOTE, ""]
    for r in shown:
        (na, ta, _), (nb, tb, _) = r["members"]
        out.append(f"- {na}: {_q(ta, 160)} ↔ {nb}: {_q(tb, 160)}")
        out.append(f"  - {r['why']} (P(same) {r['p_same']:.2f}, P(same or related) {r['p_related']:.2f})")
    return [*out, *(["", note] if note else []), ""]


def _q(text: str, limit: int) -> str:
    """A statement in a table cell, in quotation marks unless it starts with its own."""
    shown = cell(text, limit)
    return shown if text[:1] in QUOTE_MARKS else f"“{shown}”"


NARRATIVE_NOTE = (
    "Propositions two or more articles make: statements the claim pair scorer calls the same claim, or related "
    "and sharing a phrase rare in the story; each with its statements per article."
)
RELATED_NOTE = (
    "Same event, another figure, actor or aspect (the claim pair scorer's “related”): each statement's closest "
    "related statement in another article, closest to the same claim first, with what differs."
)
