"""One ASGI middleware for what every request passes: host allow-list, origin and JSON checks, body cap, headers.

Hand-written as plain ASGI (not Starlette's BaseHTTPMiddleware) so streamed responses (Server-Sent Events)
pass through untouched; each check is a few lines and answers with the API's error shape.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsprism.web.errors import error_body

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


def csp(nonce: str) -> str:
    """Content-Security-Policy: only this server's scripts (plus inline ones carrying the page's nonce)."""
    return (
        f"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    )


def host_name(value: str) -> str:
    """``localhost:8000`` -> ``localhost``; ``[::1]:8000`` -> ``[::1]``; lower case."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[: value.find("]") + 1] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class Guard:
    """Refuse foreign hosts (400 E145), cross-origin writes (403 E146), non-JSON API bodies (415 E147) and
    bodies over ``limit`` bytes (413 E130, counted as they arrive, chunked or not); add security headers."""

    def __init__(self, app: ASGIApp, limit: int, hosts: Iterable[str]) -> None:
        self.app = app
        self.limit = limit
        self.hosts = {h.lower() for h in hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        nonce = secrets.token_urlsafe(16)
        scope.setdefault("state", {})["csp_nonce"] = nonce

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"content-security-policy"]
                own = {k.lower() for k, _ in headers}
                extra = {
                    b"content-security-policy": csp(nonce).encode(),
                    b"x-content-type-options": b"nosniff",
                    b"x-frame-options": b"DENY",
                    b"referrer-policy": b"no-referrer",
                    b"cross-origin-opener-policy": b"same-origin",
                    b"cross-origin-resource-policy": b"same-origin",
                }
                headers += [(k, v) for k, v in extra.items() if k not in own or k == b"content-security-policy"]
                message = {**message, "headers": headers}
            await send(message)

        headers = {k.lower(): v.decode("latin-1") for k, v in scope.get("headers") or []}
        host = host_name(headers.get(b"host", ""))
        if host not in self.hosts:
            allowed = ", ".join(sorted(self.hosts))
            msg = f"host {host or '(none)'!r} is not served here (allowed: {allowed}; option web_allowed_hosts)"
            await _reject(send_with_headers, 400, "E145", msg, "HostNotAllowed")
            return
        if scope["method"] in UNSAFE:
            refusal = self._write_refusal(scope, headers)
            if refusal is not None:
                await _reject(send_with_headers, *refusal)
                return
            body = await self._read_body(receive, headers)
            if body is None:
                msg = f"request body over the limit of {self.limit} bytes (option web_max_request_bytes)"
                await _reject(send_with_headers, 413, "E130", msg, "PayloadTooLarge")
                return
            receive = _replay(body, receive)
        await self.app(scope, receive, send_with_headers)

    def _write_refusal(self, scope: Scope, headers: dict[bytes, str]) -> tuple[int, str, str, str] | None:
        # Same origin only: the Origin header (sent by browsers on every cross-origin write) must name this very
        # host and port, and Sec-Fetch-Site must not say another site (another port on localhost included).
        origin = headers.get(b"origin")
        fetch_site = headers.get(b"sec-fetch-site", "same-origin")
        if fetch_site in ("cross-site", "same-site") or (
            origin is not None and urlsplit(origin).netloc.lower() != headers.get(b"host", "").strip().lower()
        ):
            return 403, "E146", f"cross-origin request from {origin or 'another site'} refused", "CrossOrigin"
        if str(scope["path"]).startswith("/api/"):
            ctype = headers.get(b"content-type", "").split(";")[0].strip().lower()
            if ctype != "application/json":
                what = ctype or "no content type"
                msg = f"send the request body as JSON with Content-Type: application/json (got {what})"
                return 415, "E147", msg, "UnsupportedMediaType"
        return None

    async def _read_body(self, receive: Receive, headers: dict[bytes, str]) -> bytes | None:
        """The whole body, or None as soon as it is over the limit (declared or counted)."""
        length = headers.get(b"content-length", "")
        if length.isdigit() and int(length) > self.limit:
            return None
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.limit:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _reject(send: Send, status: int, code: str, message: str, kind: str) -> None:
    body = json.dumps(error_body(code, message, kind)).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
