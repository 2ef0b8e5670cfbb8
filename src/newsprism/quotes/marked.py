"""The pass over quotation marks: direct quotations (split, multi-paragraph, unclosed) with their cue, and
partial quotations attributed when their sentence says whose words they are."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from newsprism.lexicons.speech import SPEECH, is_cue
from newsprism.quotes.candidate import Candidate
from newsprism.quotes.context import according_object, agentive, words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newsprism.quotes.context import Context
    from newsprism.quotes.marks import MarkSpan

GAP_WORDS = 7
POSSESSED = re.compile(
    r"\b([A-Z][\w.-]+(?: [A-Z][\w.-]+)*)[’']s?\s+(?:\w+\s+)?"
    r"(?:claims?|words?|promises?|pledges?|statements?|comments?|remarks?|vows?|calls?|assertions?|insistence|"
    r"descriptions?|phrases?|warnings?|arguments?)\s*(?:of|that|to|about)?$"
)


def is_direct(ctx: Context, m: MarkSpan) -> bool:
    """A quotation that stands as a statement: paragraph start, after ':' ',' or a cue verb, or a new sentence."""
    ps, _ = ctx.paras[m.para]
    # only the end of the text before the mark is read: a bounded window (issue 24: slicing and searching
    # the whole paragraph per mark was quadratic), widened to the paragraph's start when it is all space
    ps = max(ps, m.start - 200) if ctx.text[max(ps, m.start - 200) : m.start].strip() else ps
    before = ctx.text[ps : m.start].rstrip()
    inner = ctx.text[m.inner_start : m.inner_end]
    if m.continues or not before:
        return words(inner) >= 2 or m.continues
    if before[-1] in ":,;—–-(":
        return words(inner) >= 3
    prev_word = re.findall(r"\w+$", before)
    if prev_word and is_cue(ctx.lemma_at(len(before) + ps - 1), stance=False):
        return words(inner) >= 3
    if before[-1] in '.!?”"' and inner[:1].isupper():
        return words(inner) >= 3
    return False


def _speaker_line_inside(ctx: Context, m: MarkSpan) -> bool:
    """Marks paired across narration: the "quotation" ends with a speaker line ("… Asked if …, Schiff said:") —
    the writer's words between a closing and an opening mark, not anyone's (issue 19, round 2)."""
    inner = ctx.text[m.inner_start : m.inner_end].rstrip()
    if not inner.endswith(":"):
        return False
    span = ctx.doc.char_span(
        max(m.inner_start, m.inner_start + len(inner) - 40), m.inner_start + len(inner), alignment_mode="expand"
    )
    toks = [t for t in span if not t.is_punct] if span is not None else []
    return any(t.pos_ == "VERB" and is_cue(t.lemma_, stance=False) for t in toks[-3:])


def colon_line_cue(ctx: Context, m: MarkSpan) -> Token | None:
    """The cue of a speaker line ending the paragraph before a paragraph that opens with this quotation ("Joe Biden
    said:" ¶ "“We will win.”"): without it the quotation was left with no speaker though the article names one
    (issue 19, round 2)."""
    ps, _ = ctx.paras[m.para]
    if ctx.text[ps : m.start].strip() or m.para == 0:
        return None
    prev = ctx.text[:ps].rstrip()
    if not prev.endswith(":"):
        return None
    sent = ctx.sentence(len(prev) - 1)
    if sent is None or len(sent) > 25:
        return None
    cues = ctx.cue_tokens(sent.start_char, len(prev) - 1)
    return cues[-1] if cues and ctx.speaker_for(cues[-1]) is not None else None


def own_cue(ctx: Context, m: MarkSpan, para_marks: list[MarkSpan]) -> Token | None:
    """A cue right after the closing mark (", she said") or right before the opening one."""
    ps, pe = ctx.paras[m.para]
    if ctx.sorted_marks:  # the neighbouring marks by binary search, not a scan per mark (issue 24)
        i = bisect_left(para_marks, m.end, key=lambda x: x.start)
        after_end = min(pe, para_marks[i].start) if i < len(para_marks) else pe
        j = bisect_right(para_marks, m.start, key=lambda x: x.end) - 1
        before_start = max(ps, para_marks[j].end) if j >= 0 else ps
    else:
        after_end = min([pe, *[x.start for x in para_marks if x.start >= m.end]])
        before_start = max([ps, *[x.end for x in para_marks if x.end <= m.start]])
    before = _cue_before(ctx, before_start, m.start)
    according = according_after(ctx, m.end, after_end)
    if according is not None:  # "“…,” according to the notice.": the notice is the source (issue 19, round 2)
        if before is not None and ctx.text[before.idx : m.start].rstrip().endswith(":"):
            return before  # "X reported on his radio: “…,” according to police reports": the speaker line wins
        return according
    for t in ctx.cue_tokens(m.end, after_end):
        if words(ctx.text[m.end : t.idx]) <= GAP_WORDS:
            if _own_clause(t):
                if before is not None:  # "… when he said, “…” Mermell said the binder …": the later cue's clause
                    return before
                if t.sent.start_char >= m.end:
                    return None  # "“… cause.” The Times has reported that …": a new sentence with its own report
            return relayed(t)
        break  # the gap only grows with the next cues (issue 24: no rescan per cue)
    return before


def according_after(ctx: Context, end: int, after_end: int) -> Token | None:
    """The "according" of an "according to X" right after a closing mark, when X is a source."""
    after = re.match(r"[\s,]*according to\b", ctx.text[end : min(after_end, end + 20)], re.I)
    if after is None:
        return None
    span = ctx.doc.char_span(
        end + after.start() + after.group().lower().index("according"), end + after.end(), alignment_mode="expand"
    )
    return span[0] if span is not None and len(span) and according_object(span[0]) is not None else None


def _own_clause(cue: Token) -> bool:
    """The cue has its own reported clause after it ("X said that …"): its content is not a quotation before it."""
    return any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children)


def _cue_before(ctx: Context, before_start: int, start: int) -> Token | None:
    """A cue just before the opening mark, with no sentence end between ("He said, “…”", "X wrote: “…”")."""
    for t in reversed(ctx.cue_tokens(before_start, start)):
        gap = ctx.text[t.idx + len(t.text) : start]
        if words(gap) <= GAP_WORDS and not re.search(r"[.!?]", gap):
            return t
        break  # the same going left: a longer gap, or one that already has a sentence end
    return None


def relayed(cue: Token) -> Token:
    """ "“…,” David said one agent told him.": the words are the agent's, relayed by David — the nested speech
    verb with a subject and no clause of its own is the quotation's cue (issue 19, round 4)."""
    for c in cue.children:
        if (
            c.dep_ == "ccomp"
            and c.i > cue.i
            and c.pos_ == "VERB"
            and c.lemma_.lower() in SPEECH
            and any(x.dep_ == "nsubj" for x in c.children)
            and not any(x.dep_ in ("ccomp", "xcomp") for x in c.children)
        ):
            return c
    return cue


class _MarkedPass:
    """Walks the marks paragraph by paragraph; a split quote's parts and cue-less quotations of a paragraph
    share the paragraph's cue and event, and a quotation continuing an unclosed one keeps its speaker."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.out: list[Candidate] = []
        self.events = 0
        self.last_direct: Candidate | None = None
        self.para_cues: dict[int, list[Token]] = {}

    def new_event(self) -> int:
        self.events += 1
        return self.events

    def run(self) -> list[Candidate]:
        by_para: dict[int, list[MarkSpan]] = {}
        for m in self.ctx.marks:
            by_para.setdefault(m.para, []).append(m)
        prev_speaker: tuple[int, Token | None, Token | None] = (-2, None, None)
        for k in sorted(by_para):
            first = len(self.out)
            pending = self.paragraph(by_para[k])
            for p in pending:
                self.attach_pending(p, k, prev_speaker)
            # the paragraph's candidates are the ones it just added (issue 24: not a scan of all per paragraph)
            attributed = [q for q in self.out[first:] if q.kind == "direct" and q.subj is not None]
            if attributed:
                prev_speaker = (k, attributed[-1].subj, attributed[-1].cue)
        return self.out

    def paragraph(self, pms: list[MarkSpan]) -> list[Candidate]:
        """Candidates of one paragraph's marks; returns the direct ones still without a cue."""
        ctx = self.ctx
        para_cue: Token | None = None
        para_event = 0
        para_spk: Token | None = None
        pending: list[Candidate] = []
        for m in pms:  # ctx.marks holds no mark inside a person's block (Context.set_blocks removed them)
            if _speaker_line_inside(ctx, m):
                continue
            direct = is_direct(ctx, m)
            kind = "direct" if direct else "partial"
            q = Candidate(kind, m.inner_start, m.inner_end, guard=False, rule=kind)
            q.claims_cue = direct
            if not m.closed:
                q.extra["closed"] = False
            if not direct:
                attribute_partial(ctx, q)
                self.out.append(q)
                continue
            cue = own_cue(ctx, m, pms)
            if cue is not None:
                q.cue = cue
                q.subj = according_object(cue) if cue.lower_ == "according" else ctx.speaker_for(cue)
                if cue.lower_ == "according":
                    q.extra["according_to"] = True
                if para_cue is not None and cue.i == para_cue.i:
                    q.event = para_event
                else:
                    q.event = self.new_event()
                    para_cue, para_event, para_spk = cue, q.event, q.subj
                for p in pending:  # “A,” she said. “B”: earlier cue-less parts join the event
                    p.cue, p.subj, p.event = cue, q.subj, q.event
                pending = []
            elif m.continues and self.last_direct is not None:
                q.cue, q.subj, q.event = self.last_direct.cue, self.last_direct.subj, self.last_direct.event
            elif para_cue is not None and _other_subject(ctx, para_cue.sent.end_char, q.start, para_spk):
                q.event = self.new_event()  # "“…,” Reed said. Cole laughed. “…”": not surely Reed's (session 8)
            elif para_cue is not None:
                q.cue, q.subj, q.event = para_cue, para_spk, para_event
            elif (line_cue := colon_line_cue(ctx, m)) is not None:  # "Biden said:" ¶ "“We will win.”"
                q.cue, q.subj, q.event = line_cue, ctx.speaker_for(line_cue), self.new_event()
                para_cue, para_event, para_spk = q.cue, q.event, q.subj
            else:
                q.event = self.new_event()
                pending.append(q)
            self.last_direct = q
            self.out.append(q)
        return pending

    def attach_pending(self, p: Candidate, k: int, prev_speaker: tuple[int, Token | None, Token | None]) -> None:
        """A cue-less quotation takes the paragraph's first cue, a colon line's name, or the previous speaker."""
        ctx = self.ctx
        if k not in self.para_cues:  # once per paragraph, not per pending quotation (issue 24)
            self.para_cues[k] = ctx.cue_tokens(*ctx.paras[k])
        cues = self.para_cues[k]
        if cues and _own_clause(cues[0]) and cues[0].sent.start_char >= p.end:
            cues = []  # "“…” The Times has reported that …": a later sentence's own report (issue 19, round 4)
        if cues:
            p.cue = cues[0]
            p.subj = ctx.speaker_for(cues[0])
        else:
            colon_speaker(ctx, p)
        if (
            p.subj is None
            and p.kind == "direct"
            and _starts_para(ctx, p)
            and prev_speaker[0] == k - 1
            and not _heading(ctx, p, k)
            and not _other_subject_after(ctx, k - 1, prev_speaker[1], prev_speaker[2])
        ):
            # a paragraph that is only a quotation continues the speaker of the paragraph before
            p.subj, p.cue = prev_speaker[1], prev_speaker[2]
            p.extra["inherited_speaker"] = True


def marked_candidates(ctx: Context) -> list[Candidate]:
    """Direct and partial quotations between quotation marks, in text order."""
    return _MarkedPass(ctx).run()


def colon_speaker(ctx: Context, q: Candidate) -> None:
    """ "Cruz's response: “…”": no verb, the colon is the cue and the name before it speaks."""
    ps, _ = ctx.paras[ctx.para_of(q.start)]
    before = ctx.text[ps : q.start].rstrip(' “"‘')
    if not before.endswith(":"):
        return
    span = ctx.doc.char_span(ps, ps + len(before), alignment_mode="expand")
    if span is None:
        return
    names = [t for t in span if t.pos_ == "PROPN" and not ctx.in_marks(t.idx)]
    if not names or any(t.lemma_.lower() in CAPTION_NOUNS for t in span[-3:]):
        return  # "Reed's chart: “Spending by county”": a caption or title, no one's words (session 8)
    q.subj = names[-1]
    q.cue = span[-1] if span[-1].text == ":" else None


CAPTION_NOUNS = frozenset(
    ["chart", "graph", "table", "map", "photo", "image", "picture", "caption", "headline", "title", "sign", "banner",
     "poster", "figure", "graphic", "infographic", "slide", "screenshot", "watch", "listen", "read"]
)  # fmt: skip
LIST_MARK = re.compile(r"(?:\d{1,2}[.)]|[-•*–—]|[A-Za-z][.)])?")  # "1." / "•" before a list item's quotation


def _heading(ctx: Context, q: Candidate, k: int) -> bool:
    """A paragraph that is only a short quotation with no sentence punctuation ("“Fix the bridge”"), or a quotation
    followed by a colon: a subheading, a list item, a label or a caption, not the previous speaker's next words
    (session 8, round-4 class)."""
    ps, pe = ctx.paras[k]
    inner = ctx.text[q.start : q.end].strip()
    if ctx.text[q.end : q.end + 3].lstrip("”\"’' ").startswith(":"):
        return True  # "“Lock her up”: The chant began …": a label the paragraph explains
    rest = ctx.text[ps:pe].replace(ctx.text[q.start : q.end], "", 1).strip(" “”\"‘’'\n")
    return (
        LIST_MARK.fullmatch(rest) is not None
        and not inner.endswith((".", "?", "!", "…", ",", ";", ":"))
        and len(inner.split()) <= 10
    )


def _other_subject_after(ctx: Context, k: int, subj: Token | None, cue: Token | None) -> bool:
    """After the previous speaker's cue, that paragraph makes someone else the subject of a sentence of its own
    ("“…,” Reed said. Cole disagreed."): a quotation-only paragraph after it may be theirs (session 8)."""
    if cue is None:
        return False
    return _other_subject(ctx, cue.sent.end_char, ctx.paras[k][1], subj)


def _other_subject(ctx: Context, start: int, end: int, subj: Token | None) -> bool:
    """A proper noun other than the speaker's name is a subject outside quotation marks in ``start:end``."""
    if subj is None or end <= start:
        return False
    span = ctx.doc.char_span(start, end, alignment_mode="contract")
    own = {t.lower_ for t in subj.subtree if t.pos_ == "PROPN"}
    return span is not None and any(
        t.pos_ == "PROPN"
        and t.dep_ in ("nsubj", "nsubjpass")
        and t.lower_ not in own
        and t.ent_type_ not in ("GPE", "LOC", "DATE")
        and not ctx.in_marks(t.idx)
        for t in span
    )


def _starts_para(ctx: Context, q: Candidate) -> bool:
    ps, _ = ctx.paras[ctx.para_of(q.start)]
    return not ctx.text[ps : q.start].strip(" “\"‘'")


def _possessor(ctx: Context, pos: int) -> Token | None:
    """ "Sanders’ claim of “…”": the possessor of a noun the quotation hangs from."""
    span = ctx.doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    if span[0].i not in ctx.possessors:  # one walk per token, however many quotations start in it (issue 24)
        ctx.possessors[span[0].i] = _head_possessor(span[0])
    return ctx.possessors[span[0].i]


def _head_possessor(h: Token) -> Token | None:
    for _ in range(4):
        if h.head.i == h.i:
            break
        h = h.head
        owners = [c for c in h.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
        if owners and h.pos_ == "NOUN":
            return owners[0]
        if h.pos_ == "VERB":
            break
    return None


def _possessor_text(ctx: Context, pos: int, sent_start: int) -> Token | None:
    """The same from the words when the parse is broken: "Sanders’ claim of “…”"."""
    # a bounded window before the quotation (issue 24: slicing, stripping and searching the sentence so far for
    # every quotation was quadratic); the pattern, a name, a possessive and a noun, is far shorter
    start = max(sent_start, pos - 300)
    before = ctx.text[start:pos].rstrip('“"‘ ')
    m = POSSESSED.search(before)
    if m is None:
        return None
    span = ctx.doc.char_span(start + m.start(1), start + m.end(1), alignment_mode="expand")
    return span[-1] if span is not None and len(span) else None


def attribute_partial(ctx: Context, q: Candidate) -> None:
    """A partial quotation's source: a possessor ("Sanders' claim of …") or a cue of its sentence."""
    sent = ctx.sentence(q.start)
    if sent is None:
        return
    owner = _possessor(ctx, q.start) or _possessor_text(ctx, q.start, sent.start_char)
    if owner is not None:
        q.subj = owner
        return
    if sent.start not in ctx.sentence_sources:  # once per sentence, not per quotation in it (issue 24)
        ctx.sentence_sources[sent.start] = _sentence_source(ctx, sent)
    found = ctx.sentence_sources[sent.start]
    if found is not None:
        q.cue, q.subj = found


def _sentence_source(ctx: Context, sent: Span) -> tuple[Token, Token] | None:
    """The first cue of the sentence with a usable source, and that source."""
    cues = ctx.cue_tokens(sent.start_char, sent.end_char, stance=True)
    cues += [t for t in sent if t.lower_ == "according" and not ctx.in_marks(t.idx)]
    for cue in cues:
        if cue.lower_ == "according":
            spk = according_object(cue)
        else:
            spk = ctx.speaker_for(cue)
            if not agentive(spk) and not (spk is not None and spk.lower_ == "it"):
                continue
        if spk is not None:
            return cue, spk
    return None
