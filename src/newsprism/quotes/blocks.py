"""Passes over colon-led lines: block quotes after a speaker line ("Biden said:"), transcripts ("TAPPER: …"),
Q&A interviews ("Q: …" / "A: …") and headline attributions ("Sanders: Clinton email story has moved")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprism.lexicons.speech import REPORT_CUES, SPEECH
from newsprism.quotes.candidate import Candidate
from newsprism.quotes.context import words
from newsprism.quotes.lexicon import OUTLET_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsprism.quotes.context import Context

BLOCK_INTRO_MAX_WORDS = 15
FIRST_SECOND = re.compile(r"\b(I|I’m|I'm|I’ve|I'd|I’d|we|We|we’re|We’re|our|Our|us|you|You|your|my|My|me)\b")
SPEECHY_START = re.compile(r"^(So|Well|And|But|Now|Look|Yes|No|Oh)\b")
SPEAKER_LABEL = re.compile(r"^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}): (\S.*)$")
HEADLINE_COLON = re.compile(r"^((?:[A-Z][\w.'’-]+ ){0,3}[A-Z][\w.'’-]+): (\S.*)$")


def intro_cue(ctx: Context, k: int) -> Token | None:
    """The cue verb of paragraph ``k`` when it is a short speaker line ending in ':'."""
    ps, pe = ctx.paras[k]
    line = ctx.text[ps:pe]
    if not line.endswith(":"):
        return None
    # the intro is the paragraph's last sentence ("… to developers. He added:")
    ends = [m.end() for m in re.finditer(r"[.!?][\"”’')]*\s+(?=[A-Z“\"])", line)]
    ps = ps + (ends[-1] if ends else 0)
    if words(ctx.text[ps:pe]) > BLOCK_INTRO_MAX_WORDS or ctx.text[ps] in "“\"'‘":
        return None
    cues = [t for t in ctx.cue_tokens(ps, pe) if t.lemma_.lower() in SPEECH | {"continue", "reply", "write"}]
    return cues[-1] if cues else None


def _speechy(ctx: Context, k: int) -> bool:
    ps, pe = ctx.paras[k]
    para = ctx.text[ps:pe]
    return bool(FIRST_SECOND.search(para) or "[" in para or SPEECHY_START.match(para))


def _short(ctx: Context, j: int) -> bool:
    ps, pe = ctx.paras[j]
    return words(ctx.text[ps:pe]) <= 40


def _block_end(ctx: Context, k: int, outlet: bool) -> int:
    """The last paragraph of the block introduced by paragraph ``k``.

    A person's block runs while paragraphs read as speech (one non-speech paragraph is allowed when the next
    one is speech); an outlet's report runs while paragraphs keep reporting (said/told … or an opening mark).
    """
    n = len(ctx.paras)
    last = k + 1
    j = k + 2
    while j < n and intro_cue(ctx, j) is None:
        if outlet:
            js, je = ctx.paras[j]
            said = [t for t in ctx.cue_tokens(js, je) if t.lemma_.lower() in REPORT_CUES]
            if not (said or ctx.text[js] in '“"‘'):
                break
        elif not (
            _speechy(ctx, j)
            or (j + 1 < n and _speechy(ctx, j + 1) and intro_cue(ctx, j + 1) is None and _short(ctx, j))
        ):
            break
        last = j
        j += 1
    return last


def find_blocks(ctx: Context) -> list[tuple[int, int, int, bool, Token]]:
    """(intro paragraph, block start char, block end char, is an outlet's report, intro cue)."""
    out = []
    for k in range(len(ctx.paras) - 1):
        cue = intro_cue(ctx, k)
        if cue is None:
            continue
        nxt_s, _ = ctx.paras[k + 1]
        if ctx.text[nxt_s] in '“"‘' or intro_cue(ctx, k + 1) is not None:
            continue  # a direct quotation follows: handled as a quote, not a block
        ps, pe = ctx.paras[k]
        outlet = bool({w.lower() for w in re.findall(r"\w+", ctx.text[ps:pe])} & OUTLET_WORDS)
        last = _block_end(ctx, k, outlet)
        out.append((k, ctx.paras[k + 1][0], ctx.paras[last][1], outlet, cue))
    return out


def block_candidates(ctx: Context) -> list[Candidate]:
    """One ``block`` candidate per block quote found by :func:`find_blocks`."""
    out = []
    for n, (_, s, e, outlet, cue) in enumerate(ctx.blocks, start=1):
        spk = ctx.speaker_for(cue)
        out.append(
            Candidate(
                "block",
                s,
                e,
                subj=spk,
                cue=cue,
                event=n,
                extra={"outlet_report": outlet},
                guard=False,
                claims_cue=True,
                rule="block",
            )
        )
    return out


def interview_candidates(ctx: Context) -> list[Candidate]:
    """Interviews and transcripts: "Q: …"/"A: …" paragraphs, and "TAPPER: …" speaker labels in capitals.

    Each labelled paragraph is kind block with cue ":"; a capitalised label is resolved as a name
    (TRUMP → the article's Trump); Q and A paragraphs stay without a speaker (``interview: true``).
    """
    out: list[Candidate] = []
    labelled = []
    for ps, pe in ctx.paras:
        m = SPEAKER_LABEL.match(ctx.text[ps:pe])
        if m is not None and len(m.group(1)) >= 2:
            labelled.append((ps, pe, m))
    if len(labelled) < 2:
        labelled = []  # one capitalised line with a colon is a headline, not a transcript
    for ps, pe, m in labelled:
        s, e = ctx.trim(ps + m.start(2), pe)
        if e - s < 2:
            continue
        label = ctx.doc.char_span(ps, ps + m.end(1), alignment_mode="expand")
        colon = ctx.doc.char_span(ps + m.end(1), ps + m.end(1) + 1, alignment_mode="expand")
        subj = label[-1] if label is not None and len(label) else None
        cue = colon[0] if colon is not None and len(colon) else None
        event = len(out) + 1
        out.append(
            Candidate(
                "block",
                s,
                e,
                subj=subj,
                cue=cue,
                event=event,
                extra={"transcript": True},
                claims_cue=True,
                rule="transcript",
            )
        )
    qa = [(ps, pe) for ps, pe in ctx.paras if ctx.text.startswith(("Q: ", "A: "), ps)]
    if len({ctx.text[ps] for ps, _ in qa}) < 2:
        return out  # both questions and answers, or it is not an interview
    for ps, pe in qa:
        s, e = ctx.trim(ps + 3, pe)
        if e - s < 2:
            continue
        letter = ctx.doc.char_span(ps, ps + 1, alignment_mode="expand")
        colon = ctx.doc.char_span(ps + 1, ps + 2, alignment_mode="expand")
        cue = colon[0] if colon is not None and len(colon) else None
        q = Candidate("block", s, e, cue=cue, event=len(out) + 1, claims_cue=True, rule="interview")
        q.extra["interview"] = True
        q.extra["question"] = ctx.text[ps] == "Q"
        if letter is not None and len(letter):
            q.extra["answer_mark"] = (letter[0].idx, letter[0].idx + 1)
        out.append(q)
    return out


def headline_candidates(ctx: Context) -> list[Candidate]:
    """ "Sanders: Clinton email story has moved." A short line led by a person's name and a colon."""
    out: list[Candidate] = []
    for ps, pe in ctx.paras:
        m = HEADLINE_COLON.match(ctx.text[ps:pe])
        if m is None or words(ctx.text[ps:pe]) > 25:
            continue
        span = ctx.doc.char_span(ps, ps + m.end(1), alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span[-1]
        person = root.ent_type_ == "PERSON" or ctx.speakers.by_key.get(f"p:{root.lower_}") is not None
        if not person:
            continue
        s, e = ctx.trim(ps + m.start(2), pe)
        if e - s < 8:
            continue
        colon = ctx.doc.char_span(ps + m.end(1), ps + m.end(1) + 1, alignment_mode="expand")
        cue = colon[0] if colon is not None and len(colon) else None
        q = Candidate(
            "indirect", s, e, subj=root, cue=cue, event=len(out) + 1, extra={"headline": True}, rule="headline"
        )
        out.append(q)
    return out
