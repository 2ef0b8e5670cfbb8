"""Passes for reported speech without quotation marks: a cue verb's clause or object ("Sanders said Harris
had …", "Baker blamed the budget office"), content before or around the cue ("…, Obama said."),
"according to X", and sourceless attributions ("X is expected to …", "X appears to …")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from newsprism.lexicons.speech import (
    ATTITUDE,
    CLAUSE_CUES,
    EVIDENCE_CUES,
    OBJECT_CUES,
    PASSIVE_CUES,
    PREP_FRAMES,
    RAISING_CUES,
    REPORT_CUES,
    SPEECH,
    WRITER_MODALS,
    is_cue,
)
from newsprism.quotes.candidate import Candidate
from newsprism.quotes.context import according_object, agentive, frame_prep, words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newsprism.quotes.context import Context

# Recordings and documents: "according to the video of his statement" is the owner's speech.
RECORD_NOUNS = frozenset(
    {
        "video", "footage", "recording", "tape", "clip", "transcript", "statement", "remarks", "speech",
        "interview", "letter", "memo", "email", "post", "tweet", "testimony", "op-ed", "column",
    }
)  # fmt: skip
# Cues that take the rest of the sentence when the parse gives them no clause ("He added, …")
TRAILING_CUES = frozenset(["mention", "add", "state", "note", "report", "say", "tell"])
Part = tuple[int, int]
JOINERS = frozenset(["but", "though", "although", "while", "whereas", "yet"])  # a second source's statement
REPLY_VERBS = frozenset(["clarify", "counter", "respond", "reply", "correct", "retort"])
LEAD_IN = re.compile(
    r"(?:little|nothing|much|for\b)[^.;:\"“”]{0,80}?,?\s+(?:other than|except|besides|beyond|apart from"
    r"|which (?:is|was))\s+(?=that\s)",
    re.I,
)
HYPOTHETICAL_MODALS = frozenset(["could", "might", "may", "should", "'d", "’d"])
QUOTING = frozenset(["quote", "cite", "describe", "paraphrase", "record"])  # "… X as saying"
IMAGINE = frozenset(["imagine", "suppose", "picture"])
CONDITIONALS = frozenset(["if", "unless", "whether"])
NARRATIVE = frozenset(["later", "eventually", "often", "repeatedly", "frequently", "always", "once", "also"])
RELAYED_LINE = re.compile(r":\s*[“\"][^”\"]+[”\"]\s*,?\s*$")
DASH = re.compile(r"\s(?:—|–|--)\s")
# "— which critics doubt", "— a claim the agency disputes": the writer's comment on the reported words (session 8)
WRITER_ASIDE = re.compile(
    r"(?:which|an? (?:claim|assertion|statement|figure|prediction|promise|charge|allegation|view|position"
    r"|contention|remark|number|estimate|forecast|pledge|boast)s?)\b",
    re.I,
)
ASIDE = re.compile(r"(?:a|an|which|something|one)\b[^.;:]{0,60}?\b(?:he|she|they|who)\b", re.I)


def sourceless_candidates(ctx: Context) -> list[Candidate]:
    """Attributions without a source: raising verbs ("X appears to …", "it appears that …") and agentless
    passives ("X is expected to …", "X is said to be …"). The content is the complement and the
    subject (two parts of one event, as PolNeAR splits them); ``sourceless: true``, attitude."""
    out: list[Candidate] = []
    for tok in ctx.doc:
        lem = tok.lemma_.lower()
        if tok.pos_ not in ("VERB", "AUX") or ctx.in_marks(tok.idx) or ctx.in_person_block(tok.idx):
            continue
        kids = list(tok.children)
        if lem in RAISING_CUES:
            pass
        elif lem in PASSIVE_CUES and tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in kids):
            if any(c.dep_ == "agent" for c in kids):
                continue
        else:
            continue
        comps = [c for c in kids if c.i > tok.i and c.dep_ in ("xcomp", "ccomp", "acomp", "oprd", "attr")]
        subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
        if not comps or subj is None:
            continue
        if lem in PASSIVE_CUES and comps[0].dep_ != "xcomp":
            continue  # "X is expected." / "it is said that": not this frame
        first, last = comps[0], comps[-1]
        s, e = ctx.trim(first.left_edge.idx, last.right_edge.idx + len(last.right_edge.text))
        if words(ctx.text[s:e]) < 2:
            continue
        event = len(out) + 1
        extra = {"attitude": True, "sourceless": True}
        out.append(
            Candidate("indirect", s, e, cue=tok, event=event, extra=dict(extra), claims_cue=True, rule="sourceless")
        )
        if subj.lower_ != "it" and subj.pos_ != "PRON":
            ss, se = ctx.trim(subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text))
            if se > ss:
                part = Candidate(
                    "indirect", ss, se, cue=tok, event=event, extra=dict(extra), part=True, rule="sourceless"
                )
                out.append(part)
    return out


def verb_candidates(ctx: Context) -> list[Candidate]:
    """Reported speech and attitudes led by a cue verb, and "according to X" (sentence by sentence)."""
    out: list[Candidate] = []
    for sent in ctx.doc.sents:
        if ctx.in_person_block(sent.start_char):
            continue
        for tok in sent:
            if ctx.in_marks(tok.idx):
                continue
            if tok.lower_ == "according":
                out.extend(_according(ctx, tok, sent, len(out) + 1))
                continue
            if tok.pos_ not in ("VERB", "AUX") or not is_cue(tok.lemma_, stance=True) or tok.lemma_.lower() == "be":
                continue
            out.extend(_verb_cue(ctx, tok, sent, len(out) + 1))
    return out


def _verb_cue(ctx: Context, tok: Token, sent: Span, event: int) -> list[Candidate]:
    subj = _quoted_as(tok) or ctx.speaker_for(tok)
    lem = tok.lemma_.lower()
    clause = any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children)
    speech = lem in REPORT_CUES or lem in EVIDENCE_CUES or clause
    if subj is None or not agentive(subj, speech=speech):
        return []
    if any(c.dep_ == "aux" and c.lower_ in WRITER_MODALS for c in tok.children) and not agentive(subj):
        return []  # "A continuation … would confirm …": the writer's inference, not a speech act of its subject
    if _pronoun_opens_clause(tok, subj):
        return []  # "…, John Herbst, a former envoy, said he feared …": "he" opens the reported clause (round 4)
    found = _content(ctx, tok, subj, sent)
    if found is None:
        return []
    (s, e), pending, rule = found
    e = _before_other_statement(ctx, s, e, subj)
    s = _after_lead_in(ctx.text, s, e)
    s, e = ctx.extend_marks(*ctx.trim(s, _before_narration(ctx.text, s, e)))
    if e - s < 8:
        return []
    extra: dict[str, Any] = {"attitude": True} if lem in ATTITUDE or _hypothetical(tok) else {}
    if rule == "clause" and _relays(tok):
        extra["outlet_report"] = True  # "Time reported that Reed said …": Reed's words, relayed (not shown)
    out = [Candidate("indirect", s, e, subj=subj, cue=tok, event=event, extra=extra, exclusive_cue=True, rule=rule)]
    if pending is not None:
        part = Candidate("indirect", *pending, subj=subj, cue=tok, event=event, extra=dict(extra), part=True, rule=rule)
        out.append(part)
    return out


def _content(ctx: Context, tok: Token, subj: Token, sent: Span) -> tuple[Part, Part | None, str] | None:
    """The content span of a cue verb (and a first part when a parenthetical cue splits it), tried in order:
    commas around the cue, its clause, a clause before it, the sentence around a parenthetical cue, the main
    clause of "As X reported, …", its object or prepositional frame, the rest of the sentence."""
    doc = ctx.doc
    lem = tok.lemma_.lower()
    comps = [c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i]
    left_comps = [c for c in tok.children if c.dep_ == "ccomp" and c.i < tok.i]
    obj_deps = ("dobj", "xcomp", "oprd", "prep") if lem in ("call", "refer") else ("dobj", "xcomp", "oprd")
    objs = [c for c in tok.children if c.dep_ in obj_deps and c.i > tok.i and not frame_prep(c)]
    objs += [o for c in tok.children if frame_prep(c) for o in c.children if o.dep_ in ("pobj", "pcomp")]
    if _introduces_block(ctx, tok) or _header_before_attribution(ctx, tok, sent):
        return None  # "In a letter released Friday, the association said:" + a block: the block is the content
    around = _comma_cue(ctx, tok, subj, sent)
    if around is not None:
        return (*around, "comma")
    if comps:
        c = comps[0]
        last = _clause_end(tok, c)
        # the complementizer stays: "that he was a threat" is the reported clause as written
        return (c.left_edge.idx, last.idx + len(last.text)), None, "clause"
    if (
        left_comps
        and lem in CLAUSE_CUES
        and subj.i > left_comps[0].right_edge.i
        and doc[subj.left_edge.i - 1].text in (",", "”", '"')
        and not _has_complement(tok)
    ):
        # "…GOP rivals, Obama said.": the reported clause precedes the cue
        c = left_comps[0]
        return (c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)), None, "clause_before"
    if (
        lem in CLAUSE_CUES
        and tok.dep_ in ("parataxis", "advcl", "conj", "ccomp")
        and tok.head.i < subj.left_edge.i < tok.i
        and subj.left_edge.i > 0
        and doc[subj.left_edge.i - 1].text == ","
        and not _has_complement(tok)
    ):
        return (sent.start_char, subj.left_edge.idx), None, "before"
    if lem in CLAUSE_CUES and tok.dep_ == "parataxis" and subj.i < tok.i:
        # "Bob, they said, ordered them to wait.": the sentence around the parenthetical cue
        left_part = (sent.start_char, subj.left_edge.idx)
        right_part = (tok.right_edge.idx + len(tok.right_edge.text), sent.end_char)
        return max(left_part, right_part, key=lambda p: p[1] - p[0]), None, "parenthetical"
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children) and tok.dep_ == "advcl":
        # "As The Hill reported, Trump was accused …": the main clause is the content
        right = tok.right_edge.i + 1
        return ((doc[right].idx if right < sent.end else sent.end_char), sent.end_char), None, "as_reported"
    if (lem in OBJECT_CUES or lem in PREP_FRAMES) and objs:
        first = min(objs, key=lambda c: c.i)
        rule = "object_clause" if first.dep_ in ("xcomp", "ccomp", "pcomp") else "object"
        last = _frame_end(tok)
        return (first.left_edge.idx, last.idx + len(last.text)), None, rule
    acts = any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in tok.children) or _amount_next(tok)
    if lem in TRAILING_CUES and tok.i + 2 < sent.end and not (acts and lem == "add"):
        # "Google added a policy …", "Acme added 2%": an object or amount makes it an action (issue 19, rounds 4-5)
        rest = _trailing(tok, sent)
        return None if rest is None else (rest, None, "trailing")
    return None


def _amount_next(tok: Token) -> bool:
    """An amount right after the cue ("Acme added 2% on Friday", "added $3"): a gain, not "He added, …"."""
    nxt = tok.i + 1
    return nxt < len(tok.doc) and (tok.doc[nxt].like_num or tok.doc[nxt].text in ("$", "€", "£", "%"))


def _introduces_block(ctx: Context, tok: Token) -> bool:
    """The cue ends its paragraph with a colon: a speaker line whose content is the paragraph after it."""
    nxt = tok.i + 1
    if nxt >= len(ctx.doc) or ctx.doc[nxt].text != ":":
        return False
    return not ctx.text[ctx.doc[nxt].idx + 1 : ctx.doc[nxt].idx + 80].split("\n", 1)[0].strip()


def _header_before_attribution(ctx: Context, tok: Token, sent: Span) -> bool:
    """A header ("What they're saying: Mednax CEO Roger Medel said on a call that …") whose colon is followed by
    an attribution of its own: that attribution is the quotation, not the header's (issue 19, round 2)."""
    nxt = tok.i + 1
    if nxt >= sent.end or ctx.doc[nxt].text != ":":
        return False
    return any(
        t.pos_ == "VERB" and t.lemma_.lower() in SPEECH and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        for t in ctx.doc[nxt + 1 : sent.end]
    )


def _clause_end(tok: Token, comp: Token) -> Token:
    """The last token of a cue's reported clause, with the clauses the parser hung on the cue that continue it
    (issue 19, round-2 judged spans): a further complement ("said he held the bill back, so he could draft …",
    "… were he in her place"), a coordinated "that" clause ("…, but that it would not …") or a coordinated clause
    that quotes ("and he is "prepared to testify …""). Another coordinated statement stays out."""
    last = comp.right_edge
    for c in tok.rights:
        if c.i <= last.i or c.dep_ in ("punct", "cc"):
            continue
        further = c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")
        that = c.dep_ == "conj" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        quoted = c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and _opens_quote(c)
        if not (further or that or quoted) or any(m.lemma_.lower() in SPEECH for m in c.subtree if m.pos_ == "VERB"):
            break
        last = c.right_edge
    return last


def _opens_quote(c: Token) -> bool:
    return any(t.text in ("“", '"') for t in c.subtree)


def _before_narration(text: str, s: int, e: int) -> int:
    """The end of reported content before a narrator's aside set off by one dash ("… was the best available — a
    point he re-emphasized on Sunday"): an unpaired dash followed by a noun phrase or "which" whose clause names
    the speaker again, or "which" / "a claim …" (the writer's comment on the words, session 8). An aside without
    either ("— a lack of funding") stays content."""
    piece = text[s:e]
    dashes = [m for m in DASH.finditer(piece)]
    if len(dashes) != 1:
        return e
    at = dashes[0].end()
    if ASIDE.match(piece, at) is None and WRITER_ASIDE.match(piece, at) is None:
        return e
    return s + dashes[0].start()


def _before_other_statement(ctx: Context, s: int, e: int, subj: Token) -> int:
    """The end of reported content before another source's statement joined to it by "but", "though",
    "although", "while" or "whereas" ("X said talks had advanced, but an aide predicted the duties will start";
    "… — though Y later clarified …"): the writer reports a second source there (issue 19, round 4)."""
    span = ctx.doc.char_span(s, e, alignment_mode="contract")
    if span is None:
        return e
    for t in span:
        lem = t.lemma_.lower()
        if (
            t.pos_ != "VERB"
            or t.dep_ not in ("conj", "advcl")
            or not (is_cue(lem) or lem in EVIDENCE_CUES | REPLY_VERBS)
        ):
            continue
        nsubj = [c for c in t.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") and c.i != subj.i]
        if not nsubj or nsubj[0].i < span.start:
            continue
        first = min(nsubj[0].left_edge.i, t.left_edge.i)  # the clause, or the word before it: "but", "though"
        cut = first if ctx.doc[first].lower_ in JOINERS else first - 1
        if cut <= span.start or ctx.doc[cut].lower_ not in JOINERS:
            continue
        while cut - 1 > span.start and _separator(ctx.doc[cut - 1]):  # ", but" / "— though", not "(…), but"
            cut -= 1
        if cut > span.start:
            return ctx.doc[cut].idx
    return e


def _separator(t: Token) -> bool:
    """Punctuation that separates a joined statement (",", ";", a dash), not a closing bracket or quotation
    mark that ends the reported words themselves (session 8: the walk back stepped over ")")."""
    return t.is_punct and not (t.is_right_punct or t.is_bracket or t.is_quote or t.text in (")", "]", "}"))


def _quoted_as(tok: Token) -> Token | None:
    """ "The magazine quoted Reed as saying …": the object of "quote … as" is the one saying it (session 8)."""
    if tok.tag_ != "VBG" or tok.head.lower_ != "as" or tok.head.head.lemma_.lower() not in QUOTING:
        return None
    return next((c for c in tok.head.head.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "NOUN", "PRON")), None)


def _relays(tok: Token) -> bool:
    """The cue's reported clause is itself someone else's speech ("The magazine reported that Reed said …",
    "Lee said an agent told him …"): the words are the inner speaker's; the relay is kept for PolNeAR, does not
    cover the inner quotation in the merge, and is not shown (session 8, round-3/4 class "the reporting outlet
    instead of the person")."""
    if tok.lemma_.lower() not in SPEECH:
        return False  # "wanted Baker to call …": an attitude, not a report
    comp = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
    if comp is None or comp.pos_ != "VERB" or comp.lemma_.lower() not in SPEECH:
        return False
    if comp.tag_ not in ("VBD", "VBZ", "VBP") or any(c.tag_ == "MD" for c in comp.children):
        return False  # a past or present inner report only ("to call the board", "would call" are no report)
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("PROPN", "NOUN") for c in comp.children)


def _hypothetical(tok: Token) -> bool:
    """A speech act that did not happen: negated ("did not say"), conditional ("If Reed said …"), modal ("might
    say", "would never say"; not the narrative "would later say") or imagined ("Imagine Reed saying …"). Its
    clause is no one's words; it stays for PolNeAR but is not shown (session 8, round-4 class "a hypothetical
    'say'")."""
    kids = list(tok.children)
    if any(c.dep_ == "neg" for c in kids) or any(c.dep_ == "mark" and c.lower_ in CONDITIONALS for c in kids):
        return True
    modals = {c.lower_ for c in kids if c.dep_ == "aux"}
    if modals & HYPOTHETICAL_MODALS:
        return True
    if "would" in modals and not any(c.dep_ == "advmod" and c.lower_ in NARRATIVE for c in kids):
        return True
    before = tok.doc[tok.sent.start : tok.i]  # "Imagine Reed saying …" (the parser may fold "Imagine" into the name)
    return tok.tag_ == "VBG" and any(t.lemma_.lower() in IMAGINE or t.lower_ in IMAGINE for t in before)


def _pronoun_opens_clause(tok: Token, subj: Token) -> bool:
    """The parser took the pronoun right after the cue for its subject, yet a finite verb follows it ("said he
    feared …"): the pronoun is the reported clause's subject, and the speaker is elsewhere."""
    nxt = subj.i + 1
    return (
        subj.pos_ == "PRON"
        and subj.i == tok.i + 1
        and nxt < len(subj.doc)
        and subj.doc[nxt].tag_ in ("VBD", "VBZ", "VBP", "MD")
    )


def _after_lead_in(text: str, s: int, e: int) -> int:
    """The start of reported content after the writer's lead-in to a "that" clause: "has said little about the
    audit, other than that …", "what he has said for years, which is that …" (issue 19, round 4)."""
    m = LEAD_IN.match(text, s, e)
    return s if m is None else m.end()


def _frame_end(tok: Token) -> Token:
    """The last token of a cue's object frame: its right dependents but a coordinated clause ("…, but Kaine said
    he would not attend" is another statement, issue 19)."""
    rights = [c for c in tok.rights if c.dep_ not in ("conj", "cc", "punct")]
    return max((c.right_edge for c in rights), key=lambda t: t.i, default=tok)


def _has_complement(tok: Token) -> bool:
    """The cue already has its content after it ("he criticized America for …"), so a clause before it is the
    writer's ("It should be noted that …, he criticized …"), not the reported words."""
    return any(c.i > tok.i and c.dep_ in ("dobj", "ccomp", "xcomp", "dative") for c in tok.children)


def _trailing(tok: Token, sent: Span) -> Part | None:
    """ "He added, Harris will …": the rest of the sentence when it holds a clause and no subject of the cue."""
    rest = [t for t in sent if t.i > tok.i]
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i == tok.i for t in rest):
        return None
    if not any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("ccomp", "conj", "relcl", "advcl") for t in rest):
        return None
    if rest[0].lower_ in ("that", ",", "to"):
        rest = rest[1:]
    if not rest:
        return None
    return rest[0].idx, rest[-1].idx + len(rest[-1].text)


def _comma_cue(ctx: Context, tok: Token, subj: Token, sent: Span) -> tuple[Part, Part | None] | None:
    """Cues set off by commas, read from the words (robust to parse errors):
    "…, Obama said." / "…, said Mark Kantrowitz, an expert." / "If …, Rubio said, Christians must …".
    A parenthetical cue gives two parts of one quote event: (the rest, the part before the cue)."""
    if tok.lemma_.lower() not in SPEECH:
        return None
    doc = ctx.doc
    if subj.i < tok.i:
        k = subj.left_edge.i - 1
        if k <= sent.start or doc[k].text != ",":
            return None
        if any(t.is_punct for t in doc[subj.left_edge.i : tok.i]):
            return None
        after = list(doc[tok.i + 1 : sent.end])
        comma = next((t for t in after if t.text == ","), None)
        to_comma = after[: (comma.i - tok.i - 1) if comma is not None else len(after)]
        words_to_comma = [t for t in to_comma if not t.is_punct]
        if (
            comma is not None
            and len(words_to_comma) <= 3
            and not any(t.pos_ == "ADP" for t in words_to_comma)  # "has written for the Times," is no cue
            and comma.i + 1 < sent.end
        ):
            before = ctx.trim(sent.start_char, doc[k].idx)
            pending = None
            n = words(ctx.text[before[0] : before[1]])
            subjectless = doc[comma.i + 1].pos_ in ("VERB", "AUX")  # "The plan, she said, was written …" (session 8)
            if before[1] - before[0] >= 8 and (n >= 3 or (n == 2 and subjectless)):
                pending = before
            return (doc[comma.i + 1].idx, sent.end_char), pending
        if comma is None and len(words_to_comma) <= 5 and not _has_complement(tok):
            return (sent.start_char, doc[k].idx), None
        return None
    k = tok.i - 1
    if k <= sent.start or doc[k].text != ",":
        return None
    if k - sent.start < 3:
        return None
    return (sent.start_char, doc[k].idx), None


def _according(ctx: Context, tok: Token, sent: Span, event: int) -> list[Candidate]:
    obj = according_object(tok)
    if obj is None:
        return []
    if RELAYED_LINE.search(ctx.text[sent.start_char : tok.idx]):
        return []  # "X reported: “…,” according to police reports": it relays X's quotation, no clause of its own
    ph_end = obj.right_edge.idx + len(obj.right_edge.text)
    if obj.lemma_.lower() in RECORD_NOUNS:  # "according to Biden's statement" -> Biden said it
        owners = [t for t in obj.subtree if t.dep_ == "poss" and t.pos_ != "PRON"]
        if owners:  # a pronoun owner ("the video of his statement") leaves the document as the source:
            obj = owners[-1]  # the person it names is the subject of the content, not its speaker
    if tok.idx - sent.start_char <= 2 or not ctx.text[sent.start_char : tok.idx].strip(" ,"):
        s, e = ph_end, sent.end_char
    else:  # "X, according to Y, is …" or "X, according to Y.": the longer side is the content
        before, after = (sent.start_char, tok.idx), (ph_end, sent.end_char)
        s, e = max(before, after, key=lambda p: len(ctx.text[p[0] : p[1]].strip(" ,.")))
    s, e = ctx.extend_marks(*ctx.trim(s, e))
    if e - s < 8:
        return []
    return [Candidate("indirect", s, e, subj=obj, cue=tok, event=event, extra={"according_to": True}, rule="according")]
