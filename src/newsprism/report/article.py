"""Article reports: self-contained HTML with highlight layers, and Markdown for terminals."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from newsprism.model import Article, Claim, Quote, Tone
from newsprism.quotes.confidence import shown, speech, threshold
from newsprism.report import slant as present
from newsprism.report import tone as tone_view
from newsprism.report.truncation import truncated
from newsprism.techniques.summary import per_1000_words, shown_techniques
from newsprism.titles import display_title

# Colour-blind-safe palette (Okabe-Ito plus two), one colour per speaker in order of first quote.
SPEAKER_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7F3C8D", "#8C6D31"]
LAYERS = ("quotes", "claims", "opinion", "techniques", "slant")
MAX_TONE_ROWS = 8  # people and organisations in the tone table, most mentioned first
MAX_FRAMES = 5
MAX_PHRASES_MD = 15  # slant evidence phrases listed in Markdown (the HTML shows MAX_PHRASES_HTML chips)
MAX_PHRASES_HTML = 12


@dataclass
class Mark:
    """One highlighted span of one layer, with its hover text."""

    layer: str
    start: int
    end: int
    tip: str
    css: str = ""
    style: str = ""


@dataclass
class Segment:
    text: str
    marks: list[Mark] = field(default_factory=list)
    start: int = 0
    anchor: str = ""  # an HTML id, set on the first occurrence of each slant evidence phrase

    @property
    def classes(self) -> str:
        return " ".join(sorted({f"hl-{m.layer}" for m in self.marks} | {m.css for m in self.marks if m.css}))

    @property
    def style(self) -> str:
        return ";".join(m.style for m in self.marks if m.style)

    @property
    def tip(self) -> str:
        return "\n".join(dict.fromkeys(m.tip for m in self.marks if m.tip))


def speaker_colours(article: Article) -> dict[str, str]:
    names: list[str] = []
    for q in filter(shown, article.quotes):
        name = q.speaker.name if q.speaker else "unattributed"
        if name not in names:
            names.append(name)
    return {n: SPEAKER_COLOURS[i % len(SPEAKER_COLOURS)] for i, n in enumerate(names)}


def marks(article: Article) -> list[Mark]:
    """Every highlight of every layer."""
    colours = speaker_colours(article)
    out: list[Mark] = []
    for q in article.quotes:
        if q.kind == "term":  # framing evidence, not speech
            out.append(Mark("quotes", q.start, q.end, "quoted term (title, name or scare quote)"))
            continue
        if not shown(q):  # attitudes and quotations under the confidence threshold (docs/quotes.md)
            continue
        name = q.speaker.name if q.speaker else "unattributed"
        cue = f" ({q.cue})" if q.cue else ""
        out.append(Mark("quotes", q.start, q.end, f"{q.kind} quote — {name}{cue}", style=f"--spk:{colours[name]}"))
    for c in article.claims:
        level = "high" if c.checkworthiness >= 0.7 else "mid"
        out.append(Mark("claims", c.start, c.end, claim_tip(c), css=f"cw-{level}"))
    for sent in article.sentences:  # the opinion layer: sentences judged opinion, or opinion around a fact
        if sent.kind in ("opinion", "mixed"):
            tip = f"{'opinion' if sent.kind == 'opinion' else 'opinion around a checkable fact'}: {sent.kind_reason}"
            out.append(Mark("opinion", sent.start, sent.end, tip, css=f"op-{sent.kind}"))
    for t in shown_techniques(article):  # spans below the shown-span threshold stay in the JSON only
        neutral = f" Neutral: “{t.neutral}”." if t.neutral else ""
        out.append(Mark("techniques", t.start, t.end, f"{t.technique} ({t.score:.2f}): {t.explanation}{neutral}"))
    if article.slant:
        for p in present.phrases_of(article.slant):
            tip = f"{p.side}-coded phrase (log-odds z {p.weight:+.2f}" + (f", {p.count} times)" if p.count > 1 else ")")
            out.append(Mark("slant", p.start, p.end, tip, css=f"sl-{p.side}"))
    return [m for m in out if 0 <= m.start < m.end <= len(article.text)]


def claim_tip(c: Claim) -> str:
    """Hover text of a claim: kind, type, score, what to check and who says so."""
    tip = f"{'fact inside an opinion' if c.kind == 'mixed' else 'claim'} ({c.type}), check-worthiness "
    tip += f"{c.checkworthiness:.2f}"
    if c.proposition_text and c.proposition_text != c.text:
        tip += f"; check: {c.proposition_text}"
    if c.source is not None:
        tip += f"; source: {c.source.text}"
    return tip


def segments(text: str, all_marks: list[Mark]) -> list[Segment]:
    """Split text at every mark boundary; each segment knows every mark covering it (overlaps render)."""
    cuts = sorted({0, len(text)} | {m.start for m in all_marks} | {m.end for m in all_marks})
    out = []
    for a, b in pairwise(cuts):
        if b > a:
            out.append(Segment(text[a:b], [m for m in all_marks if m.start <= a and m.end >= b], start=a))
    return out


def evidence_anchor(prefix: str, start: int) -> str:
    """The HTML id of the slant evidence phrase starting at ``start`` (``prefix`` tells articles apart)."""
    return f"{prefix}-sl-{start}"


def _anchor_evidence(segs: list[Segment], article: Article, prefix: str) -> None:
    if not article.slant:
        return
    starts = {e.start for e in article.slant.evidence}
    for seg in segs:
        if seg.start in starts and any(m.layer == "slant" and m.start == seg.start for m in seg.marks):
            seg.anchor = evidence_anchor(prefix, seg.start)
            starts.discard(seg.start)


def summary(article: Article) -> dict[str, Any]:
    """Per-article numbers shown in both reports."""
    said = [q for q in article.quotes if shown(q)]
    speakers = Counter(q.speaker.name if q.speaker else "unattributed" for q in said)
    shown_tech = shown_techniques(article)
    techniques = Counter(t.technique for t in shown_tech)
    words = len(article.text.split())
    return {
        "title": display_title(article),
        "words": words,
        "quotes": len(said),
        "quotes_held_note": held_back_note(held_back(article)),
        "speakers": speakers.most_common(),
        "claims": len(article.claims),
        "opinions": sum(s.kind in ("opinion", "mixed") for s in article.sentences),
        "techniques": techniques.most_common(),
        "techniques_shown": len(shown_tech),
        "techniques_per_1000": round(per_1000_words(article), 1),  # the comparison shows the same number
        "frames": [(f.frame, f.score) for f in sorted(article.frames, key=lambda f: -f.score)[:MAX_FRAMES]],
        "frames_note": truncated(min(MAX_FRAMES, len(article.frames)), len(article.frames), "frames (strongest first)"),
        "tone": [_tone_row(t) for t in sorted(article.tone, key=lambda t: -t.mentions)[:MAX_TONE_ROWS]],
        "tone_note": truncated(
            min(MAX_TONE_ROWS, len(article.tone)), len(article.tone), "people and organisations (most mentioned first)"
        ),
        "tone_caveat": tone_view.caveat_line(),
    }


def _tone_row(t: Tone) -> dict[str, Any]:
    """Target, label, score, mentions and the strongest evidence clause (with the cue and role, when parsed)."""
    ev = max(t.evidence, key=lambda e: abs(e.weight), default=None)
    cue, role = (ev.cue or "", ev.role or "") if ev else ("", "")
    return {
        "target": t.target,
        "label": t.label or "",
        "score": t.score,
        "mentions": t.mentions,
        "clause": ev.text if ev else "",
        "start": ev.start if ev else None,
        "end": ev.end if ev else None,
        "cue": f"{role} of “{cue}”" if cue and role == "object" else (f"{role}: {cue}" if cue else ""),
        "stance": tone_view.stance_sentence(t),
    }


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(loader=PackageLoader("newsprism.report", "templates"), autoescape=select_autoescape(["j2"]))
    env.filters["tojson_safe"] = lambda v: json.dumps(v).replace("<", "\\u003c")
    return env


def articles_html(articles: Sequence[Article]) -> str:
    """One self-contained HTML page for one or more analysed articles (no network needed to view it)."""
    items = []
    for n, art in enumerate(articles, 1):
        prefix = f"a{n}"  # article ids may hold any character; HTML ids of evidence use the position instead
        segs = segments(art.text, marks(art))
        _anchor_evidence(segs, art, prefix)
        items.append(
            {
                "article": art,
                "segments": segs,
                "summary": summary(art),
                "colours": speaker_colours(art),
                "quote_groups": art.quote_groups,
                "slant": present.view(art) if art.slant else None,
                "phrases_note": _phrases_note(art, MAX_PHRASES_HTML),
                "anchor": prefix,
            }
        )
    return (
        _env()
        .get_template("article.html.j2")
        .render(items=items, layers=LAYERS, caveat=present.PHRASES_NOTE, max_phrases=MAX_PHRASES_HTML)
    )


def _phrases_note(art: Article, cap: int) -> str:
    """The truncation line of the slant evidence phrases ("" when all are listed)."""
    n = len(present.phrases_of(art.slant)) if art.slant else 0
    return truncated(min(cap, n), n, "partisan-coded phrases (strongest first)")


def _md_cell(text: Any, limit: int = 100) -> str:
    s = " ".join(str(text).split())
    return (s[: limit - 1] + "…" if len(s) > limit else s).replace("|", "\\|")


def _techniques_markdown(art: Article) -> list[str]:
    """The shown technique spans as a table (hidden ones, ``shown`` false, are in the JSON only)."""
    spans = shown_techniques(art)
    if not spans:
        return []
    rows = [f"| {t.technique} | {_md_cell(t.text, 60)} | {_md_cell(t.neutral or '–', 40)} |" for t in spans]
    return ["## Persuasion techniques", "", "| technique | span | neutral |", "|---|---|---|", *rows, ""]


def article_markdown(art: Article) -> str:
    s = summary(art)
    lines = _head_markdown(art, s)
    lines += _quotes_markdown(art)
    lines += _claims_markdown(art)
    lines += _techniques_markdown(art)
    if art.slant:
        lines += slant_markdown(art)
    if s["frames"]:
        lines += ["## Frames", "", ", ".join(f"{f} ({v:.2f})" for f, v in s["frames"]), ""]
        lines += [s["frames_note"], ""] if s["frames_note"] else []
    lines += _tone_markdown(s)
    if art.boilerplate:
        lines += ["## Removed as boilerplate", ""]
        lines += [f"- ({b.reason}) {_md_cell(b.text, 90)}" for b in art.boilerplate]
        lines.append("")
    if art.warnings:
        lines += ["## Warnings", ""] + [f"- {w.code}: {w.message}" for w in art.warnings] + [""]
    return "\n".join(lines)


def _tone_markdown(s: dict[str, Any]) -> list[str]:
    """The tone table: that the labels are unvalidated first, then one row per target with the writer's and the
    quoted sources' stance, then the truncation line."""
    if not s["tone"]:
        return []
    lines = ["## Tone toward people", "", f"_{s['tone_caveat']}_", ""]
    lines += ["| target | tone | mentions | strongest clause | stance |", "|---|---|---|---|---|"]
    lines += [
        f"| {_md_cell(t['target'], 40)} | {t['label']} {t['score']:+.2f} | {t['mentions']} | "
        f"{_md_cell(t['clause'], 90)}{' (' + t['cue'] + ')' if t['cue'] else ''} | {_md_cell(t['stance'], 160)} |"
        for t in s["tone"]
    ]
    return [*lines, *(["", s["tone_note"]] if s["tone_note"] else []), ""]


def _head_markdown(art: Article, s: dict[str, Any]) -> list[str]:
    """Title, the id/outlet/byline/date line and the one-line counts."""
    meta = [f"id `{art.id}`"] + [
        f"{k} {v}" for k, v in (("outlet", art.outlet), ("by", art.byline), ("published", art.published)) if v
    ]
    slant = f"slant: {present.one_line(art)}" if art.slant else "slant not measured"
    return [
        f"# {s['title']}",
        "",
        " · ".join(meta),
        "",
        f"{s['words']} words · {s['quotes']} quotes · {s['claims']} claims · {s['opinions']} opinion sentences · "
        f"{s['techniques_shown']} techniques ({s['techniques_per_1000']}/1000 words) · {slant}",
        "",
    ]


def _whole(art: Article, q: Quote) -> str:
    """The quotation's text; a quotation its cue interrupts is its parts joined with " … " (issue 19)."""
    return " … ".join(art.text[s:e] for s, e in sorted([(q.start, q.end), *(q.parts or [])]))


def held_back(art: Article) -> int:
    """Quotations the rules make speech that reports hold back because the attribution scorer is under its
    threshold (one per interrupted quotation); the JSON keeps them with their confidence."""
    return sum(speech(q) and not shown(q) and _first_part(q) for q in art.quotes)


def _first_part(q: Quote) -> bool:
    """Whether ``q`` is a whole quotation or the first part of one its cue interrupts (one row or count each)."""
    return not any(s < q.start for s, _ in q.parts or [])


def held_back_note(n: int) -> str:
    """One line saying how many quotations a report holds back and why ("" when none)."""
    if not n:
        return ""
    return (
        f"{n} more quotation{'s' if n != 1 else ''} held back: the attribution scorer's confidence is under "
        f"{threshold():.2f} (precision first; the JSON keeps {'them' if n != 1 else 'it'} with the confidence)."
    )


def _quotes_markdown(art: Article) -> list[str]:
    """The shown quotes as a table, then the utterances rendered differently within the article."""
    lines: list[str] = []
    if any(shown(q) for q in art.quotes):
        lines += ["## Quotes", "", "| kind | speaker | cue | quote |", "|---|---|---|---|"]
        lines += [
            f"| {q.kind} | {_md_cell(q.speaker.name if q.speaker else '–', 40)} | {q.cue or '–'} | "
            f"{_md_cell(_whole(art, q))} |"
            for q in art.quotes
            if shown(q) and _first_part(q)  # one row per interrupted quotation
        ]
        lines.append("")
    note = held_back_note(held_back(art))
    if note:  # what the report holds back is said, not hidden (issue 19's abstaining scorer)
        lines += ([] if lines else ["## Quotes", ""]) + [f"_{note}_", ""]
    if art.quote_groups:
        lines += ["## Same utterance, different renderings", ""]
        for g in art.quote_groups:
            lines.append(
                f"- {g.speaker or 'unattributed'}: **{g.verdict}** — "
                + " / ".join(f"“{_md_cell(m.text, 80)}”" for m in g.members)
            )
        lines.append("")
    return lines


def _claims_markdown(art: Article) -> list[str]:
    """Check-worthy claims, then the opinion (and mixed) sentences."""
    lines: list[str] = []
    if art.claims:
        lines += ["## Check-worthy claims", "", "| kind | type | score | claim | source |", "|---|---|---|---|---|"]
        lines += [
            f"| {c.kind} | {c.type} | {c.checkworthiness:.2f} | {_md_cell(c.text)} | "
            f"{_md_cell(c.source.text, 40) if c.source else '–'} |"
            for c in art.claims
        ]
        lines.append("")
    opinions = [x for x in art.sentences if x.kind in ("opinion", "mixed")]
    if opinions:
        lines += ["## Opinion", "", "| kind | subjectivity | sentence |", "|---|---|---|"]
        lines += [
            f"| {x.kind} | {x.subjectivity if x.subjectivity is not None else 0:.2f} | "
            f"{_md_cell(art.text[x.start : x.end])} |"
            for x in opinions
        ]
        lines.append("")
    return lines


def slant_markdown(art: Article) -> list[str]:
    """The Slant section: what is measured first, then that no lean is shown, the wording evidence and the
    outlet-style classifier (secondary)."""
    assert art.slant is not None
    v = present.view(art)
    lines = ["## Slant", ""] + [f"- {m}" for m in v.measured] + ["", f"**{v.not_shown}**", ""]
    if v.phrases:
        lines += [
            f"_{present.PHRASES_NOTE}_",
            "",
            ", ".join(
                f"“{_md_cell(p.text, 60)}”"
                + (f" ×{p.count}" if p.count > 1 else "")
                + f" ({p.side}-coded, z {p.weight:+.2f},"
                f" at {p.start}–{p.end})"
                for p in v.phrases[:MAX_PHRASES_MD]
            ),
            "",
        ]
        note = _phrases_note(art, MAX_PHRASES_MD)
        lines += [note, ""] if note else []
    else:
        lines += ["No partisan-coded phrases found.", ""]
    lines += [f"{v.classifier}" + (f" — {v.reason}" if v.reason else ""), ""]
    return lines


def articles_markdown(articles: Sequence[Article]) -> str:
    return "\n---\n\n".join(article_markdown(a) for a in articles)
