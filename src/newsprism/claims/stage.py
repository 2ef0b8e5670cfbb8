"""Claims for a batch of analysed articles: sentence scores, clause split, check-worthy claims with fields."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from newsprism.claims import abstain as AB
from newsprism.claims import features as F
from newsprism.claims import fields as FX
from newsprism.claims.entities import claim_entities
from newsprism.claims.model import ClaimsModel, shipped
from newsprism.claims.other import is_question, other_reason
from newsprism.claims.proposition import named_source, proposition, without_hedges
from newsprism.claims.types import claim_type
from newsprism.model import Claim, make_span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from newsprism.model import Article
    from newsprism.options import Options
    from newsprism.registry import Work

CLAUSE_SPLIT_RE = re.compile(r",\s+(?:but|yet|while|whereas|although|though)\s+|;\s+|\s+[—–]\s+")
MIN_WORDS = 4
QUESTION_DAMPING = 0.25  # rhetorical / open questions assert nothing checkable
HEADLINE_MAX_WORDS = 25
DIRECT_KINDS = ("direct", "partial", "block")
FACT_MAX_SHARE = 0.9  # a governing verb's subtree this close to the whole unit is not a separable fact


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


def own_line(text: str, start: int, end: int) -> bool:
    """The sentence ``text[start:end]`` stands alone on its line (only spaces between it and the line ends)."""
    before, after = text[:start].rstrip(" \t"), text[end:].lstrip(" \t")
    return (not before or before.endswith("\n")) and (not after or after.startswith("\n"))


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


def _label(cw: float, subj: float, cuts: Cuts) -> str:
    """claim | opinion | both (check-worthy and subjective) | unsure (check-worthy, but subjectivity between the
    cuts or check-worthiness under the claim cut) | none (neither)."""
    if subj >= cuts.opinion_from:
        return "both" if cw >= cuts.checkworthiness else "opinion"
    if cw >= cuts.checkworthiness:
        return "claim" if subj < cuts.claim_below and cw >= cuts.claim_checkworthiness else "unsure"
    return "none"


@dataclass(frozen=True)
class Cuts:
    """The kind decision's cuts: the check-worthiness head's threshold and the subjectivity cuts chosen for
    claim / opinion precision on inner CV (``kind_cuts`` in meta.json; the subjectivity head's own threshold
    for both when absent)."""

    checkworthiness: float
    claim_below: float
    opinion_from: float
    claim_checkworthiness: float = 0.0  # a claim also needs this check-worthiness (claims.abstain)

    @classmethod
    def of(cls, model: ClaimsModel) -> Cuts:
        """The head's threshold; the stricter of meta.json's cuts and the abstention cuts (``claims.abstain``)."""
        subj_t = model.heads["subjectivity"].threshold
        kc = model.meta.get("kind_cuts") or {}
        return cls(
            model.heads["checkworthiness"].threshold,
            min(float(kc.get("claim_below", subj_t)), AB.CLAIM_BELOW),
            max(float(kc.get("opinion_from", subj_t)), AB.OPINION_FROM),
            max(model.heads["checkworthiness"].threshold, AB.CLAIM_CHECKWORTHINESS),
        )


def fact_span(art: Article, doc: Doc | None, anchor: int, start: int, end: int) -> tuple[int, int]:
    """The checkable fact around the number/date at ``anchor`` inside an opinion unit: the subtree of the verb
    that governs it ("The reckless decision [to cut the budget by $2 billion in 2019] hurt schools"); the whole
    unit when that subtree is (nearly) the unit or no parse is available."""
    if doc is None:
        return start, end
    tok = next((t for t in doc if t.idx <= anchor < t.idx + len(t.text)), None)
    while tok is not None and tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:  # Tokens are views: no `is`
        tok = tok.head
    if tok is None or tok.pos_ not in ("VERB", "AUX"):
        return start, end
    toks = [t for t in tok.subtree if start <= t.idx < end]
    s, e = _trim(art.text, toks[0].idx, toks[-1].idx + len(toks[-1].text))
    if _words(art.text[s:e]) < MIN_WORDS or (e - s) >= FACT_MAX_SHARE * (end - start):
        return start, end
    return s, e


@dataclass
class Scored:
    unit: Unit
    cw: float
    subj: float
    label: str


def _claim(work: Work, sc: Scored, kind: str, span: tuple[int, int], nlp: Language | None) -> Claim:
    """A Claim over ``span`` (the unit, or a mixed sentence's fact) with the fields a checker looks up."""
    art, doc, u = work.article, work.doc, sc.unit
    sent = art.sentences[u.sentence]
    s, e = span
    text = art.text[s:e]
    date_spans = [(x.start, x.end) for x in art.entities if x.label in ("DATE", "TIME")]
    nums = FX.numbers(art.text, s, e, doc, date_spans)
    quote = FX.enclosing_quote(art, s, e)
    hedges = FX.hedges(art.text, s, e, doc)
    prop, source = proposition(art, s, e, doc)
    if source is None and quote is not None and quote.speaker is not None and quote.speaker.start is not None:
        source = make_span(art, quote.speaker.start, quote.speaker.end or quote.speaker.start)
    source = named_source(art, source)  # "He" -> the speaker's named mention (quotes stage)
    return make_span(
        art,
        s,
        e,
        Claim,
        checkworthiness=round(sc.cw, 4),
        subjectivity=round(sc.subj, 4),
        type=claim_type(text, nums, doc, s, e),
        numbers=nums,
        dates=FX.dates(art, s, e, doc),
        entities=claim_entities(art, s, e, sent.start, sent.end, nlp),
        hedges=hedges,
        sourced=FX.sourced(art, s, e, sent.start, sent.end, quote),
        in_quote=bool(quote is not None and quote.kind in DIRECT_KINDS),
        speaker=quote.speaker.name if quote is not None and quote.speaker is not None else None,
        sentence=u.sentence,
        clause=u.is_clause or span != (sent.start, sent.end),
        headline=False,
        kind=kind,
        proposition=prop,
        proposition_text=without_hedges(prop, hedges) if prop is not None else None,
        source=source,
    )


def _anchor(work: Work, sc: Scored) -> int | None:
    """Start of the first countable number or dated mention in an opinion unit (what makes it partly checkable)."""
    art, u = work.article, sc.unit
    date_spans = [(x.start, x.end) for x in art.entities if x.label in ("DATE", "TIME")]
    starts = [n.start for n in FX.numbers(art.text, u.start, u.end, work.doc, date_spans) if n.value is not None]
    starts += [d.start for d in FX.dates(art, u.start, u.end, work.doc)]  # durations are not dates (claims.dates)
    return min(starts) if starts else None


def _sentence(work: Work, si: int, items: list[Scored], cuts: Cuts, nlp: Language | None) -> None:
    """Set the sentence's scores and kind; append its claims (claim units, or a mixed sentence's fact)."""
    art = work.article
    sent = art.sentences[si]
    whole = next(x for x in items if not x.unit.is_clause)
    sent.checkworthiness, sent.subjectivity = round(whole.cw, 4), round(whole.subj, 4)
    headline = is_headline(work, si)
    if headline:
        sent.headline = True
    sent.kind, sent.kind_reason, sent.fact = "other", None, None
    own = own_line(art.text, sent.start, sent.end)
    reason = other_reason(art.text[sent.start : sent.end], headline, work.doc, sent.start, sent.end, own)
    if reason is not None:
        sent.kind_reason = reason
        return
    parts = [x for x in items if x.unit.is_clause]
    if not parts or all(x.label == "none" for x in parts):
        parts = [whole]
    claims = [x for x in parts if x.label == "claim"]
    opinions = [x for x in parts if AB.is_opinion_label(x.label)]
    scores = (
        f"check-worthiness {whole.cw:.2f} (cut {cuts.checkworthiness:.2f}, claim from "
        f"{cuts.claim_checkworthiness:.2f}), subjectivity {whole.subj:.2f} "
        f"(claim below {cuts.claim_below:.2f}, opinion from {cuts.opinion_from:.2f})"
    )
    block = _blocking(work, si, items) if claims else None
    if claims and block is None:
        if opinions:
            sent.kind, sent.kind_reason = "mixed", f"a check-worthy clause beside an opinion clause; {scores}"
            sent.fact = make_span(art, claims[0].unit.start, claims[0].unit.end)
        else:
            sent.kind, sent.kind_reason = "claim", scores
        kind = "mixed" if opinions else "claim"
        art.claims.extend(_claim(work, x, kind, (x.unit.start, x.unit.end), nlp) for x in claims)
        return
    _not_claim(work, si, parts, block, scores, nlp)


def _blocking(work: Work, si: int, items: list[Scored]) -> str | None:
    """The cue that keeps sentence ``si`` from being a claim (``claims.abstain.blocking_cue``), else
    ``"reported"`` for reported words with no number or date in any unit (``claims.abstain.reported_block``)."""
    art, sent = work.article, work.article.sentences[si]
    future = AB.main_verb_future(work.doc, sent.start, sent.end)
    attributed = _attributed(art, sent.start, sent.end)
    cue = AB.blocking_cue(art.text[sent.start : sent.end], attributed, future)
    if cue is None and attributed:
        return AB.reported_block(attributed, any(_anchor(work, x) is not None for x in items))
    return cue


def _attributed(art: Article, start: int, end: int) -> bool:
    """The sentence reports someone's words: mostly a quotation, or a reporting verb ("said", "according to")."""
    return FX.enclosing_quote(art, start, end) is not None or bool(FX.ATTRIBUTION_RE.search(art.text[start:end]))


def _quoted(art: Article, start: int, end: int) -> bool:
    """The sentence is mostly a direct quotation (direct, partial or block: someone's own words)."""
    quote = FX.enclosing_quote(art, start, end)
    return quote is not None and quote.kind in DIRECT_KINDS


def _not_claim(work: Work, si: int, parts: list[Scored], block: str | None, scores: str, nlp: Language | None) -> None:
    """Kind of a sentence with no (unblocked) claim unit: mixed (a number/date to check), opinion, or other
    with the reason it abstained."""
    art = work.article
    sent = art.sentences[si]
    checkable = [x for x in parts if x.label in ("both", "unsure") or (block is not None and x.label == "claim")]
    anchored = [(x, a) for x in checkable if (a := _anchor(work, x)) is not None]
    if anchored:
        x, a = anchored[0]
        span = fact_span(art, work.doc, a, x.unit.start, x.unit.end)
        why = f"a {block} cue" if block is not None else "partly subjective"
        sent.kind, sent.kind_reason = "mixed", f"{why} but holds a number or date to check; {scores}"
        sent.fact = make_span(art, *span)
        art.claims.append(_claim(work, x, "mixed", span, nlp))
    elif any(AB.is_opinion_label(x.label) for x in parts):
        sent.kind = "opinion"
        sent.kind_reason = f"subjective, nothing countable or dated to check; {scores}"
    elif (cue := AB.opinion_cue(art.text[sent.start : sent.end], _quoted(art, sent.start, sent.end))) is not None:
        sent.kind, sent.kind_reason = (
            "opinion",
            f"explicit judgement ({cue} cue: first person or judgement frame); {scores}",
        )
    elif block == "reported":
        sent.kind_reason = f"reported words with no number or date to check: may be a judgement (abstained); {scores}"
    elif block is not None:
        sent.kind_reason = f"check-worthy but a {block} cue: not a clean claim (abstained); {scores}"
    elif checkable:
        sent.kind_reason = f"undecided between claim and opinion (abstained); {scores}"
    else:
        sent.kind_reason = f"neither check-worthy nor subjective; {scores}"


def annotate(batch: list[Work], model: ClaimsModel | None = None, options: Options | None = None) -> None:
    """Score every sentence (and clause), give each sentence its kind, and fill ``article.claims``."""
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
    cuts = Cuts.of(model)
    nlp = _tagger(options)
    per_sentence: dict[tuple[int, int], list[Scored]] = {}
    for k, u in enumerate(units):
        question = is_question(texts[k])
        cw = float(scores["checkworthiness"][k]) * (QUESTION_DAMPING if question else 1.0)
        subj = float(scores["subjectivity"][k])
        per_sentence.setdefault((u.work, u.sentence), []).append(Scored(u, cw, subj, _label(cw, subj, cuts)))
    for work in batch:
        work.article.claims = []
    for (wi, si), items in per_sentence.items():
        _sentence(batch[wi], si, items, cuts, nlp)
    for work in batch:
        work.article.claims.sort(key=lambda c: (c.start, c.end))


def _tagger(options: Options | None) -> Language | None:
    """The spaCy pipeline the entity filter re-tags with (the nlp stage's model)."""
    from newsprism.nlp.spacy_loader import load_spacy
    from newsprism.options import load_options

    return load_spacy((options or load_options()).spacy_model)
