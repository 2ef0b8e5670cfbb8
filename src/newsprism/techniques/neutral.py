"""The neutral-wording lexicon: loaded phrase or pattern -> neutral alternative (see docs/lexicon.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsprism.errors import ConfigError

LEXICON_PATH = Path(__file__).resolve().parents[1] / "lexicons" / "neutral.tsv"


@dataclass(frozen=True)
class Entry:
    pattern: re.Pattern[str]
    neutral: str
    technique: str
    category: str
    source: str
    is_regex: bool
    explanation: str = ""  # why the wording is loaded (optional column 6)
    example: str = ""  # a sentence written to show the pattern (optional column 7; tests re-parse the rewrite)
    key: str = ""  # the row's ``loaded`` column as written: its id in lexicon_scores.json


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    neutral: str
    technique: str
    category: str
    source: str
    explanation: str = ""
    key: str = ""  # the matching row's ``loaded`` column (Entry.key)


def _compile(loaded: str) -> tuple[re.Pattern[str], bool]:
    if loaded.startswith("re:"):
        return re.compile(loaded[3:]), True
    words = [re.escape(w) for w in loaded.split()]
    return re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])", re.IGNORECASE), False


def read_tsv(path: Path) -> list[Entry]:
    """Read one lexicon TSV (header line and ``#`` comments skipped); bad rows raise E090."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError("E090", path=path, reason=str(exc)) from exc
    entries = []
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#") or line.startswith("loaded\t"):
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            raise ConfigError("E090", path=path, reason=f"line {n}: need at least 'loaded<TAB>neutral'")
        cols += [""] * (7 - len(cols))
        try:
            pattern, is_regex = _compile(cols[0].strip())
        except re.error as exc:
            raise ConfigError("E090", path=path, reason=f"line {n}: bad regex: {exc}") from exc
        technique = cols[2].strip() or "Loaded_Language"
        entries.append(
            Entry(
                pattern,
                cols[1].strip(),
                technique,
                cols[3].strip() or "loaded",
                cols[4].strip(),
                is_regex,
                cols[5].strip(),
                cols[6].strip(),
                cols[0].strip(),
            )
        )
    return entries


@lru_cache(maxsize=8)
def load_lexicon(user_path: str | None = None) -> tuple[Entry, ...]:
    """The shipped lexicon, with a user's TSV (option ``neutral_lexicon``) taking precedence."""
    entries = read_tsv(LEXICON_PATH)
    if user_path:
        entries = read_tsv(Path(user_path)) + entries
    return tuple(entries)


def _neutralise_inner(text: str, entries: tuple[Entry, ...]) -> str:
    """Apply plain-phrase entries inside a pattern's replacement ("illegal immigrants" -> "undocumented ...")."""
    for e in entries:
        if not e.is_regex and e.neutral:
            text = e.pattern.sub(e.neutral, text)
    return text


def find(text: str, entries: tuple[Entry, ...]) -> list[Hit]:
    """All lexicon matches, longest first; overlapping shorter matches are dropped (earlier entries win ties)."""
    cands: list[tuple[int, int, int, Hit]] = []
    for rank, e in enumerate(entries):
        for m in e.pattern.finditer(text):
            if m.end() <= m.start():
                continue
            neutral = m.expand(e.neutral) if e.is_regex else e.neutral
            if e.is_regex and m.groups():
                neutral = _neutralise_inner(neutral, entries)
            if not e.is_regex and m.group(0)[:1].isupper() and neutral:
                neutral = neutral[0].upper() + neutral[1:]
            cands.append(
                (
                    m.start(),
                    m.end(),
                    rank,
                    Hit(m.start(), m.end(), neutral, e.technique, e.category, e.source, e.explanation, e.key),
                )
            )
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[Hit] = []
    for s, e_, _, hit in cands:
        if all(e_ <= h.start or s >= h.end for h in taken):
            taken.append(hit)
    return sorted(taken, key=lambda h: h.start)


def neutral_for(span_text: str, entries: tuple[Entry, ...]) -> str | None:
    """Neutral alternative for a detected span: rewrite every lexicon match inside it, else None."""
    hits = find(span_text, entries)
    if not hits:
        return None
    out, pos = [], 0
    for h in hits:
        out.append(span_text[pos : h.start])
        out.append(h.neutral)
        pos = h.end
    out.append(span_text[pos:])
    return re.sub(r"\s{2,}", " ", "".join(out)).strip()
