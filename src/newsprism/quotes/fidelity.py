"""Quote fidelity: group quotations that render the same utterance and say how faithfully.

Matching uses rapidfuzz's partial alignment (best window of the longer text for the shorter one),
then a word-level difflib alignment to cut the window at matched words. Verdicts, most severe last:
identical < trimmed < paraphrased < altered < paraphrase_as_quote < different_speaker; ``not_in_transcript``
for a quotation with no matching window in the transcript. ``paraphrased``: reported speech (indirect) of the
same utterance as a verbatim quotation — it quotes words of it ("said it was a “tough job”") or shares most of
its content words.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any, cast

from rapidfuzz import fuzz

from newsprism.model import DiffOp, Quote, QuoteGroup, QuoteMember, Verdict
from newsprism.quotes.lexicon import words_set

MIN_WORDS = 4  # shorter quotations (scare quotes) are too common to group
MIN_PARTIAL_WORDS = 5
# Longer renderings are not grouped: rapidfuzz's partial alignment grows about quadratically with length
# (1,000 words against 1,000 took 5 s), and quotations that long are speeches, not remarks quoted twice.
MAX_WORDS = 400
SLACK = 12  # words added on each side of the character alignment before the word alignment
MIN_RUN = 2  # only runs of at least this many words in a row count as shared
MIN_SHARED = 0.5  # share of the shorter rendering's words found in order in the window
MATCH_SCORE = 72.0  # rapidfuzz partial_ratio needed to call two renderings one utterance
ALTERED_RATIO = 0.55  # word-level similarity below this is a paraphrase, not an altered quote
SEVERITY = [
    "identical", "trimmed", "paraphrased", "altered", "paraphrase_as_quote", "different_speaker", "not_in_transcript"
]  # fmt: skip
MIN_FRAGMENT_WORDS = 2  # a quoted fragment of a paraphrase found verbatim in a quotation links the two
MIN_SHARED_CONTENT = 5  # ... or this many of its content words (and PARA_SHARE of them) occur in the quotation
PARA_SHARE = 0.7
FRAGMENT = re.compile(r"[“\"‘]([^”\"’]{3,})[”\"’]")
STOP = words_set(
    "that this with from have has had were was will would could should they them their there about which what "
    "when where been being into than then also just very more most some such only over said says"
)
ELLIPSIS = re.compile(r"…|\.\.\.")
WORD = re.compile(r"[\w’']+|…|\.\.\.")
TRANSCRIPT = "transcript"


@dataclass
class Words:
    """Words of a text with their character offsets (relative to ``base``)."""

    text: str
    base: int
    spans: list[tuple[int, int]]

    @classmethod
    def of(cls, text: str, base: int = 0) -> Words:
        return cls(text, base, [(m.start(), m.end()) for m in WORD.finditer(text)])

    def norm(self, i: int) -> str:
        s, e = self.spans[i]
        return self.text[s:e].lower().replace("’", "'")

    def norms(self) -> list[str]:
        return [
            self.norm(i) for i in range(len(self.spans)) if not ELLIPSIS.fullmatch(self.text[slice(*self.spans[i])])
        ]

    def content_idx(self) -> list[int]:
        return [i for i in range(len(self.spans)) if not ELLIPSIS.fullmatch(self.text[slice(*self.spans[i])])]


def _window(short: Words, long: Words) -> tuple[int, int, float] | None:
    """Best window of ``long`` for ``short``: (char start, char end) relative to long.text, score."""
    a = " ".join(short.norms())
    si = long.content_idx()
    b_words = [long.norm(i) for i in si]
    if not a or not b_words:
        return None
    res = fuzz.partial_ratio_alignment(a, " ".join(b_words))
    if res is None or res.score < MATCH_SCORE:
        return None
    # word index of the aligned region in long, widened a little, then cut at matched words
    pos = 0
    starts = []
    for w in b_words:
        starts.append(pos)
        pos += len(w) + 1
    lo = max(0, next((k for k, p in enumerate(starts) if p + len(b_words[k]) > res.dest_start), 0) - SLACK)
    hi = min(len(b_words), next((k for k, p in enumerate(starts) if p >= res.dest_end), len(b_words)) + SLACK)
    sm = difflib.SequenceMatcher(None, short.norms(), b_words[lo:hi], autojunk=False)
    blocks = [m for m in sm.get_matching_blocks() if m.size]
    if not blocks:
        return None
    if sum(m.size for m in blocks if m.size >= MIN_RUN) < MIN_SHARED * len(short.norms()):
        return None  # characters align but too few whole words do
    first = lo + blocks[0].b
    last = lo + blocks[-1].b + blocks[-1].size - 1
    return long.spans[si[first]][0], long.spans[si[last]][1], float(res.score)


def word_diff(a: str, b: str) -> list[DiffOp]:
    """Word-level diff from ``a`` to ``b``: ops equal | insert | delete | replace with a/b text."""
    wa, wb = Words.of(a), Words.of(b)
    na = [wa.norm(i) for i in range(len(wa.spans))]
    nb = [wb.norm(i) for i in range(len(wb.spans))]
    out: list[DiffOp] = []
    sm = difflib.SequenceMatcher(None, na, nb, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        ta = " ".join(a[slice(*wa.spans[i])] for i in range(i1, i2))
        tb = " ".join(b[slice(*wb.spans[j])] for j in range(j1, j2))
        out.append(DiffOp(op=cast("Any", op), a=ta, b=tb))
    return out


def verdict(ref: str, member: str, ref_speaker: str | None, member_speaker: str | None) -> Verdict:
    """How ``member`` renders the utterance ``ref``."""
    a, b = Words.of(ref).norms(), Words.of(member).norms()
    if ref_speaker and member_speaker and ref_speaker != member_speaker:
        return "different_speaker"
    if a == b:
        return "trimmed" if ELLIPSIS.search(member) and not ELLIPSIS.search(ref) else "identical"
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    ops = {op for op, *_ in sm.get_opcodes() if op != "equal"}
    if ops <= {"delete"}:
        return "trimmed"
    return "altered" if sm.ratio() >= ALTERED_RATIO else "paraphrase_as_quote"


@dataclass
class _Item:
    article: str
    quote: Quote
    words: Words
    para: bool = False  # reported speech that may render a verbatim quotation

    @property
    def speaker(self) -> str | None:
        return self.quote.speaker.name if self.quote.speaker else None


def _qm(**fields: Any) -> QuoteMember:
    """A group member; ``verdict`` and ``speaker`` are extra fields."""
    return QuoteMember.model_validate(fields)


def _member(article: str, text: str, start: int, end: int, **extra: Any) -> QuoteMember:
    return _qm(article=article, text=text[start:end], start=start, end=end, **extra)


def _eligible(q: Quote) -> bool:
    if getattr(q, "outlet_report", False):
        return False  # an outlet's reported block: its own quotations are grouped instead
    n = len(Words.of(q.text).norms())
    if n > MAX_WORDS:
        return False
    return (q.kind in ("direct", "block") and n >= MIN_WORDS) or (q.kind == "partial" and n >= MIN_PARTIAL_WORDS)


def _paraphrase(q: Quote) -> bool:
    """Reported speech (not an attitude or a sourceless attribution) long enough to render an utterance."""
    return (
        q.kind == "indirect"
        and q.speech_act is not None
        and not q.attitude
        and not q.sourceless
        and MIN_WORDS <= len(Words.of(q.text).norms()) <= MAX_WORDS
    )


def _overlap(x: _Item, y: _Item) -> bool:
    return x.article == y.article and x.quote.start < y.quote.end and y.quote.start < x.quote.end


def _same_speaker(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    x, y = a.lower(), b.lower()
    return x in y or y in x


def renders(para: Quote, quote: Quote) -> tuple[int, int] | None:
    """Where reported speech ``para`` renders the verbatim ``quote`` (character span in ``quote.text``): a
    fragment it quotes found in the quotation, or the whole quotation when most of its content words occur there.
    """
    qw = Words.of(quote.text)
    idx = qw.content_idx()
    qn = [qw.norm(i) for i in idx]
    for m in FRAGMENT.finditer(para.text):
        frag = Words.of(m.group(1)).norms()
        n = len(frag)
        if n < MIN_FRAGMENT_WORDS:
            continue
        hit = next((k for k in range(len(qn) - n + 1) if qn[k : k + n] == frag), None)
        if hit is not None:
            return qw.spans[idx[hit]][0], qw.spans[idx[hit + n - 1]][1]
    content = {w for w in Words.of(para.text).norms() if len(w) >= 4 and w not in STOP}
    shared = content & set(qn)
    if len(shared) >= MIN_SHARED_CONTENT and len(shared) >= PARA_SHARE * len(content):
        return 0, len(quote.text)
    return None


def _links(its: list[_Item]) -> tuple[list[list[int]], dict[tuple[int, int], tuple[int, int]]]:
    """Connected components of items rendering one utterance, and the window of each (long, short) pair."""
    parent = list(range(len(its)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    windows: dict[tuple[int, int], tuple[int, int]] = {}  # (long, short) -> window in long
    for i in range(len(its)):
        for j in range(i + 1, len(its)):
            x, y = its[i], its[j]
            if _overlap(x, y) or (x.para and y.para):
                continue
            if x.para or y.para:
                (p, pi), (v, vi) = ((x, i), (y, j)) if x.para else ((y, j), (x, i))
                at = renders(p.quote, v.quote) if _same_speaker(p.speaker, v.speaker) else None
                if at is not None:
                    windows[(vi, pi)] = at
                    parent[find(i)] = find(j)
                continue
            short, long, si, li = (x, y, i, j) if len(x.quote.text) <= len(y.quote.text) else (y, x, j, i)
            w = _window(short.words, long.words)
            if w is None:
                continue
            windows[(li, si)] = (w[0], w[1])
            parent[find(i)] = find(j)
    clusters: dict[int, list[int]] = {}
    for i in range(len(its)):
        clusters.setdefault(find(i), []).append(i)
    return [c for c in clusters.values() if len(c) >= 2], windows


def group_quotes(items: list[tuple[str, Quote]], transcript: str | None = None) -> list[QuoteGroup]:
    """Groups of quotations rendering one utterance; with a transcript, every quotation is checked.

    Without a transcript, reported speech that renders a verbatim quotation joins its group (``paraphrased``).
    """
    its = [_Item(a, q, Words.of(q.text, q.start)) for a, q in items if _eligible(q)]
    if transcript:
        return _against_transcript(its, transcript)
    its += [_Item(a, q, Words.of(q.text, q.start), para=True) for a, q in items if _paraphrase(q)]
    clusters, windows = _links(its)
    return [_group(its, members, windows) for members in clusters]


def _group(its: list[_Item], members: list[int], windows: dict[tuple[int, int], tuple[int, int]]) -> QuoteGroup:
    """One group: the longest verbatim member is the reference, cut to the part the others render."""
    ref_i = max((k for k in members if not its[k].para), key=lambda k: len(its[k].quote.text))
    ref = its[ref_i]
    spans: dict[int, tuple[int, int]] = {}
    for k in members:
        if k == ref_i:
            continue
        known = windows.get((ref_i, k))
        if its[k].para:  # the part of the reference a paraphrase quotes (none: it renders another member)
            if known is not None:
                spans[k] = known
            continue
        w = known if known is not None else _window(its[k].words, ref.words)
        if w is not None:
            spans[k] = (w[0], w[1])
    verbatim = [w for k, w in spans.items() if not its[k].para]
    vs, ve = (min(s for s, _ in verbatim), max(e for _, e in verbatim)) if verbatim else (0, len(ref.quote.text))
    # the reference shown also covers the words a paraphrase quotes; verbatim verdicts use the verbatim part
    rs, re_ = min([vs, *(s for s, _ in spans.values())]), max([ve, *(e for _, e in spans.values())])
    if not verbatim:
        rs, re_ = 0, len(ref.quote.text)
    ref_text = ref.quote.text[vs:ve]
    worst: Verdict = "identical"
    worst_diff: list[DiffOp] = []
    out_members = [
        _qm(
            article=ref.article,
            text=ref.quote.text[rs:re_],
            start=ref.quote.start + rs,
            end=ref.quote.start + re_,
            verdict="reference",
            speaker=ref.speaker,
        )
    ]
    for k in [k for k in members if k != ref_i]:
        it = its[k]
        v: Verdict = "paraphrased" if it.para else verdict(ref_text, it.quote.text, ref.speaker, it.speaker)
        q = it.quote
        out_members.append(
            _qm(article=it.article, text=q.text, start=q.start, end=q.end, verdict=v, speaker=it.speaker)
        )
        if SEVERITY.index(v) >= SEVERITY.index(worst):
            worst = v
            worst_diff = [] if it.para else word_diff(ref_text, q.text)
    return QuoteGroup(speaker=ref.speaker, members=out_members, verdict=worst, diff=worst_diff)


def _against_transcript(its: list[_Item], transcript: str) -> list[QuoteGroup]:
    tw = Words.of(transcript)
    by_window: dict[tuple[int, int], list[tuple[_Item, str]]] = {}
    groups: list[QuoteGroup] = []
    for it in its:
        w = _window(it.words, tw)
        if w is None:
            m = _qm(
                article=it.article,
                text=it.quote.text,
                start=it.quote.start,
                end=it.quote.end,
                verdict="not_in_transcript",
                speaker=it.speaker,
            )
            groups.append(QuoteGroup(speaker=it.speaker, members=[m], verdict="not_in_transcript", diff=[]))
            continue
        key = (w[0], w[1])
        merged = next((k for k in by_window if k[0] < key[1] and key[0] < k[1]), None)
        by_window.setdefault(merged or key, []).append((it, transcript[w[0] : w[1]]))
    for (s, e), members in by_window.items():
        ref = _member(TRANSCRIPT, transcript, s, e, verdict="reference")
        out = [ref]
        worst: Verdict = "identical"
        worst_diff: list[DiffOp] = []
        for it, window in members:
            v = verdict(window, it.quote.text, None, None)
            out.append(
                _qm(
                    article=it.article,
                    text=it.quote.text,
                    start=it.quote.start,
                    end=it.quote.end,
                    verdict=v,
                    speaker=it.speaker,
                )
            )
            if SEVERITY.index(v) >= SEVERITY.index(worst):
                worst, worst_diff = v, word_diff(window, it.quote.text)
        speaker = next((it.speaker for it, _ in members if it.speaker), None)
        groups.append(QuoteGroup(speaker=speaker, members=out, verdict=worst, diff=worst_diff))
    return groups
