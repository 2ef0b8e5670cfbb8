"""HTML pages to Articles with trafilatura (title, author, date, sitename, body)."""

from __future__ import annotations

import re
from typing import Any

from newsprism.errors import InputError
from newsprism.ingest.boilerplate import strip_boilerplate
from newsprism.ingest.htmldepth import flatten_deep
from newsprism.model import Article, Boilerplate


def _fallback_text(html: str) -> str:
    """Visible text when trafilatura finds no article (tiny or broken pages)."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, Exception):
        return ""
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    return "\n".join(t.strip() for t in root.itertext() if t.strip())


def _not_copyright_year(html: str, found: str | None) -> str | None:
    """trafilatura's date, unless it is only the page's copyright line: htmldate's last resort turns a footer's
    "© 2024" into 2024-01-01, which is not a publication date. Kept when the page's metadata says the same."""
    if not found or not found.endswith("-01-01"):
        return found
    if not re.search(rf"(©|&copy;|\(c\)|copyright)\s*(\d{{4}}\s*[-–]\s*)?{found[:4]}\b", html, re.IGNORECASE):
        return found
    from htmldate import find_date

    try:
        strict = find_date(html, extensive_search=False, original_date=True)
    except (ValueError, TypeError, RecursionError):
        return None
    return found if strict == found else None


def extract_html(html: str, *, boilerplate: bool = True) -> dict[str, Any]:
    """Return {"text", "title", "byline", "published", "outlet", "url", "removed", "fallback"} for a page."""
    import trafilatura

    html = flatten_deep(html)  # libxml2 drops what lies over 256 levels deep (issue 24)
    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True, favor_precision=True
        )
    except (ValueError, RecursionError, Exception):
        doc = None
    meta: dict[str, Any] = {}
    if doc is not None:
        meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (meta.get("text") or "").strip()
    fallback = False
    if not text:
        text = _fallback_text(html).strip()
        fallback = True
    removed: list[dict[str, str]] = []
    if boilerplate and text:
        # HTML extraction already dropped the page chrome: apply only the generic rules, not the
        # plain-text layout model (which would cut real body lines of an already clean text).
        text, removed = strip_boilerplate(text, use_model=False)
    return {
        "text": text,
        "title": meta.get("title") or None,
        "byline": meta.get("author") or None,
        "published": _not_copyright_year(html, meta.get("date") or None),
        "outlet": meta.get("sitename") or None,
        "url": meta.get("url") or None,
        "removed": removed,
        "fallback": fallback,
    }


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or ("<body" in head and "</" in head)


def require_text(text: str, source: str) -> str:
    if not text.strip():
        raise InputError("E002", source=source)
    return text


def article_from_html(
    html: str,
    *,
    source: str | None = None,
    boilerplate: bool = True,
    warnings: list[tuple[str, str]] | None = None,
    **meta: Any,
) -> Article:
    """Build an Article from an HTML page: trafilatura metadata and body, then boilerplate rules."""
    from newsprism.ingest.text import build_article

    label = source or "<html>"
    if not html.strip():
        raise InputError("E002", source=label)
    page = extract_html(html, boilerplate=boilerplate)
    if not page["text"].strip():
        raise InputError("E002", source=label)
    given = {k: v for k, v in meta.items() if v is not None}
    fields = {k: page[k] for k in ("title", "byline", "published", "outlet", "url") if page[k]} | given
    notes = list(warnings or [])
    if page["fallback"]:
        notes.append(("W010", "no article found by trafilatura: used the page's visible text"))
    article = build_article(
        page["text"], source=source, warnings=notes, boilerplate=False, detect_title=False, **fields
    )
    article.boilerplate = [Boilerplate(text=r["text"], reason=r["reason"]) for r in page["removed"]]
    return article
