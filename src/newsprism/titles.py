"""What a reader sees as an article's title (issue 21): never a file path.

``Article.title`` is what the input gave, or the first line ingest split off as a headline (a short line followed
by a blank line, ``ingest/text.py: split_title``). Every report, the CLI summary, the comparison and the web pages
call an article by :func:`display_title`: that title, else the first headline-like line of the text, else the
opening words, else the id. It is presentation only: ``Article.title`` is never filled from it (docs/decisions.md).
"""

from __future__ import annotations

import re

from newsprism.model import Article

HEAD_LINES = 5  # lines of the text searched for a headline-like line
HEAD_MAX_WORDS = 20
OPENING_WORDS = 12

_WORD = re.compile(r"\S+")
_BYLINE = re.compile(r"(?:by|photo|image|updated|posted|published|written by|story by)\b", re.IGNORECASE)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
# Words a date or time line is made of ("Thursday, Dec. 3, 2026, 5:30 PM ET", "2026-12-03"): a line with at most
# one other word is a dateline, not a headline.
_DATE_WORD = re.compile(rf"\b(?:{_DAY}|{_MONTH}|am|pm|a\.m\.|p\.m\.|et|est|edt|pt|pst|pdt|utc|gmt)(?!\w)", re.I)
# ...or a wire dateline ("WASHINGTON (AP) —", "NEW YORK, Dec. 3 (Reuters) - ", "(CNN)").
_WIRE = re.compile(
    r"^[A-Z][A-Z.' ]{2,}(?:,[^—–-]{0,30})?\s*(?:\([A-Za-z ]{2,20}\)\s*)?(?:[—–]|-\s|--)|\((?:AP|Reuters|AFP|UPI|CNN)\)"
)


def headline_like(line: str) -> bool:
    """A short line (2 to ``HEAD_MAX_WORDS`` words) that does not end a sentence or clause and is no byline or
    dateline: what a headline looks like when nothing marks it as one."""
    s = line.strip()
    if not 2 <= len(s.split()) <= HEAD_MAX_WORDS or s.endswith((".", ",", ";", ":")):
        return False
    return not (_BYLINE.match(s) or _WIRE.search(s) or _dateline(s))


def _dateline(s: str) -> bool:
    """A date or time with at most one other word ("Thursday, December 3, 2026", "Updated 5:30 PM ET")."""
    rest = _DATE_WORD.sub(" ", s)
    dated = rest != s or re.search(r"\d[:/]\d|\d{4}-\d\d", s)
    return bool(dated and re.search(r"\d", s)) and len(re.findall(r"[A-Za-z]{2,}", rest)) <= 1


def display_title(article: Article, lines: int = HEAD_LINES, words: int = OPENING_WORDS) -> str:
    """What to call an article: its title, else the first headline-like line among the first ``lines`` non-blank
    lines, else the opening ``words`` words with an ellipsis, else its id. Never its source path."""
    return title_of(article.title, article.text, article.id, lines=lines, words=words)


def title_of(title: str | None, text: str, ident: str, lines: int = HEAD_LINES, words: int = OPENING_WORDS) -> str:
    """:func:`display_title` for a record that is not an :class:`Article` (a store row: title, text, id)."""
    head = headline_title(title, text, lines)
    if head:
        return head
    opening = _WORD.findall(text or "")
    if opening:
        return " ".join(opening[:words]) + ("…" if len(opening) > words else "")
    return ident


def headline_title(title: str | None, text: str, lines: int = HEAD_LINES) -> str | None:
    """The title, else the first headline-like line among the first ``lines`` non-blank lines, else None (for a
    label that has a better fallback than the opening words, such as "article 2")."""
    if title and title.strip():
        return title.strip()
    for line in [ln for ln in (text or "").split("\n") if ln.strip()][:lines]:
        if headline_like(line):
            return line.strip()
    return None
