"""Publication dates from records: ISO kept as given, other fully specified dates rewritten as ISO."""

from __future__ import annotations

from datetime import datetime

from dateutil import parser as dateparser

_DEFAULTS = (datetime(1, 1, 1), datetime(2, 2, 2))  # what dateutil fills in for missing parts


def normalize_published(value: str | None) -> str | None:
    """``2019-03-25…`` unchanged; ``3/25/19``, ``March 25, 2019``, RFC 2822 → ISO; anything else as given.

    A value missing its year, month or day (``May 2019``, ``5 hours ago``) is kept verbatim rather than
    completed with made-up parts: both parses must agree whatever defaults dateutil is given.
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    if len(text) >= 10 and text[:4].isdigit() and text[4] == "-":
        return text
    try:
        first, second = (dateparser.parse(text, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        return text
    if first.date() != second.date():
        return text
    has_time = any(c in text for c in ":") and (first.hour, first.minute, first.second) != (0, 0, 0)
    return first.isoformat() if has_time else first.date().isoformat()
