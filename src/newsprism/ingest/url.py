"""Fetch an article by URL safely: scheme check, address check, timeout, size cap, content type."""

from __future__ import annotations

import ipaddress
import socket
import time
from urllib.parse import urlsplit

from newsprism.errors import FetchError
from newsprism.ingest.decode import decode_bytes
from newsprism.ingest.html import article_from_html
from newsprism.ingest.text import build_article
from newsprism.model import Article
from newsprism.options import Options

ALLOWED_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
DEADLINE_FACTOR = 4  # overall fetch deadline = 4 x url_timeout (60 s by default)


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _is_public(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return addr.is_global and not addr.is_multicast


def check_address(url: str, allow_private: bool) -> str | None:
    """Refuse non-HTTP schemes and hosts that resolve to private, loopback or link-local addresses.

    Returns the checked address the connection must use (None when private addresses are allowed), so
    the host is resolved once per request: a second lookup could answer differently (DNS rebinding).
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("E010", url=url, reason="only http(s) URLs with a host are fetched")
    if allow_private:
        return None
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError("E011", url=url, reason=f"cannot resolve host ({exc})") from None
    addrs = [ipaddress.ip_address(info[4][0]) for info in infos]
    for addr in addrs:
        if not _is_public(addr):
            raise FetchError(
                "E010",
                url=url,
                reason=f"{addr} is a private/loopback/reserved address (allow with --allow-private-urls)",
            )
    if not addrs:
        raise FetchError("E011", url=url, reason="cannot resolve host (no address)")
    return str(addrs[0])


def pinned(url: str, address: str | None) -> tuple[str, dict[str, str], dict[str, str]]:
    """(URL to connect to, extra headers, httpx extensions) sending ``url``'s request to ``address``.

    The Host header keeps the name for the server and, for https, ``sni_hostname`` makes httpcore send
    the name in TLS and verify the certificate against it.
    """
    if address is None:
        return url, {}, {}
    parts = urlsplit(url)
    host = parts.hostname or ""
    ip = f"[{address}]" if ":" in address else address
    netloc = f"{ip}:{parts.port}" if parts.port else ip
    target = parts._replace(netloc=netloc).geturl()
    headers = {"Host": f"{host}:{parts.port}" if parts.port else host}
    return target, headers, ({"sni_hostname": host} if parts.scheme == "https" else {})


def deadline_seconds(options: Options) -> float:
    """The overall time one fetch may take, redirects and body included (a slow-drip server is cut off)."""
    return DEADLINE_FACTOR * options.url_timeout


def fetch(url: str, options: Options) -> tuple[bytes, str, str]:
    """Return (body, content type, final URL). Redirects are followed one by one and re-checked.

    ``url_timeout`` bounds each network wait; the whole fetch must end within :func:`deadline_seconds`.
    """
    import httpx

    current = url
    limit = deadline_seconds(options)
    deadline = time.monotonic() + limit

    def left() -> float:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError("E011", url=url, reason=f"no complete answer within the overall deadline of {limit:g} s")
        return remaining

    with httpx.Client(timeout=options.url_timeout, headers={"User-Agent": options.user_agent}) as client:
        for _ in range(6):
            target, headers, extensions = pinned(current, check_address(current, options.allow_private_urls))
            wait = min(options.url_timeout, left())
            try:
                with client.stream(
                    "GET",
                    target,
                    headers=headers,
                    extensions=extensions,
                    follow_redirects=False,
                    timeout=httpx.Timeout(wait),
                ) as resp:
                    if resp.is_redirect and "location" in resp.headers:
                        current = str(httpx.URL(current).join(resp.headers["location"]))
                        continue
                    if resp.status_code >= 400:
                        raise FetchError("E011", url=url, reason=f"HTTP {resp.status_code}")
                    ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
                    if ctype and ctype not in ALLOWED_TYPES:
                        raise FetchError("E011", url=url, reason=f"content type {ctype} is not HTML or text")
                    body = bytearray()
                    for chunk in resp.iter_bytes():
                        left()
                        body.extend(chunk)
                        if len(body) > options.max_bytes:
                            raise FetchError(
                                "E011", url=url, reason=f"body over the size cap of {options.max_bytes} bytes"
                            )
                    return bytes(body), ctype, current
            except httpx.HTTPError as exc:
                raise FetchError("E011", url=url, reason=f"{type(exc).__name__}: {exc}") from None
    raise FetchError("E011", url=url, reason="too many redirects")


def article_from_url(url: str, options: Options) -> Article:
    body, ctype, final = fetch(url, options)
    text, warnings = decode_bytes(body, url)
    if ctype == "text/plain":
        return build_article(text, source=url, warnings=warnings, boilerplate=options.boilerplate, url=final)
    return article_from_html(text, source=url, warnings=warnings, boilerplate=options.boilerplate, url=final)
