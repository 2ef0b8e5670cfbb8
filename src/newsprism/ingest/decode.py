"""Bytes to clean text: encoding detection (charset-normalizer) and repairs, each reported as a warning."""

from __future__ import annotations

import re
import unicodedata

from newsprism.errors import InputError

# Zero-width and bidi-control characters that carry no text (RTL letters themselves are kept).
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def decode_bytes(data: bytes, source: str) -> tuple[str, list[tuple[str, str]]]:
    """Decode ``data``; return (text, warnings as (code, message)). Binary data raises E003."""
    warnings: list[tuple[str, str]] = []
    for bom, encoding in BOMS:
        if data.startswith(bom):
            if encoding != "utf-8":
                warnings.append(("W001", f"decoded as {encoding.upper()} (byte-order mark)"))
            return data[len(bom) :].decode(encoding, errors="replace"), warnings
    if b"\x00" in data[:8192]:
        raise InputError("E003", source=source)
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError:
        pass
    western = _plausible_cp1252(data)
    if western is not None:
        warnings.append(("W002", "not UTF-8: decoded as cp1252"))
        return western, warnings
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise InputError("E003", source=source)
    encoding = "cp1252" if best.encoding in ("latin_1", "iso8859_1", "ascii") else best.encoding
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        text = data.decode("cp1252", errors="replace")
    warnings.append(("W002", f"not UTF-8: decoded as {encoding}"))
    return text, warnings


CP1252_EXTRA = frozenset("‘’‚“”„–—…•€™†‡‰‹›ŠšŽžŒœŸˆ˜")


def _plausible_cp1252(data: bytes) -> str | None:
    """cp1252 when it decodes cleanly and reads as mostly-ASCII Western text.

    Detectors (charset-normalizer included) guess badly on short Western texts (e.g. cp775 for
    "Café “quoted”"), so this common case is checked first; texts whose letters are mostly non-ASCII
    (Cyrillic, Greek in legacy code pages) go to the detector.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    high = [c for c in text if ord(c) > 127]
    if not letters or any(not ("\u00a0" <= c <= "\u00ff" or c in CP1252_EXTRA) for c in high):
        return None
    high_letters = sum(1 for c in letters if ord(c) > 127)
    return text if high_letters / len(letters) < 0.3 else None


def clean_text(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Normalise line ends, remove invisible and control characters, NFC-normalise."""
    warnings: list[tuple[str, str]] = []
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        warnings.append(("W003", "converted CRLF/CR line ends to LF"))
    text = text.replace("\t", " ").replace("\u00a0", " ").replace("\u2028", "\n").replace("\u2029", "\n\n")
    cleaned, n_invisible = INVISIBLE.subn("", text)
    cleaned, n_control = CONTROL.subn("", cleaned)
    if n_invisible:
        warnings.append(("W004", f"removed {n_invisible} zero-width/bidi-control character(s)"))
    if n_control:
        warnings.append(("W005", f"removed {n_control} control character(s)"))
    normalised = unicodedata.normalize("NFC", cleaned)
    if normalised != cleaned:
        warnings.append(("W006", "normalised Unicode to NFC"))
    return normalised, warnings


def looks_binary(text: str) -> bool:
    """True when too much of the text is replacement characters or unprintable."""
    if not text:
        return False
    bad = text.count("\ufffd")
    return bad > 16 and bad / len(text) > 0.05
