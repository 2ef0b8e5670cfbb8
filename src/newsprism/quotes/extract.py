"""Extract every quotation of an article from its text and spaCy Doc.

Order of work: quotation marks (direct/partial, split, multi-paragraph, unclosed), block quotes
after a speaker line ("Biden said:"), then indirect speech (ccomp of a reporting verb,
"according to X"). Speakers are resolved by :class:`SpeakerBook`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsprism.quotes.cues import ATTITUDE, OBJECT_CUES, PREP_FRAMES, SPEECH, cue_class, is_cue
from newsprism.quotes.lexicon import ANONYMOUS_HEADS, HUMAN_NOUNS, OUTLET_WORDS, TITLES
from newsprism.quotes.marks import MarkSpan, find_marks, paragraphs
from newsprism.quotes.speakers import Resolved, SpeakerBook

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

BLOCK_INTRO_MAX_WORDS = 15
# Recordings and documents: "according to the video of his statement" is the owner's speech.
RECORD_NOUNS = frozenset(
    {
        "video", "footage", "recording", "tape", "clip", "transcript", "statement", "remarks", "speech",
        "interview", "letter", "memo", "email", "post", "tweet", "testimony", "op-ed", "column",
    }
)  # fmt: skip
FIRST_SECOND = re.compile(r"\b(I|I’m|I'm|I’ve|I'd|I’d|we|We|we’re|We’re|our|Our|us|you|You|your|my|My|me)\b")
SPEECHY_START = re.compile(r"^(So|Well|And|But|Now|Look|Yes|No|Oh)\b")
GAP_WORDS = 7
SPEAKER_LABEL = re.compile(r"^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}): (\S.*)$")
HEADLINE_COLON = re.compile(r"^((?:[A-Z][\w.'’-]+ ){0,3}[A-Z][\w.'’-]+): (\S.*)$")
POSSESSED = re.compile(
    r"\b([A-Z][\w.-]+(?: [A-Z][\w.-]+)*)[’']s?\s+(?:\w+\s+)?"
    r"(?:claims?|words?|promises?|pledges?|statements?|comments?|remarks?|vows?|calls?|assertions?|insistence|"
    r"descriptions?|phrases?|warnings?|arguments?)\s*(?:of|that|to|about)?$"
)
QUANTITY_HEADS = frozenset(
    ["number", "lot", "group", "majority", "some", "many", "dozens", "handful", "couple", "few", "most", "several"]
)
REPORT_CUES = frozenset(["say", "tell", "add", "report", "note", "state", "explain", "write"])
# Cues that may follow or interrupt their reported clause ("Such efforts, they believe, will fail.")
CLAUSE_CUES = REPORT_CUES | SPEECH | frozenset(["believe", "think", "fear", "hope", "expect", "worry", "doubt", "feel"])
# Evidence cues: any noun may be their source ("the poll shows …", "a study found …", "footage showed …").
EVIDENCE_CUES = frozenset(["show", "find", "suggest", "indicate", "reveal", "conclude", "estimate", "predict"])
# "In a new poll, …": documents and findings that speak for their authors
RECORD_SOURCES = frozenset(
    ["poll", "survey", "study", "report", "analysis", "memo", "letter", "statement", "filing", "op-ed", "essay",
     "editorial", "column", "book", "memoir", "complaint", "lawsuit", "tweet", "post", "ad", "advertisement"]
)  # fmt: skip
RAISING_CUES = frozenset(["appear"])  # "X appears to …": an attribution with no source ("seem" lost precision)
PASSIVE_CUES = frozenset(["expect", "believe", "think", "say", "report", "know", "consider", "rumor", "rumour"])
# Nouns that name a statement or an attitude (PolNeAR's nominal cues); the speech ones are not attitudes.
SPEECH_NOUNS = frozenset(
    {
        "statement", "comment", "remark", "claim", "allegation", "accusation", "announcement", "warning",
        "message", "question", "response", "promise", "pledge", "vow", "assertion", "denial", "admission",
        "call", "demand", "proposal", "suggestion", "description", "complaint", "criticism", "attack",
        "argument", "contention", "insistence", "threat", "assurance", "charge",
    }
)  # fmt: skip
NOMINAL_CUES = SPEECH_NOUNS | frozenset(
    {
        "support", "opposition", "endorsement", "plan", "decision", "refusal", "hope", "view", "belief",
        "idea", "theory", "fear", "concern", "desire", "goal", "intention", "position", "praise", "defense",
        "objection", "hostility", "distrust", "rejection", "condemnation", "commitment", "expectation",
    }
)  # fmt: skip
NOMINAL_PREPS = frozenset(["of", "on", "to", "for", "about", "against", "toward", "towards", "with"])
TIME_ENTS = frozenset(["DATE", "TIME", "CARDINAL", "ORDINAL", "GPE", "LOC", "FAC", "EVENT"])
NON_AGENT_PRONOUNS = frozenset(["it", "this", "that", "which", "what", "i", "we", "you", "me", "us"])
TITLE_WORDS = frozenset(
    w for t in TITLES for w in t.split()
)  # words allowed between a quotation and its cue ("," said the former governor.)


@dataclass
class RawQuote:
    kind: str
    start: int
    end: int
    subj: Token | None = None
    speaker: Resolved | None = None
    cue: Token | None = None
    event: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def repair_cue_lemmas(doc: Doc) -> None:
    """The small English model lemmatises some cue verbs wrongly ("hopes" -> "hop", "retweeted" ->
    "retweete"): a verb whose lemma is not a cue but whose form minus an inflection is, gets that lemma."""
    for tok in doc:
        low = tok.lower_
        if tok.pos_ != "VERB" or is_cue(tok.lemma_) or tok.lemma_.lower() == low:
            continue  # a form the model took as its own base ("seed") is left alone
        for suffix in ("s", "es", "d", "ed", "ing"):
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                base = low[: -len(suffix)]
                hit = next((b for b in (base, base + "e") if is_cue(b)), None)
                if hit is not None:
                    tok.lemma_ = hit
                    break


def _clause_like(tok: Token) -> bool:
    """A that-clause or to-infinitive hanging from a noun ("the claim that …", "his decision to run")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    first = tok.left_edge
    return first.lower_ in ("that", "to") or any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _words(s: str) -> int:
    return len(re.findall(r"\w+", s))


def subject_of(v: Token) -> Token | None:
    """The subject of a reporting verb, climbing conj/advcl/xcomp links; the agent of a passive."""
    h = v
    for _ in range(4):
        for c in h.children:
            if c.dep_ in ("nsubj", "nsubjpass", "csubj") and c.pos_ in ("PROPN", "NOUN", "PRON"):
                if c.i > h.i and h.tag_ == "VBG":
                    continue  # "stating Mexico is ...": the noun belongs to the reported clause
                if c.lower_ in ("who", "that") and h.dep_ == "relcl":
                    return h.head
                if c.lemma_.lower() in QUANTITY_HEADS:  # "a number of attendees said"
                    for p in c.children:
                        if p.dep_ == "prep" and p.lower_ == "of":
                            objs = [g for g in p.children if g.dep_ == "pobj"]
                            if objs:
                                return objs[0]
                return c
            if c.dep_ == "agent":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if h.dep_ in ("conj", "advcl", "xcomp", "csubj", "pcomp", "acl", "dep") and h.head is not h:
            h = h.head
        else:
            break
    if v.tag_ == "VBG":  # ", stating ...": the main clause's subject speaks
        root = v.sent.root
        for c in root.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i < v.i:
                return c
    return None


class Extractor:
    def __init__(self, text: str, doc: Doc) -> None:
        self.text = text
        self.doc = doc
        self.paras = paragraphs(text)
        self.marks = find_marks(text)
        self.quotes: list[RawQuote] = []
        repair_cue_lemmas(doc)
        self._event = 0
        self._pending_part: tuple[int, int] | None = None
        self.blocks = self._find_blocks()
        block_ranges = [(s, e) for _, s, e, _ in self.blocks]
        person_blocks = [(s, e) for _, s, e, outlet in self.blocks if not outlet]
        # marks inside a person's block quote are part of the speech, not quotations of their own
        self.marks = [m for m in self.marks if not any(s <= m.start < e for s, e in person_blocks)]
        self.block_ranges = block_ranges
        self.book = SpeakerBook(text, doc, exclude=[(m.start, m.end) for m in self.marks] + person_blocks)

    def _new_event(self) -> int:
        self._event += 1
        return self._event

    # -- helpers --------------------------------------------------------------------------------
    def in_marks(self, pos: int) -> bool:
        return any(m.start <= pos < m.end for m in self.marks)

    def in_person_block(self, pos: int) -> bool:
        return any(s <= pos < e for _, s, e, outlet in self.blocks if not outlet)

    def cue_tokens(self, start: int, end: int, *, stance: bool = False) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return []
        return [
            t
            for t in span
            if t.pos_ in ("VERB", "AUX")
            and is_cue(t.lemma_, stance=stance)
            and not self.in_marks(t.idx)
            and t.lemma_.lower() != "be"
        ]

    def speaker_for(self, cue: Token) -> Token | None:
        subj = subject_of(cue)
        if subj is None and cue.tag_ in ("VBD", "VBZ", "VBP"):
            # "said Ken Cuccinelli" with a broken parse: the next proper noun or pronoun
            nxt = cue.nbor(1) if cue.i + 1 < len(self.doc) else None
            if nxt is not None and nxt.pos_ in ("PROPN", "PRON"):
                head = nxt
                while head.dep_ in ("compound", "flat") and head.head.i > head.i:
                    head = head.head
                subj = head
        if subj is None or self.in_marks(subj.idx):
            return None
        return subj

    @staticmethod
    def agentive(subj: Token | None, speech: bool = False) -> bool:
        """Can this subject report speech? Names, personal pronouns, people and bodies of people.

        With a speech verb (say, tell, report...) any noun may speak ("the report says").
        """
        if subj is None:
            return False
        if subj.pos_ == "PRON":
            return subj.lower_ not in NON_AGENT_PRONOUNS
        if speech and subj.pos_ == "NOUN":
            return True
        if subj.pos_ == "PROPN" or subj.ent_type_ in ("PERSON", "ORG", "NORP"):
            return True
        lem = subj.lemma_.lower()
        return lem in HUMAN_NOUNS or lem in ANONYMOUS_HEADS or lem in TITLE_WORDS or subj.lower_ in HUMAN_NOUNS

    # -- block quotes ---------------------------------------------------------------------------
    def _intro_cue(self, k: int) -> Token | None:
        ps, pe = self.paras[k]
        line = self.text[ps:pe]
        if not line.endswith(":"):
            return None
        # the intro is the paragraph's last sentence ("… to developers. He added:")
        ends = [m.end() for m in re.finditer(r"[.!?][\"”’')]*\s+(?=[A-Z“\"])", line)]
        ps = ps + (ends[-1] if ends else 0)
        if _words(self.text[ps:pe]) > BLOCK_INTRO_MAX_WORDS or self.text[ps] in "“\"'‘":
            return None
        cues = [t for t in self.cue_tokens(ps, pe) if t.lemma_.lower() in SPEECH | {"continue", "reply", "write"}]
        return cues[-1] if cues else None

    def _speechy(self, k: int) -> bool:
        ps, pe = self.paras[k]
        para = self.text[ps:pe]
        return bool(FIRST_SECOND.search(para) or "[" in para or SPEECHY_START.match(para))

    def _find_blocks(self) -> list[tuple[int, int, int, bool]]:
        """(intro paragraph, block start char, block end char, is an outlet's report)."""
        out = []
        n = len(self.paras)
        for k in range(n - 1):
            cue = self._intro_cue(k)
            if cue is None:
                continue
            nxt_s, _ = self.paras[k + 1]
            if self.text[nxt_s] in '“"‘' or self._intro_cue(k + 1) is not None:
                continue  # a direct quotation follows: handled as a quote, not a block
            ps, pe = self.paras[k]
            outlet = bool({w.lower() for w in re.findall(r"\w+", self.text[ps:pe])} & OUTLET_WORDS)
            last = k + 1
            j = k + 2
            while j < n and self._intro_cue(j) is None:
                if outlet:
                    js, je = self.paras[j]
                    said = [t for t in self.cue_tokens(js, je) if t.lemma_.lower() in REPORT_CUES]
                    if said or self.text[js] in '“"‘':
                        last = j
                        j += 1
                        continue
                    break
                if self._speechy(j) or (
                    j + 1 < n and self._speechy(j + 1) and self._intro_cue(j + 1) is None and self._words_ok(j)
                ):
                    last = j
                    j += 1
                    continue
                break
            out.append((k, self.paras[k + 1][0], self.paras[last][1], outlet))
        return out

    def _words_ok(self, j: int) -> bool:
        ps, pe = self.paras[j]
        return _words(self.text[ps:pe]) <= 40

    def _add_blocks(self) -> None:
        for k, s, e, outlet in self.blocks:
            cue = self._intro_cue(k)
            assert cue is not None
            spk = self.speaker_for(cue)
            self.quotes.append(
                RawQuote("block", s, e, subj=spk, cue=cue, event=self._new_event(), extra={"outlet_report": outlet})
            )

    # -- marked quotations ----------------------------------------------------------------------
    def _is_direct(self, m: MarkSpan) -> bool:
        ps, _ = self.paras[m.para]
        before = self.text[ps : m.start].rstrip()
        inner = self.text[m.inner_start : m.inner_end]
        if m.continues or not before:
            return _words(inner) >= 2 or m.continues
        if before[-1] in ":,;—–-(":
            return _words(inner) >= 3
        prev_word = re.findall(r"\w+$", before)
        if prev_word and is_cue(self._lemma_at(len(before) + ps - 1), stance=False):
            return _words(inner) >= 3
        if before[-1] in '.!?”"' and inner[:1].isupper():
            return _words(inner) >= 3
        return False

    def _lemma_at(self, pos: int) -> str:
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        return span[0].lemma_ if span is not None and len(span) else ""

    def _own_cue(self, m: MarkSpan, para_marks: list[MarkSpan]) -> Token | None:
        """A cue right after the closing mark (", she said") or right before the opening one."""
        ps, pe = self.paras[m.para]
        nxt = [x.start for x in para_marks if x.start >= m.end]
        after_end = min([pe, *nxt])
        after_cues = self.cue_tokens(m.end, after_end)
        for t in after_cues:
            if _words(self.text[m.end : t.idx]) <= GAP_WORDS:
                return t
        prv = [x.end for x in para_marks if x.end <= m.start]
        before_start = max([ps, *prv])
        before_cues = self.cue_tokens(before_start, m.start)
        for t in reversed(before_cues):
            gap = self.text[t.idx + len(t.text) : m.start]
            if _words(gap) <= GAP_WORDS and not re.search(r"[.!?]", gap):
                return t
        return None

    def _add_marked(self) -> None:
        by_para: dict[int, list[MarkSpan]] = {}
        for m in self.marks:
            by_para.setdefault(m.para, []).append(m)
        last_direct: RawQuote | None = None
        prev_speaker: tuple[int, Token | None, Token | None] = (-2, None, None)
        for k in sorted(by_para):
            pms = by_para[k]
            para_cue: Token | None = None
            para_event = 0
            para_spk: Token | None = None
            pending: list[RawQuote] = []
            for m in pms:
                if any(s <= m.start < e for s, e in self.block_ranges) and self.in_person_block(m.start):
                    continue
                direct = self._is_direct(m)
                q = RawQuote("direct" if direct else "partial", m.inner_start, m.inner_end)
                if not m.closed:
                    q.extra["closed"] = False
                if direct:
                    cue = self._own_cue(m, pms)
                    if cue is not None:
                        q.cue = cue
                        q.subj = self.speaker_for(cue)
                        if para_cue is not None and cue.i == para_cue.i:
                            q.event = para_event
                        else:
                            q.event = self._new_event()
                            para_cue, para_event, para_spk = cue, q.event, q.subj
                        for p in pending:  # “A,” she said. “B”: earlier cue-less parts join the event
                            p.cue, p.subj, p.event = cue, q.subj, q.event
                        pending = []
                    elif m.continues and last_direct is not None:
                        q.cue, q.subj, q.event = last_direct.cue, last_direct.subj, last_direct.event
                    elif para_cue is not None:
                        q.cue, q.subj, q.event = para_cue, para_spk, para_event
                    else:
                        q.event = self._new_event()
                        pending.append(q)
                    last_direct = q
                else:
                    self._attribute_partial(q)
                self.quotes.append(q)
            for p in pending:
                cues = self.cue_tokens(*self.paras[k])
                if cues:
                    p.cue = cues[0]
                    p.subj = self.speaker_for(cues[0])
                else:
                    self._colon_speaker(p)
                if p.subj is None and p.kind == "direct" and self._starts_para(p) and prev_speaker[0] == k - 1:
                    # a paragraph that is only a quotation continues the speaker of the paragraph before
                    p.subj, p.cue = prev_speaker[1], prev_speaker[2]
                    p.extra["inherited_speaker"] = True
            attributed = [q for q in self.quotes if q.kind == "direct" and q.subj is not None and self._para_of(q) == k]
            if attributed:
                prev_speaker = (k, attributed[-1].subj, attributed[-1].cue)

    def _colon_speaker(self, q: RawQuote) -> None:
        """ "Cruz's response: “…”": no verb, the colon is the cue and the name before it speaks."""
        ps, _ = self.paras[self.marks_para(q.start)]
        before = self.text[ps : q.start].rstrip(' “"‘')
        if not before.endswith(":"):
            return
        span = self.doc.char_span(ps, ps + len(before), alignment_mode="expand")
        if span is None:
            return
        names = [t for t in span if t.pos_ == "PROPN" and not self.in_marks(t.idx)]
        if not names:
            return
        q.subj = names[-1]
        q.cue = span[-1] if span[-1].text == ":" else None

    def _para_of(self, q: RawQuote) -> int:
        return self.marks_para(q.start)

    def _starts_para(self, q: RawQuote) -> bool:
        ps, _ = self.paras[self.marks_para(q.start)]
        return not self.text[ps : q.start].strip(" “\"‘'")

    def marks_para(self, pos: int) -> int:
        return next(k for k, (s, e) in enumerate(self.paras) if s <= pos <= e)

    def _sentence(self, pos: int) -> Span | None:
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        return span[0].sent if span is not None and len(span) else None

    def _possessor(self, pos: int) -> Token | None:
        """ "Sanders’ claim of “…”": the possessor of a noun the quotation hangs from."""
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None or not len(span):
            return None
        h = span[0]
        for _ in range(4):
            if h.head is h:
                break
            h = h.head
            owners = [c for c in h.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
            if owners and h.pos_ == "NOUN":
                return owners[0]
            if h.pos_ == "VERB":
                break
        return None

    def _possessor_text(self, pos: int, sent_start: int) -> Token | None:
        """The same from the words when the parse is broken: "Sanders’ claim of “…”"."""
        before = self.text[sent_start:pos]
        before = before.rstrip('“"‘ ')
        m = POSSESSED.search(before)
        if m is None:
            return None
        span = self.doc.char_span(sent_start + m.start(1), sent_start + m.end(1), alignment_mode="expand")
        return span[-1] if span is not None and len(span) else None

    def _attribute_partial(self, q: RawQuote) -> None:
        sent = self._sentence(q.start)
        if sent is None:
            return
        owner = self._possessor(q.start) or self._possessor_text(q.start, sent.start_char)
        if owner is not None:
            q.subj = owner
            return
        cues = self.cue_tokens(sent.start_char, sent.end_char, stance=True)
        cues += [t for t in sent if t.lower_ == "according" and not self.in_marks(t.idx)]
        for cue in cues:
            if cue.lower_ == "according":
                spk = self._according_object(cue)
            else:
                spk = self.speaker_for(cue)
                if not self.agentive(spk) and not (spk is not None and spk.lower_ == "it"):
                    continue
            if spk is not None:
                q.cue, q.subj = cue, spk
                return

    # -- indirect speech ------------------------------------------------------------------------
    @staticmethod
    def _according_object(tok: Token) -> Token | None:
        for c in tok.children:
            if c.lower_ == "to":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ == "to" and nxt.i + 1 < len(tok.doc):
            cand = [g for g in nxt.children if g.dep_ == "pobj"]
            return cand[0] if cand else None
        return None

    def _trim(self, s: int, e: int) -> tuple[int, int]:
        t = self.text
        while s < e and (t[s].isspace() or t[s] in ",;:—–-"):
            s += 1
        while e > s and (t[e - 1].isspace() or t[e - 1] in ".,;:—–-"):
            e -= 1
        return s, e

    def _covered(self, s: int, e: int) -> bool:
        """True when most of [s, e) is already a direct, block or indirect quotation."""
        taken = 0
        for q in self.quotes:
            if q.kind != "partial" and not q.extra.get("outlet_report"):
                taken += max(0, min(e, q.end) - max(s, q.start))
        return taken >= 0.5 * (e - s)

    def _add_sourceless(self) -> set[int]:
        """Attributions without a source: raising verbs ("X appears to …", "it appears that …") and agentless
        passives ("X is expected to …", "X is said to be …"). The content is the complement and the
        subject (two parts of one event, as PolNeAR splits them); ``sourceless: true``, attitude."""
        used: set[int] = set()
        for tok in self.doc:
            lem = tok.lemma_.lower()
            if tok.pos_ not in ("VERB", "AUX") or self.in_marks(tok.idx) or self.in_person_block(tok.idx):
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
            s, e = self._trim(first.left_edge.idx, last.right_edge.idx + len(last.right_edge.text))
            if _words(self.text[s:e]) < 2 or self._covered(s, e):
                continue
            event = self._new_event()
            extra = {"attitude": True, "sourceless": True}
            self.quotes.append(RawQuote("indirect", s, e, cue=tok, event=event, extra=dict(extra)))
            if subj.lower_ != "it" and subj.pos_ != "PRON":
                ss, se = self._trim(subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text))
                if se > ss and not self._covered(ss, se):
                    self.quotes.append(RawQuote("indirect", ss, se, cue=tok, event=event, extra=dict(extra)))
            used.add(tok.i)
        return used

    def _add_indirect(self) -> None:
        used = {q.cue.i for q in self.quotes if q.cue is not None and q.kind in ("direct", "block")}
        used |= self._add_sourceless()
        for sent in self.doc.sents:
            if self.in_person_block(sent.start_char):
                continue
            for tok in sent:
                if self.in_marks(tok.idx):
                    continue
                if tok.lower_ == "according":
                    self._according(tok, sent)
                    continue
                if tok.pos_ not in ("VERB", "AUX") or not is_cue(tok.lemma_, stance=True) or tok.lemma_.lower() == "be":
                    continue
                if tok.i in used:
                    continue
                subj = self.speaker_for(tok)
                clause = any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children)
                speech = tok.lemma_.lower() in REPORT_CUES or tok.lemma_.lower() in EVIDENCE_CUES or clause
                if subj is None or not self.agentive(subj, speech=speech):
                    continue
                comps = [c for c in tok.children if c.dep_ in ("ccomp",) and c.i > tok.i]
                left_comps = [c for c in tok.children if c.dep_ in ("ccomp",) and c.i < tok.i]
                obj_deps = (
                    ("dobj", "xcomp", "oprd", "prep")
                    if tok.lemma_.lower() in ("call", "refer")
                    else ("dobj", "xcomp", "oprd")
                )
                objs = [c for c in tok.children if c.dep_ in obj_deps and c.i > tok.i and not self._frame_prep(c)]
                objs += [
                    o for c in tok.children if self._frame_prep(c) for o in c.children if o.dep_ in ("pobj", "pcomp")
                ]
                self._pending_part = None
                around = self._comma_cue(tok, subj, sent)
                if around is not None:
                    s, e = around
                elif comps:
                    c = comps[0]
                    s, e = c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)
                    # the complementizer stays: "that he was a threat" is the reported clause as written
                elif (
                    left_comps
                    and tok.lemma_.lower() in CLAUSE_CUES
                    and subj.i > left_comps[0].right_edge.i
                    and self.doc[subj.left_edge.i - 1].text in (",", "”", '"')
                ):
                    # "…GOP rivals, Obama said.": the reported clause precedes the cue
                    c = left_comps[0]
                    s, e = c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)
                elif (
                    tok.lemma_.lower() in CLAUSE_CUES
                    and tok.dep_ in ("parataxis", "advcl", "conj", "ccomp")
                    and tok.head.i < subj.left_edge.i < tok.i
                    and subj.left_edge.i > 0
                    and self.doc[subj.left_edge.i - 1].text == ","
                ):
                    s, e = sent.start_char, subj.left_edge.idx
                elif tok.lemma_.lower() in CLAUSE_CUES and tok.dep_ == "parataxis" and subj.i < tok.i:
                    # "Bob, they said, ordered them to wait.": the sentence around the parenthetical cue
                    left_part = (sent.start_char, subj.left_edge.idx)
                    right_part = (tok.right_edge.idx + len(tok.right_edge.text), sent.end_char)
                    s, e = max(left_part, right_part, key=lambda p: p[1] - p[0])
                elif any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children) and tok.dep_ == "advcl":
                    # "As The Hill reported, Trump was accused …": the main clause is the content
                    right = tok.right_edge.i + 1
                    s, e = (self.doc[right].idx if right < sent.end else sent.end_char), sent.end_char
                elif (tok.lemma_.lower() in OBJECT_CUES or tok.lemma_.lower() in PREP_FRAMES) and objs:
                    first = min(objs, key=lambda c: c.i)
                    s, e = first.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
                elif (
                    tok.lemma_.lower() in ("mention", "add", "state", "note", "report", "say", "tell")
                    and tok.i + 2 < sent.end
                ):
                    rest = [t for t in sent if t.i > tok.i]
                    if any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i == tok.i for t in rest):
                        continue
                    if not any(
                        t.pos_ in ("VERB", "AUX") and t.dep_ in ("ccomp", "conj", "relcl", "advcl") for t in rest
                    ):
                        continue
                    first = rest[0]
                    if first.lower_ in ("that", ",", "to"):
                        rest = rest[1:]
                    if not rest:
                        continue
                    s, e = rest[0].idx, rest[-1].idx + len(rest[-1].text)
                else:
                    continue
                s, e = self._extend_marks(*self._trim(s, e))
                if e - s < 8 or self._covered(s, e):
                    continue
                extra = {"attitude": True} if tok.lemma_.lower() in ATTITUDE else {}
                event = self._new_event()
                self.quotes.append(RawQuote("indirect", s, e, subj=subj, cue=tok, event=event, extra=extra))
                if self._pending_part is not None:
                    ps_, pe_ = self._pending_part
                    if not self._covered(ps_, pe_):
                        self.quotes.append(
                            RawQuote("indirect", ps_, pe_, subj=subj, cue=tok, event=event, extra=dict(extra))
                        )

    @staticmethod
    def _frame_prep(c: Token) -> bool:
        """A preposition right after its cue that belongs to the cue's frame ("talked about", "pointed to")."""
        h = c.head
        return c.dep_ == "prep" and c.i == h.i + 1 and c.lower_ in PREP_FRAMES.get(h.lemma_.lower(), ())

    def _comma_cue(self, tok: Token, subj: Token, sent: Span) -> tuple[int, int] | None:
        """Cues set off by commas, read from the words (robust to parse errors):
        "…, Obama said." / "…, said Mark Kantrowitz, an expert." / "If …, Rubio said, Christians must …"."""
        if tok.lemma_.lower() not in SPEECH:
            return None
        doc = self.doc
        if subj.i < tok.i:
            k = subj.left_edge.i - 1
            if k <= sent.start or doc[k].text != ",":
                return None
            if any(t.is_punct for t in doc[subj.left_edge.i : tok.i]):
                return None
            after = [t for t in doc[tok.i + 1 : sent.end]]
            comma = next((t for t in after if t.text == ","), None)
            words_to_comma = [
                t for t in after[: (comma.i - tok.i - 1) if comma is not None else len(after)] if not t.is_punct
            ]
            if (
                comma is not None
                and len(words_to_comma) <= 3
                and not any(t.pos_ == "ADP" for t in words_to_comma)  # "has written for the Times," is no cue
                and comma.i + 1 < sent.end
            ):
                # parenthetical cue: two parts of one quote event; the first part is added here
                before = self._trim(sent.start_char, doc[k].idx)
                rest = (doc[comma.i + 1].idx, sent.end_char)
                if before[1] - before[0] >= 8 and _words(self.text[before[0] : before[1]]) >= 3:
                    self._pending_part = before
                return rest
            if comma is None and len(words_to_comma) <= 5:
                return sent.start_char, doc[k].idx
            return None
        k = tok.i - 1
        if k <= sent.start or doc[k].text != ",":
            return None
        if k - sent.start < 3:
            return None
        return sent.start_char, doc[k].idx

    def _extend_marks(self, s: int, e: int) -> tuple[int, int]:
        """Widen a reported clause to whole quotation marks it cuts through."""
        for m in self.marks:
            if m.start < e <= m.end and m.start >= s:
                e = m.end
            if m.start < s < m.end and m.end <= e:
                s = m.start
        return s, e

    def _according(self, tok: Token, sent: Span) -> None:
        obj = self._according_object(tok)
        if obj is None:
            return
        ph_end = obj.right_edge.idx + len(obj.right_edge.text)
        if obj.lemma_.lower() in RECORD_NOUNS:  # "according to the video of his statement" -> he said it
            owners = [t for t in obj.subtree if t.dep_ == "poss"]
            if owners:
                obj = owners[-1]
                if obj.pos_ == "PRON":  # cataphora: "According to his statement, Biden asked …" -> Biden
                    names = [e for e in sent.ents if e.label_ == "PERSON" and e.start_char >= ph_end]
                    obj = names[0].root if names else obj
        if tok.idx - sent.start_char <= 2 or not self.text[sent.start_char : tok.idx].strip(" ,"):
            s, e = ph_end, sent.end_char
        else:  # "X, according to Y, is …" or "X, according to Y.": the longer side is the content
            before, after = (sent.start_char, tok.idx), (ph_end, sent.end_char)
            s, e = max(before, after, key=lambda p: len(self.text[p[0] : p[1]].strip(" ,.")))
        s, e = self._extend_marks(*self._trim(s, e))
        if e - s < 8 or self._covered(s, e):
            return
        self.quotes.append(
            RawQuote("indirect", s, e, subj=obj, cue=tok, event=self._new_event(), extra={"according_to": True})
        )

    def _add_nominal(self) -> None:
        """Nominal cues: "Trump's attacks on Clinton", "his decision to run", "allegations that …".

        The possessor is the source (none: a sourceless attribution, only with a that-clause); the content is
        the noun's clause ("that …", "to …") or the object of its preposition ("criticism of X")."""
        for tok in self.doc:
            lem = tok.lemma_.lower()
            if tok.pos_ != "NOUN" or lem not in NOMINAL_CUES or self.in_marks(tok.idx):
                continue
            if self.in_person_block(tok.idx) or self._covered(tok.idx, tok.idx + len(tok.text)):
                continue  # a noun inside reported words belongs to that attribution
            kids = [c for c in tok.children if c.i > tok.i]
            owner = next((c for c in tok.children if c.dep_ == "poss" and c.i < tok.i), None)
            clause = next((c for c in kids if c.dep_ in ("acl", "ccomp") and _clause_like(c)), None)
            prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ in NOMINAL_PREPS), None)
            content: Token | None = clause
            if content is None and prep is not None and owner is not None:
                objs = [o for o in prep.children if o.dep_ in ("pobj", "pcomp") and o.ent_type_ not in TIME_ENTS]
                content = objs[0] if objs else None
            if content is None or (owner is None and clause is None):
                continue
            if owner is not None and owner.lower_ in NON_AGENT_PRONOUNS | {"its"}:
                continue
            s, e = self._trim(content.left_edge.idx, content.right_edge.idx + len(content.right_edge.text))
            s, e = self._extend_marks(s, e)
            if _words(self.text[s:e]) < 2 or self._covered(s, e):
                continue
            extra: dict[str, Any] = {"nominal": True}
            if lem not in SPEECH_NOUNS:
                extra["attitude"] = True
            if owner is None:
                extra["sourceless"] = True
            self.quotes.append(RawQuote("indirect", s, e, subj=owner, cue=tok, event=self._new_event(), extra=extra))

    def _add_in_record(self) -> None:
        """ "In a new poll, Clinton leads by 10 points." / "In his letter, …": a sentence led by "in" + a
        poll, study or document is its content; the document is the source and "In" the cue."""
        for sent in self.doc.sents:
            first = next((t for t in sent if not t.is_punct and not t.is_space), None)
            if first is None or first.lower_ != "in" or self.in_marks(first.idx) or self.in_person_block(first.idx):
                continue
            objs = [o for o in first.children if o.dep_ == "pobj" and o.lemma_.lower() in RECORD_SOURCES]
            if not objs:
                continue
            after = first.right_edge.i + 1
            if after >= sent.end:
                continue
            s, e = self._extend_marks(*self._trim(self.doc[after].idx, sent.end_char))
            if _words(self.text[s:e]) < 3 or self._covered(s, e):
                continue
            self.quotes.append(
                RawQuote("indirect", s, e, subj=objs[0], cue=first, event=self._new_event(), extra={"in_record": True})
            )

    def _add_interview_answers(self) -> None:
        """Interviews and transcripts: "Q: …"/"A: …" paragraphs, and "TAPPER: …" speaker labels in capitals.

        Each labelled paragraph is kind block with cue ":"; a capitalised label is resolved as a name
        (TRUMP → the article's Trump); Q and A paragraphs stay without a speaker (``interview: true``).
        """
        labelled = []
        for ps, pe in self.paras:
            m = SPEAKER_LABEL.match(self.text[ps:pe])
            if m is not None and len(m.group(1)) >= 2:
                labelled.append((ps, pe, m))
        if len(labelled) < 2:
            labelled = []  # one capitalised line with a colon is a headline, not a transcript
        for ps, pe, m in labelled:
            s, e = self._trim(ps + m.start(2), pe)
            if e - s < 2 or self._covered(s, e):
                continue
            label = self.doc.char_span(ps, ps + m.end(1), alignment_mode="expand")
            colon = self.doc.char_span(ps + m.end(1), ps + m.end(1) + 1, alignment_mode="expand")
            subj = label[-1] if label is not None and len(label) else None
            cue = colon[0] if colon is not None and len(colon) else None
            self.quotes.append(
                RawQuote("block", s, e, subj=subj, cue=cue, event=self._new_event(), extra={"transcript": True})
            )
        qa = [(ps, pe) for ps, pe in self.paras if self.text.startswith(("Q: ", "A: "), ps)]
        if len({self.text[ps] for ps, _ in qa}) < 2:
            return  # both questions and answers, or it is not an interview
        for ps, pe in qa:
            s, e = self._trim(ps + 3, pe)
            if e - s < 2 or self._covered(s, e):
                continue
            letter = self.doc.char_span(ps, ps + 1, alignment_mode="expand")
            colon = self.doc.char_span(ps + 1, ps + 2, alignment_mode="expand")
            cue = colon[0] if colon is not None and len(colon) else None
            q = RawQuote("block", s, e, cue=cue, event=self._new_event())
            q.extra["interview"] = True
            q.extra["question"] = self.text[ps] == "Q"
            if letter is not None and len(letter):
                q.extra["answer_mark"] = (letter[0].idx, letter[0].idx + 1)
            self.quotes.append(q)

    def _add_headline_colons(self) -> None:
        """ "Sanders: Clinton email story has moved." A short line led by a person's name and a colon."""
        for ps, pe in self.paras:
            m = HEADLINE_COLON.match(self.text[ps:pe])
            if m is None or _words(self.text[ps:pe]) > 25:
                continue
            span = self.doc.char_span(ps, ps + m.end(1), alignment_mode="expand")
            if span is None or not len(span):
                continue
            root = span[-1]
            person = root.ent_type_ == "PERSON" or self.book.by_key.get(f"p:{root.lower_}") is not None
            if not person:
                continue
            s, e = self._trim(ps + m.start(2), pe)
            if e - s < 8 or self._covered(s, e):
                continue
            colon = self.doc.char_span(ps + m.end(1), ps + m.end(1) + 1, alignment_mode="expand")
            cue = colon[0] if colon is not None and len(colon) else None
            self.quotes.append(
                RawQuote("indirect", s, e, subj=root, cue=cue, event=self._new_event(), extra={"headline": True})
            )

    def run(self) -> list[RawQuote]:
        # texts are processed in order so pronoun history builds up left to right
        self._add_blocks()
        self._add_marked()
        self._add_interview_answers()
        self._add_indirect()
        self._add_nominal()
        self._add_in_record()
        self._add_headline_colons()
        self.quotes.sort(key=lambda q: (q.start, q.end))
        # speakers are resolved left to right so each pronoun sees the speakers before it
        done: dict[int, Resolved | None] = {}
        for q in sorted((q for q in self.quotes if q.subj is not None), key=lambda q: q.subj.i if q.subj else 0):
            assert q.subj is not None
            if q.subj.i not in done:
                done[q.subj.i] = self.book.resolve(q.subj, avoid=(q.start, q.end))
            q.speaker = done[q.subj.i]
            q.extra["source_start"], q.extra["source_end"] = self.source_span(q.subj)
        return self.quotes

    def source_span(self, subj: Token) -> tuple[int, int]:
        """The whole source noun phrase as written ("Donna Brazile, the interim chairwoman of the DNC"),
        PolNeAR's notion of a source; ``speaker`` keeps the short mention."""
        head = subj
        if head.head.dep_ == "prep" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in QUANTITY_HEADS:
            head = head.head.head
        if head.pos_ == "PRON":
            return head.idx, head.idx + len(head.text)
        toks = [t for t in head.subtree]
        if head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according":
            toks = [t for t in head.subtree]
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        while e > s and self.text[e - 1] in ",;:—–- ":
            e -= 1
        return s, e


def cue_span(cue: Token) -> tuple[int, int]:
    """The cue's verb group: auxiliaries, negation and adverbs right before it ("has also said",
    "would not say") and a particle right after ("pointed out"); "according to" covers both words."""
    s, e = cue.idx, cue.idx + len(cue.text)
    doc = cue.doc
    if cue.lower_ == "according":
        if cue.i + 1 < len(doc) and cue.nbor(1).lower_ == "to":
            e = cue.nbor(1).idx + 2
        return s, e
    if cue.text == ":":
        return s, e
    left = {
        c.i
        for c in cue.lefts
        if c.dep_ in ("aux", "auxpass", "neg", "advmod")
        and c.lower_ not in ("to", "when", "where", "how", "why", "ago", "then", "as")
        and not c.tag_.startswith("W")
    }
    k = cue.i
    while k - 1 in left:
        k -= 1
    s = doc[k].idx
    for c in cue.rights:
        nominal_prep = cue.pos_ == "NOUN" and c.dep_ == "prep" and c.lower_ in NOMINAL_PREPS
        if (c.dep_ == "prt" or nominal_prep or Extractor._frame_prep(c)) and c.i == cue.i + 1:
            e = c.idx + len(c.text)
    return s, e


def cue_class_of(cue: Token) -> str:
    return "neutral" if cue.lower_ == "according" else cue_class(cue.lemma_)
