"""Claims for a batch of analysed articles: sentence scores, clause split, check-worthy claims with fields."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from newsprism.claims import features as F
from newsprism.claims import fields as FX
from newsprism.claims.model import ClaimsModel, shipped
from newsprism.claims.types import claim_type
from newsprism.model import Claim, make_span

if TYPE_CHECKING:
    from newsprism.options import Options
    from newsprism.registry import Work

CLAUSE_SPLIT_RE = re.compile(r",\s+(?:but|yet|while|whereas|although|though)\s+|;\s+|\s+[—–]\s+")
MIN_WORDS = 4
QUESTION_DAMPING = 0.25  # rhetorical / open questions assert nothing checkable
HEADLINE_MAX_WORDS = 25
DIRECT_KINDS = ("direct", "partial", "block")


@dataclass
class Unit:
    """A scored span: a whole sentence or one clause of it."""

    work: int
    sentence: int
    start: int
    end: int
    is_clause: bool


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",;"):
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a sentence where it joins clauses (", but", ";", a dash) when every part has >= 4 words."""
    parts: list[tuple[int, int]] = []
    cur = start
    for m in CLAUSE_SPLIT_RE.finditer(text, start, end):
        parts.append((cur, m.start()))
        cur = m.end()
    parts.append((cur, end))
    parts = [_trim(text, s, e) for s, e in parts]
    if len(parts) < 2 or any(_words(text[s:e]) < MIN_WORDS for s, e in parts):
        return []
    return parts


def is_headline(work: Work, index: int) -> bool:
    """The first sentence is a headline when the first line has no end punctuation and is short, or it is the title."""
    art = work.article
    sent = art.sentences[index]
    text = art.text[sent.start : sent.end]
    if art.title and text.strip() == art.title.strip():
        return True
    if index != 0:
        return False
    line_end = art.text.find("\n", sent.start)
    line = art.text[sent.start : line_end if line_end >= 0 else len(art.text)].strip()
    return bool(line) and line[-1] not in ".!?\"”’'" and _words(line) <= HEADLINE_MAX_WORDS and line_end >= 0


def _unit_embeddings(batch: list[Work], units: list[Unit], texts: list[str], options: Options | None) -> np.ndarray:
    """Sentence vectors from the per-batch shared cache (``newsprism.nlp.shared``); clauses embedded here."""
    if options is None:
        return F.embeddings(texts, cache=False)
    from newsprism.nlp.shared import sentence_embeddings

    per_article = sentence_embeddings(batch, options)
    out = np.zeros((len(units), 384), dtype=np.float32)
    clause_idx = [k for k, u in enumerate(units) if u.is_clause]
    for k, u in enumerate(units):
        if not u.is_clause:
            out[k] = per_article[u.work][u.sentence]
    if clause_idx:
        out[clause_idx] = F.embeddings([texts[k] for k in clause_idx], cache=False)
    return out


def annotate(batch: list[Work], model: ClaimsModel | None = None, options: Options | None = None) -> None:
    """Score every sentence (and clause) and fill ``article.claims``."""
    model = model or shipped()
    units: list[Unit] = []
    for wi, work in enumerate(batch):
        text = work.article.text
        for si, sent in enumerate(work.article.sentences):
            units.append(Unit(wi, si, sent.start, sent.end, False))
            units.extend(Unit(wi, si, s, e, True) for s, e in clauses(text, sent.start, sent.end))
    texts = [batch[u.work].article.text[u.start : u.end] for u in units]
    emb = _unit_embeddings(batch, units, texts, options) if texts and model.needs_embeddings else None
    scores = model.score(texts, emb)
    cw_t = model.heads["checkworthiness"].threshold
    subj_t = model.heads["subjectivity"].threshold  # at or above it with no number: opinion, not a claim
    split_sentences = {(u.work, u.sentence) for u in units if u.is_clause}
    for work in batch:
        work.article.claims = []
    for k, u in enumerate(units):
        work = batch[u.work]
        art = work.article
        sent = art.sentences[u.sentence]
        text = texts[k]
        question = text.rstrip(" \"'”’)").endswith("?")
        cw = float(scores["checkworthiness"][k]) * (QUESTION_DAMPING if question else 1.0)
        subj = float(scores["subjectivity"][k])
        headline = is_headline(work, u.sentence)
        if not u.is_clause:
            sent.checkworthiness = round(cw, 4)
            sent.subjectivity = round(subj, 4)
            if headline:
                sent.headline = True
            if (u.work, u.sentence) in split_sentences:
                continue  # its clauses are the claim candidates
        if _words(text) < MIN_WORDS or cw < cw_t or question:
            continue
        date_spans = [(e.start, e.end) for e in art.entities if e.label in ("DATE", "TIME")]
        nums = FX.numbers(art.text, u.start, u.end, work.doc, date_spans)
        if subj >= subj_t and not any(n.value is not None for n in nums):
            continue  # opinion: subjective and nothing countable to check
        quote = FX.enclosing_quote(art, u.start, u.end)
        claim = make_span(
            art,
            u.start,
            u.end,
            Claim,
            checkworthiness=round(cw, 4),
            subjectivity=round(subj, 4),
            type=claim_type(text, nums, work.doc, u.start, u.end),
            numbers=nums,
            dates=FX.dates(art, u.start, u.end),
            entities=FX.entities(art, u.start, u.end),
            hedges=FX.hedges(art.text, u.start, u.end, work.doc),
            sourced=FX.sourced(art, u.start, u.end, sent.start, sent.end, quote),
            in_quote=bool(quote is not None and quote.kind in DIRECT_KINDS),
            speaker=quote.speaker.name if quote is not None and quote.speaker is not None else None,
            sentence=u.sentence,
            clause=u.is_clause,
            headline=headline,
        )
        art.claims.append(claim)
    for work in batch:
        work.article.claims.sort(key=lambda c: (c.start, c.end))
