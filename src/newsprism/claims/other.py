"""Sentences that are neither claim nor opinion (``kind: other``), recognised by form before any score is read.

Bylines, credits and "first appeared in" lines, attributions that only introduce what follows ("… reported
March 26:"), questions, headlines and fragments state nothing a checker could look up and judge nothing:
listing them as claims is the commonest false positive a fact-checker sees. Hand-written patterns: closed
lists of newsroom formulas that no model in our training data covers (ClaimBuster and CheckThat hold debate
and news-body sentences, not page furniture).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprism.nlp.span_tokens import tokens_between

if TYPE_CHECKING:
    from spacy.tokens import Doc

_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|bin|al|da|del|la|le))*"
BYLINE_RE = re.compile(
    r"^(?i:(?:story\s+)?by|reporting\s+by|additional\s+reporting\s+by|writing\s+by|editing\s+by|edited\s+by|"
    r"compiled\s+by|written\s+by|words\s+by|photos?\s+by|video\s+by|interview\s+by)\s+"
    rf"{_NAME}(?:\s*(?:,|and|&|\||;|/|-|–|—)\s*(?:(?i:(?:editing|reporting|writing)\s+by)\s+)?(?:the\s+)?{_NAME})*\W*$"
)  # names are case-sensitive: "By law, the bill must pass…" is a statement, not a byline
BOILERPLATE_RE = re.compile(
    r"(?:first|originally)\s+(?:appeared|published|ran)\b|\bre-?published\s+(?:with|by|from|under)\b|"
    r"^read\s+(?:more|the\s+full|also)\b|^click\s+here\b|^sign\s+up\b|^subscribe\b|\ball\s+rights\s+reserved\b|"
    r"^copyright\b|©|\bthis\s+(?:story|article|post)\s+(?:has\s+been|was)\s+updated\b|^(?:photo|image|video|"
    r"credit|source|related|advertisement|editor'?s\s+note|update|correction)\s*[:|]|"
    r"\b(?:getty\s+images|ap\s+photo|reuters/|afp\s+via)\b|^follow\s+(?:him|her|them|us|me)\s+on\b|"
    r"^(?:contact|email|e-mail)\s+(?:him|her|them|us|the\s+author)\b|\bcontributed\s+(?:to\s+)?this\s+report\b|"
    r"^share\s+(?:this|on)\b|^(?:listen|watch)\s*:|\bthe\s+views\s+expressed\b|"
    r"\b(?:hide|show|expand|toggle)\s+caption\b|\b(?:photo|image|slide)\s+\d+\s+of\s+\d+\b|"
    r"\b\d+\s+of\s+\d+\s+(?:photos|images|slides|pictures)\b",
    re.IGNORECASE,
)
EMBED_RE = re.compile(
    r"\b(?:photo|video|post)\s+(?:shared|posted)\s+by\b[^\n]{0,80}\(@\w+\)|^[—–-]\s*[^()\n]{1,60}\(@\w+\)\s*\w*|"
    r"^story\s+highlights\b",
    re.IGNORECASE,
)  # a social-media embed's credit ("A video posted by Jane Doe (@jdoe) on Dec 31, 2016"; "— Jane Doe (@jdoe) May 1,
# 2017" opening the sentence) and a "Story highlights" box: page furniture (issue 23, rounds 1-2 of the blind sample)
QUOTED_QUESTION_RE = re.compile(r"\?\s*[\"”’']|\?,")  # a question inside a quotation ('"… why not?," she asked')
LOWER_START_RE = re.compile(r"^[\W_]*[a-z][a-z'’-]*\b")  # "and the rest of it was …": the splitter cut a sentence
FINITE_TAGS = ("VBD", "VBP", "VBZ", "MD")  # a finite verb (past, present, modal); "VB" alone is an imperative
TIMECODE_RE = re.compile(r"\b\d{1,2}:\d{2}\s*$")  # "Extend unemployment insurance 05:07": a video link's title
INTRODUCES_RE = re.compile(r"[:\u2014\u2013-]\s*[\"“‘']?\s*$")  # ends by introducing what follows
MIN_WORDS = 4
LABEL_LINE_WORDS = 10  # a line of its own, no end punctuation, at most this many words: a heading or label


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def is_question(text: str) -> bool:
    return text.rstrip(" \"'”’)").endswith("?")


def is_heading(text: str) -> bool:
    """A subheading: no end punctuation and most words capitalised ("Mexican President Sharply Criticized the USA")."""
    t = text.strip()
    if not t or t[-1] in ".!?\"”’'):;,":
        return False
    words_ = re.findall(r"[A-Za-z][\w'’-]*", t)
    caps = sum(w[0].isupper() for w in words_ if len(w) > 3 or w[0].isupper())
    long_ = sum(1 for w in words_ if len(w) > 3 or w[0].isupper())
    return long_ >= 2 and caps >= 0.6 * long_


def is_label_line(text: str) -> bool:
    """A short line without end punctuation, quotation marks set aside ("'Lordy, I hope there are tapes'",
    "Advertisement", "April, 2015"): a subheading, caption or label when it stands on a line of its own."""
    core = text.strip().strip("\"'“”‘’ ")
    return bool(core) and core[-1] not in ".!?:;,)" and words(core) <= LABEL_LINE_WORDS


def other_reason(
    text: str, headline: bool, doc: Doc | None = None, start: int = 0, end: int = 0, own_line: bool = False
) -> str | None:
    """Why the sentence ``text`` (``doc`` tokens ``start``..``end``; ``own_line``: alone on its line) is
    ``other``, or None when it is not."""
    t = text.strip()
    if BYLINE_RE.match(t):
        return "byline or credit"
    if BOILERPLATE_RE.search(t):
        return "page boilerplate (source line, credit, link, update note)"
    if EMBED_RE.search(t):
        return "page boilerplate (social-media embed credit or highlights box)"
    if TIMECODE_RE.search(t):
        return "page boilerplate (video link: title and running time)"
    if headline:
        return "headline"
    if is_heading(t):
        return "heading (title case, no end punctuation)"
    if own_line and is_label_line(t):
        return "heading (a short line of its own without end punctuation)"
    if is_question(t) or QUOTED_QUESTION_RE.search(t):
        return "question: asserts nothing checkable"
    if INTRODUCES_RE.search(t):
        return "attribution that introduces what follows"
    if words(t) < MIN_WORDS:
        return "fragment"
    if LOWER_START_RE.match(t):
        return "fragment (starts lower-case: part of a sentence the splitter cut)"
    if doc is not None and not any(tok.tag_ in FINITE_TAGS for tok in tokens_between(doc, start, end)):
        return "fragment (no finite verb)"
    return None
