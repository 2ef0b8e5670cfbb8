"""The web API's error shape, its codes (E130, E141-E149) and the HTTP status of every newsprism error."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from newsprism.errors import FetchError, InputError, ModelError, NewsprismError, StoreError

# Codes only the web layer raises (E131-E139 belong to the store now); docs/web.md lists them.
WEB_CODES = {
    "E130": "request body over web_max_request_bytes (413)",
    "E141": "invalid request: wrong field, type or text (422)",
    "E142": "more articles than web_max_articles (422)",
    "E143": "no such job, page or schema; jobs expire (404)",
    "E144": "job not finished yet (409)",
    "E145": "host name not allowed (400; option web_allowed_hosts)",
    "E146": "cross-origin request refused (403)",
    "E147": "body is not JSON: send Content-Type: application/json (415)",
    "E148": "analysis workers unavailable (503)",
    "E149": "internal error (500)",
}


class ErrorDetail(BaseModel):
    code: str
    type: str
    message: str


class ErrorBody(BaseModel):
    """Every error the API returns: ``{"error": {"code", "type", "message"}}``."""

    error: ErrorDetail


def error_body(code: str, message: str, kind: str) -> dict[str, Any]:
    return {"error": {"code": code, "type": kind, "message": message}}


class ApiError(Exception):
    """An error the web layer answers directly, with its HTTP status."""

    def __init__(self, status: int, code: str, message: str, kind: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.kind = status, code, message, kind

    def __reduce__(self) -> tuple[Any, ...]:  # raised in a worker process, re-raised in the server
        return (ApiError, (self.status, self.code, self.message, self.kind))

    def body(self) -> dict[str, Any]:
        return error_body(self.code, self.message, self.kind)


def status_of(exc: NewsprismError) -> int:
    """HTTP status for a newsprism error: a refused URL is the client's (422), a failed fetch upstream's (502)."""
    if isinstance(exc, FetchError):
        return 422 if exc.code == "E010" else 502
    if exc.code == "E004":
        return 413
    if isinstance(exc, ModelError):
        return 503
    if isinstance(exc, StoreError):  # a bad question is the client's; a damaged or slow store is not
        return 422 if exc.code in ("E120", "E121", "E122", "E123") else 503
    if isinstance(exc, InputError) or exc.exit_code == 2:
        return 422
    return 500


def _documented(*pairs: tuple[int, str]) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": ErrorBody, "description": text} for status, text in pairs}


_GUARD = (
    (400, "Host header not allowed (E145)"),
    (403, "Cross-origin request refused (E146)"),
)
# What a POST can answer besides success (the OpenAPI spec shows the real error shape for each).
ERROR_RESPONSES = _documented(
    *_GUARD,
    (413, "Body over web_max_request_bytes (E130) or text over max_bytes (E004)"),
    (415, "Body not sent as application/json (E147)"),
    (422, "Invalid request (E141), too many articles (E142), bad input (E002…), refused URL (E010)"),
    (502, "The URL could not be fetched (E011)"),
    (503, "An analysis worker stopped (E148)"),
)
# What a GET of a job, its result or a schema can answer besides 200.
LOOKUP_RESPONSES = _documented(
    (400, "Host header not allowed (E145)"),
    (404, "No such job (never existed or expired), schema or format (E143)"),
    (409, "The job is not finished yet (E144)"),
    (422, "Invalid request (E141)"),
)
