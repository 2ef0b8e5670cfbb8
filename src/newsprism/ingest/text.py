"""Plain text to Article: decode, repair, title line, boilerplate removal."""

from __future__ import annotations

import re
from typing import Any

from newsprism.errors import InputError
from newsprism.ingest.boilerplate import remove_boilerplate
from newsprism.ingest.decode import clean_text, looks_binary
from newsprism.model import Article, Boilerplate, content_id

TITLE_MAX_WORDS = 20


def split_title(text: str) -> tuple[str | None, str]:
    """A short first line without terminal punctuation, followed by a blank line, is the headline."""
    first, sep, rest = text.partition("\n")
    line = first.strip()
    words = line.split()
    if (
        sep
        and rest.strip()
        and 2 <= len(words) <= TITLE_MAX_WORDS
        and not re.search(r"[.!?,;:\"”]$", line)
        and rest.startswith("\n")
        and line[:1].isupper()
    ):
        return line, rest.strip()
    return None, text


def build_article(
    text: str,
    *,
    source: str | None,
    warnings: list[tuple[str, str]] | None = None,
    boilerplate: bool = True,
    detect_title: bool = True,
    **meta: Any,
) -> Article:
    """Clean ``text`` and make the Article: its body is the canonical text every offset refers to."""
    label = source or "<text>"
    cleaned, repairs = clean_text(text)
    if not cleaned.strip():
        raise InputError("E002", source=label)
    if looks_binary(cleaned):
        raise InputError("E003", source=label)
    title = meta.pop("title", None)
    body = cleaned.strip()
    if detect_title and title is None:
        title, body = split_title(body)
    removed: list[tuple[str, str]] = []
    if boilerplate:
        body, removed = remove_boilerplate(body)
    body = re.sub(r"[ \t]+\n", "\n", body).strip()
    if not body:
        raise InputError("E002", source=label)
    art_id = meta.pop("id", None) or content_id(body)
    fields = {k: v for k, v in meta.items() if v is not None}
    article = Article.model_validate({"id": str(art_id), "text": body, "source": source, "title": title, **fields})
    article.boilerplate = [Boilerplate(text=t, reason=r) for t, r in removed]
    for code, message in [*(warnings or []), *repairs]:
        article.warn(code, message)
    return article
